#!/usr/bin/env bash
# Benchmark of the weekly review board with 5,001 open action items (1,667 post-mortems, 3 items each), on the
# packaged jar and its embedded H2 file database: GET /api/board (JSON, HTTP Basic) and GET /board (the page,
# with the session cookie of a form sign-in, as a person's browser sends it).
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
# The pages take no HTTP Basic: sign in with the form, as a browser does, and send its session cookie.
curl -sf -o /dev/null -c "$work/cookies" -d j_username=admin -d "j_password=$password" "$base/j_security_check"
cookie="Cookie: $(awk '$6 == "quarkus-credential" {print $6 "=" $7}' "$work/cookies")"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "$cookie" "$base/board")" = 200 ] || { echo "the page sign-in failed" >&2; exit 1; }
printf '| request | open items | req/s | mean latency | p99 |\n|---|---:|---:|---:|---:|\n' | tee "$results/board-summary.md"
for path in /api/board /board; do
    if [ "$path" = /board ]; then header=$cookie; out=$results/board-page.txt; else header=$auth; out=$results/board.txt; fi
    wrk -t1 -c2 -d10s -H "$header" "$base$path" > /dev/null
    wrk -t1 -c2 -d"$duration" --latency -H "$header" "$base$path" > "$out"
    if grep -q "Non-2xx" "$out"; then echo "GET $path answered errors: see $out" >&2; exit 1; fi
    printf '| GET %s | %s | %s | %s | %s |\n' "$path" "$open" "$(awk '/^Requests\/sec/ {print $2}' "$out")" \
        "$(awk '/^    Latency/ {print $2}' "$out")" "$(awk '$1 == "99%" {print $2}' "$out")" \
        | tee -a "$results/board-summary.md"
done
