#!/usr/bin/env bash
# Bounded password hashing (issue 10): the latency of authenticated reads with and without a flood of wrong
# passwords, on the packaged jar (build it first: ./mvnw package -DskipTests).
# The sign-in throttle would stop a flood from one address after 50 failures, so this run raises its limits:
# it stands for a flood from many addresses, which only the bounded hashing pool holds back.
# Each setting gets a fresh server: the default pool, then a pool wide enough to be unbounded, for comparison.
# Usage: bench/hashing.sh [duration, default 10s] [flood connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10s}
flood=${2:-32}
source bench/lib.sh
bench_init 18081
work=""
trap stop EXIT

# p50 and p99 of one authenticated wrk run on the post-mortem $id, as "p50 p99" in milliseconds.
reads() {
    wrk -t2 -c8 -d"$duration" --latency -H "$auth" "$base/api/postmortems/$id" > "$results/hashing-$1.txt"
    awk '/^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print p50, p99}' "$results/hashing-$1.txt"
}

run() {
    local name=$1
    shift
    work=$(mktemp -d /tmp/debrief-bench.XXXXXX)
    start_server -Ddebrief.security.sign-in.max-failures-per-user=1000000000 \
        -Ddebrief.security.sign-in.max-failures-per-address=1000000000 "$@"
    id=$(curl -sf -H "$auth" -H 'Content-Type: application/json' "$base/api/postmortems" \
        -d '{"title": "Checkout returned 500s", "severity": "SEV2", "startedAt": "2026-01-05T10:00:00Z"}' \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    wrk -t2 -c8 -d5s -H "$auth" "$base/api/postmortems/$id" > /dev/null
    local quiet flooded
    quiet=$(reads "$name-quiet")
    wrong="Authorization: Basic $(printf 'admin:%s' not-the-password | base64)"
    wrk -t2 -c"$flood" -d"$(( ${duration%s} + 4 ))s" -H "$wrong" "$base/api/board" > "$results/hashing-$name-flood.txt" &
    local flooder=$!
    sleep 2
    flooded=$(reads "$name-flooded")
    wait "$flooder"
    printf '| %-10s | %s | %s |\n' "$name" "$quiet" "$flooded"
    stop
}

echo "| pool | quiet p50 p99 | during the flood p50 p99 |"
echo "|---|---|---|"
run bounded
run unbounded -Ddebrief.security.hashing-threads=64 -Ddebrief.security.hashing-queue=10000
echo "raw wrk output: $results/"
