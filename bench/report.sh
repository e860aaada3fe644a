#!/usr/bin/env bash
# Benchmark of the monthly report on ten years of history, at 2,000 and at 20,000 post-mortems (3 action
# items each), on the packaged jar and its embedded H2 file database: the default report (the last 12 full
# months and the current one, what the monthly meeting opens) and the whole ten years (120 months).
# Usage: bench/report.sh [duration, default 20s]   (build first: ./mvnw package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20s}
app=$(pwd)/target/quarkus-app
[ -f "$app/quarkus-run.jar" ] || { echo "no $app: run ./mvnw package -DskipTests first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
password=bench-admin-password
auth="Authorization: Basic $(printf 'admin:%s' "$password" | base64)"
port=18081
base=http://127.0.0.1:$port
results=$(pwd)/bench/results
mkdir -p "$results"
end=$(date -u +%Y-%m)
from=$(date -u -d "$(date -u +%Y-%m-01) -119 months" +%Y-%m)
work=""
source bench/lib.sh
trap 'stop_server; [ -n "$work" ] && rm -rf "$work"' EXIT

printf '| post-mortems | action items | range | req/s | mean latency | p99 |\n|---:|---:|---|---:|---:|---:|\n' \
    | tee "$results/report-summary.md"
for n in 2000 20000; do
    work=$(mktemp -d /tmp/debrief-bench-report.XXXXXX)
    start_server
    stop_server
    seed_history "$n"
    start_server
    for range in default ten-years; do
        url="$base/api/reports/monthly"
        [ "$range" = ten-years ] && url="$url?from=$from&to=$end"
        curl -sf -H "$auth" "$url" > "$work/report-$range.json"
        wrk -t1 -c1 -d10s -H "$auth" "$url" > /dev/null
        wrk -t1 -c1 -d"$duration" --latency -H "$auth" "$url" > "$results/report-$n-$range.txt"
        rps=$(awk '/^Requests\/sec/ {print $2}' "$results/report-$n-$range.txt")
        mean=$(awk '/^    Latency/ {print $2}' "$results/report-$n-$range.txt")
        p99=$(awk '$1 == "99%" {print $2}' "$results/report-$n-$range.txt")
        printf '| %d | %d | %s | %s | %s | %s |\n' "$n" $((3 * n)) "$range" "$rps" "$mean" "$p99" \
            | tee -a "$results/report-summary.md"
    done
    stop_server
    rm -rf "$work"
    work=""
done
