#!/usr/bin/env bash
# Benchmarks of the foundation issue, on the packaged jar (build it first: ./mvnw package -DskipTests).
#   1. GET one post-mortem with three items: HTTP Basic (credential cache) vs. security disabled.
#   2. POST a draft: durable H2 (WRITE_DELAY=0, the default) vs. H2's own default (write delay 500 ms).
# Each case gets a fresh server in an empty directory, a warm-up run, then a measured wrk run.
# Usage: bench/foundation.sh [duration, default 20s] [connections, default 8]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20s}
connections=${2:-8}
source bench/lib.sh
bench_init 18080
work=""
trap stop EXIT

start() {
    work=$(mktemp -d /tmp/debrief-bench.XXXXXX)
    start_server "$@"
}

seed() {
    local id
    id=$(curl -sf -H "$auth" -H 'Content-Type: application/json' "$base/api/postmortems" -d '{
        "title": "Checkout returned 500s", "severity": "SEV2", "services": ["checkout", "payments"],
        "startedAt": "2026-01-05T10:00:00Z", "detectedAt": "2026-01-05T10:15:00Z",
        "resolvedAt": "2026-01-05T10:50:00Z", "detectionSource": "CUSTOMER",
        "summary": "Checkout failed for 50 minutes.", "impact": "12% of orders failed.",
        "whatHappened": "A config push disabled the payment pool.",
        "whyDetectionFailed": "No alert on the checkout error rate.",
        "whyResponseFailed": "The runbook pointed at a retired dashboard.",
        "whatWeChange": "Alert on error-budget burn.",
        "timeline": [{"at": "2026-01-05T10:00:00Z", "event": "config pushed"}]}' \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    for rank in 1 2 3; do
        curl -sf -o /dev/null -H "$auth" -H 'Content-Type: application/json' "$base/api/postmortems/$id/action-items" \
            -d "{\"priority\": $rank, \"title\": \"Action $rank\", \"owner\": \"team\", \"dueDate\": \"2026-02-01\", \"kind\": \"PREVENTION\"}"
    done
    echo "$id"
}

# run NAME wrk-args...: warm-up, then the measured run; prints "NAME req/s p99"
run() {
    local name=$1
    shift
    wrk -t1 -c"$connections" -d10s "$@" >/dev/null
    wrk -t1 -c"$connections" -d"$duration" --latency "$@" > "$results/$name.txt"
    local rps p99
    rps=$(awk '/^Requests\/sec/ {print $2}' "$results/$name.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$results/$name.txt")
    grep -q "Non-2xx" "$results/$name.txt" && { echo "$name: non-2xx answers, see $results/$name.txt" >&2; exit 1; }
    printf '| %-28s | %10s | %8s |\n' "$name" "$rps" "$p99" | tee -a "$results/summary.md"
}

: > "$results/summary.md"
printf '| case | req/s | p99 |\n|---|---:|---:|\n' | tee -a "$results/summary.md"

start
id=$(seed)
run get-authenticated -H "$auth" "$base/api/postmortems/$id"
run post-durable -H "$auth" -s bench/post.lua "$base/api/postmortems"
stop

open_policy=(-Dquarkus.http.auth.permission.read.policy=permit -Dquarkus.http.auth.permission.write.policy=permit)
start "${open_policy[@]}"
id=$(seed)
run get-security-disabled "$base/api/postmortems/$id"
stop

start -Dquarkus.datasource.jdbc.url=jdbc:h2:file:./data/debrief
run post-h2-default-write-delay -H "$auth" -s bench/post.lua "$base/api/postmortems"
stop

echo "raw wrk output: $results/"
