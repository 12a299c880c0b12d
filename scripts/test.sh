#!/usr/bin/env bash
# Runs every test of Elective on this machine: the unit tests, the store
# suite on SQLite and on PostgreSQL, and the end-to-end test in a real
# headless Chromium. It installs or starts what it needs first:
#   - Debian's chromium, when it is missing (needs root or sudo);
#   - a running PostgreSQL on 127.0.0.1:5432 and a test database, unless
#     ELECTIVE_TEST_POSTGRES already names one.
# Missing PostgreSQL or Chromium after that is a test failure, not a skip.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "test.sh: need root to run: $*" >&2; return 1; fi
}

ensure_chromium() {
  if command -v chromium >/dev/null || [ -n "${ELECTIVE_CHROMIUM:-}" ]; then return; fi
  echo "test.sh: installing Debian's chromium for the browser test" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
}

ensure_postgres() {
  if [ -n "${ELECTIVE_TEST_POSTGRES:-}" ]; then return; fi
  local host=127.0.0.1 port=5432 db=elective_test
  if ! pg_isready -q -h "$host" -p "$port" 2>/dev/null; then
    echo "test.sh: starting PostgreSQL" >&2
    local version
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$version" ]; then
      echo "test.sh: PostgreSQL is not installed (expected a cluster under /etc/postgresql)" >&2
      exit 1
    fi
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h "$host" -p "$port" && break; sleep 1; done
  fi
  local psql=(psql -h "$host" -p "$port" -U postgres -d postgres -tAc)
  if ! "${psql[@]}" "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    "${psql[@]}" "CREATE DATABASE $db"
  fi
  export ELECTIVE_TEST_POSTGRES="postgres://postgres@$host:$port/$db?sslmode=disable"
}

ensure_chromium
ensure_postgres
export ELECTIVE_TEST_BROWSER=required

echo "test.sh: gofmt and go vet" >&2
unformatted=$(gofmt -l . | grep -v '^web/static/' || true)
if [ -n "$unformatted" ]; then
  echo "test.sh: these files need gofmt:" >&2
  echo "$unformatted" >&2
  exit 1
fi
go vet ./...

echo "test.sh: go test (store suite on SQLite and $ELECTIVE_TEST_POSTGRES; browser test in Chromium)" >&2
go test -count=1 -timeout 20m ./...
