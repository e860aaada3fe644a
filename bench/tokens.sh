#!/usr/bin/env bash
# Benchmark of personal API tokens, on the packaged jar (build it first: ./mvnw package -DskipTests): GET one
# post-mortem with a remembered HTTP Basic credential, then with a bearer token, in the same server, alternating
# twice so that drift of this shared machine shows. Both check the credential against the database at each request
# (the Basic recheck is one read by primary key; the token one read by its hash with its owner).
# Usage: bench/tokens.sh [duration, default 20s] [connections, default 8]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20s}
connections=${2:-8}
source bench/lib.sh
bench_init 18082
work=$(mktemp -d /tmp/debrief-bench.XXXXXX)
trap stop EXIT
start_server

id=$(curl -sf -H "$auth" -H 'Content-Type: application/json' "$base/api/postmortems" \
    -d '{"title": "Checkout returned 500s", "severity": "SEV2", "startedAt": "2026-01-05T10:00:00Z"}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
token=$(curl -sf -H "$auth" -H 'Content-Type: application/json' "$base/api/tokens" \
    -d '{"name": "bench", "scope": "read"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
bearer="Authorization: Bearer $token"

run() {
    local name=$1
    shift
    wrk -t1 -c"$connections" -d5s "$@" >/dev/null
    wrk -t1 -c"$connections" -d"$duration" --latency "$@" > "$results/$name.txt"
    grep -q "Non-2xx" "$results/$name.txt" && { echo "$name: non-2xx answers, see $results/$name.txt" >&2; exit 1; }
    printf '| %-22s | %10s | %8s | %8s |\n' "$name" "$(awk '/^Requests\/sec/ {print $2}' "$results/$name.txt")" \
        "$(awk '$1 == "50%" {print $2}' "$results/$name.txt")" "$(awk '$1 == "99%" {print $2}' "$results/$name.txt")" \
        | tee -a "$results/tokens.md"
}

printf '| credential | req/s | p50 | p99 |\n|---|---:|---:|---:|\n' | tee "$results/tokens.md"
for round in 1 2; do
    run "basic-$round" -H "$auth" "$base/api/postmortems/$id"
    run "token-$round" -H "$bearer" "$base/api/postmortems/$id"
done
echo "raw wrk output: $results/"
