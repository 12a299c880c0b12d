#!/usr/bin/env bash
# Runs Elective's IHTC-2024 solver on the public instances, one after
# another, and prints a markdown row per instance: feasibility, cost, and
# the gaps to the competition's best (600 s, 4 threads) and to the best
# known, from shared/bench/ihtc2024/best-known.csv. Each written solution is
# evaluated again from its file by `elective bench ihtc-cost`.
#
#   scripts/bench-ihtc.sh SECONDS [THREADS] [INSTANCE ...]
#
# With no instances it runs i01 to i30. At 600 s that is five hours: split
# the instances over several runs, e.g. `scripts/bench-ihtc.sh 600 2 i01 i02`.
# Set OUT to a folder to keep each solution and the solver's log there; the
# last column is the moves both threads tried, which shows how much of the
# machine the run had.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:?usage: scripts/bench-ihtc.sh SECONDS [THREADS] [INSTANCE ...]}
threads=${2:-2}
shift $(( $# >= 2 ? 2 : 1 ))
data=../shared/bench/ihtc2024
insts=("$@")
if [ ${#insts[@]} -eq 0 ]; then insts=($(seq -f 'i%02g' 1 30)); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=${OUT:-$work}
mkdir -p "$out"
go build -o "$work/elective" ./cmd/elective
echo "| instance | feasible | cost | competition best | gap | best known | gap | seconds, threads | moves |"
echo "|---|---|---|---|---|---|---|---|---|"
for i in "${insts[@]}"; do
  "$work/elective" bench ihtc "$data/instances/$i.json" --seconds "$secs" --threads "$threads" --seed 1 \
    --out "$out/$i.json" >"$out/$i.log" 2>&1
  cost=$("$work/elective" bench ihtc-cost "$data/instances/$i.json" "$out/$i.json")
  feasible=$(echo "$cost" | awk '/^feasible:/ {print $2}')
  total=$(echo "$cost" | awk '/^total:/ {print $2}')
  moves=$(awk '/^iterations:/ {printf "%.0fM", $2/1e6}' "$out/$i.log")
  awk -F, -v i="$i" -v t="$total" -v f="$feasible" -v s="$secs" -v th="$threads" -v m="$moves" '
    $1 == i { printf "| %s | %s | %d | %d | %+.1f%% | %d | %+.1f%% | %s s, %s | %s |\n",
      i, f, t, $11, 100*(t-$11)/$11, $12, 100*(t-$12)/$12, s, th, m }' "$data/best-known.csv"
done
