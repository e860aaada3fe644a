#!/usr/bin/env bash
# Benchmark of the monthly report on the packaged jar and its embedded H2 file database, for three histories
# (3 action items per post-mortem): one year at 2,000 post-mortems a year, ten years at the same rate (20,000),
# and ten years at a tenth of the rate (2,000). Each is measured for the default report (the last 12 full
# months and the current one, what the monthly meeting opens) and for the whole ten years (120 months).
# Usage: bench/report.sh [duration, default 20s]   (build first: ./mvnw package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20s}
source bench/lib.sh
bench_init 18081
end=$(date -u +%Y-%m)
from=$(date -u -d "$(date -u +%Y-%m-01) -119 months" +%Y-%m)
work=""
trap 'stop_server; [ -n "$work" ] && rm -rf "$work"' EXIT

printf '| post-mortems | action items | years of history | range | req/s | mean latency | p99 |\n' \
    | tee "$results/report-summary.md"
printf '|---:|---:|---:|---|---:|---:|---:|\n' | tee -a "$results/report-summary.md"
for history in 2000:1 20000:10 2000:10; do
    n=${history%:*}
    years=${history#*:}
    work=$(mktemp -d /tmp/debrief-bench-report.XXXXXX)
    start_server
    stop_server
    seed_history "$n" --years="$years"
    start_server
    for range in default ten-years; do
        url="$base/api/reports/monthly"
        [ "$range" = ten-years ] && url="$url?from=$from&to=$end"
        curl -sf -H "$auth" "$url" > "$work/report-$range.json"
        wrk -t1 -c1 -d10s -H "$auth" "$url" > /dev/null
        out="$results/report-$n-${years}y-$range.txt"
        wrk -t1 -c1 -d"$duration" --latency -H "$auth" "$url" > "$out"
        rps=$(awk '/^Requests\/sec/ {print $2}' "$out")
        mean=$(awk '/^    Latency/ {print $2}' "$out")
        p99=$(awk '$1 == "99%" {print $2}' "$out")
        printf '| %d | %d | %d | %s | %s | %s | %s |\n' "$n" $((3 * n)) "$years" "$range" "$rps" "$mean" "$p99" \
            | tee -a "$results/report-summary.md"
    done
    stop_server
    rm -rf "$work"
    work=""
done

# With one connection, time per report is 1 / (requests per second): the ratios the performance target is about.
rps() { awk '/^Requests\/sec/ {print $2}' "$results/report-$1.txt"; }
for range in default ten-years; do
    awk -v g1="$(rps "2000-1y-$range")" -v d1="$(rps "2000-10y-$range")" -v big="$(rps "20000-10y-$range")" \
        -v range="$range" 'BEGIN { printf "%s report, time at 20,000 / time at 2,000: %.2fx when the history grows from 1 to 10 years at the same rate, %.2fx when ten years hold ten times as many\n", range, g1 / big, d1 / big }' \
        | tee -a "$results/report-summary.md"
done
