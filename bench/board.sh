#!/usr/bin/env bash
# Benchmark of the weekly review board with 5,001 open action items (1,667 post-mortems, 3 items each), on the
# packaged jar and its embedded H2 file database: GET /api/board (JSON) and GET /board (the page).
# Usage: bench/board.sh [duration, default 20s]   (build first: ./mvnw package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20s}
source bench/lib.sh
bench_init 18083
work=$(mktemp -d /tmp/debrief-bench-board.XXXXXX)
trap 'stop_server; rm -rf "$work"' EXIT
start_server
stop_server
seed_history 1667 --all-open
start_server
open=$(curl -sf -H "$auth" "$base/api/board" | python3 -c 'import json,sys; b=json.load(sys.stdin); c=b["counts"]; print(c["overdue"]+c["dueThisWeek"]+c["later"])')
echo "open items on the board: $open"
printf '| request | open items | req/s | mean latency | p99 |\n|---|---:|---:|---:|---:|\n' | tee "$results/board-summary.md"
for path in /api/board; do
    wrk -t1 -c2 -d10s -H "$auth" "$base$path" > /dev/null
    wrk -t1 -c2 -d"$duration" --latency -H "$auth" "$base$path" > "$results/board.txt"
    printf '| GET %s | %s | %s | %s | %s |\n' "$path" "$open" "$(awk '/^Requests\/sec/ {print $2}' "$results/board.txt")" \
        "$(awk '/^    Latency/ {print $2}' "$results/board.txt")" "$(awk '$1 == "99%" {print $2}' "$results/board.txt")" \
        | tee -a "$results/board-summary.md"
done
