#!/usr/bin/env bash
# Runs Elective's shift scheduling solver on the Curtois-Qu instances, one
# after another, and prints a markdown row per instance: feasibility, the
# objective, the best known upper bound (best_ub_wssuite_benchmark_nrp_yml
# of shared/bench/rostering/curtois-qu/best-known.csv), the gap to it and
# the moves tried (which show how much of the machine the run had).
# Each written roster is evaluated again from its file by
# `elective bench roster-cost`.
#
#   scripts/bench-roster.sh SECONDS [THREADS] [INSTANCE ...]
#
# Instances are named as the files, without .txt (Instance1, Instance13).
# With none it runs every instance of the folder: twelve, so 12 minutes at
# 60 s and two hours at 600 s.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:?usage: scripts/bench-roster.sh SECONDS [THREADS] [INSTANCE ...]}
threads=${2:-2}
shift $(( $# >= 2 ? 2 : 1 ))
data=../shared/bench/rostering/curtois-qu
insts=("$@")
if [ ${#insts[@]} -eq 0 ]; then
  insts=($(ls "$data" | sed -n 's/^\(Instance[0-9]*\)\.txt$/\1/p' | sort -V))
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/elective" ./cmd/elective
echo "| instance | feasible | objective | best known | gap | moves (all threads) |"
echo "|---|---|---|---|---|---|"
for i in "${insts[@]}"; do
  "$work/elective" bench roster "$data/$i.txt" --seconds "$secs" --threads "$threads" --seed 1 \
    --out "$work/$i.roster" >"$work/$i.out" 2>/dev/null
  moves=$(awk '/^iterations:/ {printf "%.0fM", $2/1e6}' "$work/$i.out")
  cost=$("$work/elective" bench roster-cost "$data/$i.txt" "$work/$i.roster")
  feasible=$(echo "$cost" | awk '/^feasible:/ {print $2}')
  objective=$(echo "$cost" | awk '/^objective:/ {print $2}')
  awk -F, -v i="$i" -v o="$objective" -v f="$feasible" -v m="$moves" '
    { sub(/\r$/, "") }
    NR == 1 { for (c = 1; c <= NF; c++) if ($c == "best_ub_wssuite_benchmark_nrp_yml") col = c }
    $1 == i { printf "| %s | %s | %d | %d | %+.1f%% | %s |\n", i, f, o, $col, 100*(o-$col)/$col, m }' "$data/best-known.csv"
done
