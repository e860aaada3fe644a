#!/usr/bin/env bash
# Benchmark of the post-mortem search at 20,000 post-mortems (3 action items each, six sections of 40 to 120 words
# drawn from an incident vocabulary of about 100 words, so common words are in nearly every post-mortem), on the
# packaged jar and its embedded H2 file database. Each query is GET /api/postmortems (HTTP Basic) on one
# connection, as one person searching; then the list page for one of them. (docs/performance.md gives PostgreSQL's
# figures for the same data, taken with psql.)
# Usage: bench/search.sh [duration, default 10s]   (build first: ./mvnw package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10s}
n=20000
source bench/lib.sh
bench_init 18085
work=$(mktemp -d /tmp/debrief-bench-search.XXXXXX)
trap 'stop_server; rm -rf "$work"' EXIT
start_server
stop_server
database=h2
seed_history "$n" --text
start_server
total=$(curl -sf -H "$auth" "$base/api/postmortems?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "post-mortems: $total ($database)"
printf '| database | query | found | req/s | mean latency | p99 |\n|---|---|---:|---:|---:|---:|\n' \
    | tee "$results/search-$database-summary.md"
for query in "q=database" "q=certificate+expired" "q=deploy*" "q=incident+4217" "q=dns&severity=SEV1&from=2024-01-01" \
        "q=vacuum+deadlock+replica+shard" "severity=SEV2"; do
    found=$(curl -sf -H "$auth" "$base/api/postmortems?$query&size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
    out=$results/search-$database-${query//[^a-zA-Z0-9]/_}.txt
    wrk -t1 -c1 -d5s -H "$auth" "$base/api/postmortems?$query" > /dev/null
    wrk -t1 -c1 -d"$duration" --latency -H "$auth" "$base/api/postmortems?$query" > "$out"
    if grep -q "Non-2xx" "$out"; then echo "GET ?$query answered errors: see $out" >&2; exit 1; fi
    printf '| %s | GET /api/postmortems?%s | %s | %s | %s | %s |\n' "$database" "$query" "$found" \
        "$(awk '/^Requests\/sec/ {print $2}' "$out")" "$(awk '/^    Latency/ {print $2}' "$out")" \
        "$(awk '$1 == "99%" {print $2}' "$out")" | tee -a "$results/search-$database-summary.md"
done
curl -sf -o /dev/null -c "$work/cookies" -d j_username=admin -d "j_password=$password" "$base/j_security_check"
cookie="Cookie: $(awk '$6 == "quarkus-credential" {print $6 "=" $7}' "$work/cookies")"
out=$results/search-$database-page.txt
wrk -t1 -c1 -d5s -H "$cookie" "$base/postmortems?q=certificate+expired" > /dev/null
wrk -t1 -c1 -d"$duration" --latency -H "$cookie" "$base/postmortems?q=certificate+expired" > "$out"
if grep -q "Non-2xx" "$out"; then echo "the page answered errors: see $out" >&2; exit 1; fi
printf '| %s | page /postmortems?q=certificate+expired | | %s | %s | %s |\n' "$database" \
    "$(awk '/^Requests\/sec/ {print $2}' "$out")" "$(awk '/^    Latency/ {print $2}' "$out")" \
    "$(awk '$1 == "99%" {print $2}' "$out")" | tee -a "$results/search-$database-summary.md"
