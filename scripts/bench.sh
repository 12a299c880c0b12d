#!/usr/bin/env bash
# Measures the figures recorded in docs/benchmarks.md on this machine:
#   1. `elective demo --scale large` on SQLite: wall time and peak memory;
#   2. PTL and waiting-list page server time at that size;
#   3. bookings per second with 64 concurrent bookers on different slots
#      (on a copy of the database, since it books);
#   4. the RTT engine's derivation speed (Go benchmark).
# With ELECTIVE_BENCH_POSTGRES set to a database URL, 2 and 3 also run on
# PostgreSQL (the demo is built into that database first; it must be empty).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/elective" ./cmd/elective
bin="$work/elective"

echo "== machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(go version | cut -d' ' -f3)"

echo "== elective demo --scale large (SQLite)"
if command -v /usr/bin/time >/dev/null; then
  /usr/bin/time -f "wall %e s, peak memory %M KB" "$bin" demo --db "$work/large.db" --scale large 2>&1 | tr '\r' '\n' | grep -v '^Building' || true
else
  "$bin" demo --db "$work/large.db" --scale large 2>&1 | tr '\r' '\n' | grep -v '^Building'
fi

echo "== PTL pages (SQLite)"
"$bin" bench ptl --db "$work/large.db"

echo "== bookings (SQLite, copy of the large demo)"
cp "$work/large.db" "$work/book.db"
"$bin" bench booking --db "$work/book.db" --bookers 64 --bookings 2000

if [ -n "${ELECTIVE_BENCH_POSTGRES:-}" ]; then
  echo "== elective demo --scale large (PostgreSQL)"
  "$bin" demo --db "$ELECTIVE_BENCH_POSTGRES" --scale large 2>&1 | tr '\r' '\n' | grep -v '^Building'
  echo "== PTL pages (PostgreSQL)"
  "$bin" bench ptl --db "$ELECTIVE_BENCH_POSTGRES"
  echo "== bookings (PostgreSQL)"
  "$bin" bench booking --db "$ELECTIVE_BENCH_POSTGRES" --bookers 64 --bookings 2000
fi

echo "== RTT engine"
go test -run '^$' -bench Derive -benchtime 2s ./rtt/ | grep Benchmark
