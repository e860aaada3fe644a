#!/usr/bin/env bash
# Benchmark of the post-mortem search at 20,000 post-mortems (3 action items each, six sections of 40 to 120 words
# drawn from an incident vocabulary of about 100 words, so common words are in nearly every post-mortem), on the
# packaged jar: by default on its embedded H2 file database; given a PostgreSQL JDBC URL (an empty database, user
# and password debrief), on a copy of the jar re-augmented for PostgreSQL as docs/operations.md tells operators.
# Each query is GET /api/postmortems (HTTP Basic) on one connection, as one person searching; then the list page
# for one of them.
# Usage: bench/search.sh [duration, default 10s] [jdbc:postgresql://HOST:PORT/DB]
#        (build first: ./mvnw package -DskipTests; PostgreSQL needs psql on the PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10s}
n=20000
source bench/lib.sh
bench_init 18085
work=$(mktemp -d /tmp/debrief-bench-search.XXXXXX)
trap 'stop_server; rm -rf "$work"' EXIT
postgres=${2:-}
if [ -z "$postgres" ]; then
    database=h2
    start_server
    stop_server
    seed_history "$n" --text
else
    database=postgresql
    export QUARKUS_DATASOURCE_JDBC_URL=$postgres QUARKUS_DATASOURCE_USERNAME=debrief QUARKUS_DATASOURCE_PASSWORD=debrief
    # Several instances may share PostgreSQL, so none keeps a session key of its own there (docs/operations.md).
    export QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=bench-session-key-of-at-least-32-characters
    cp -r "$app" "$work/quarkus-app"
    app=$work/quarkus-app
    java -Dquarkus.launch.rebuild=true -Dquarkus.datasource.db-kind=postgresql -jar "$app/quarkus-run.jar" \
        > "$work/rebuild.log" 2>&1
    start_server
    stop_server
    python3 bench/seed-history.py "$n" "$(date -u +%Y-%m)" --text > "$work/seed.sql"
    hostport=${postgres#jdbc:postgresql://}
    hostport=${hostport%%/*}
    PGPASSWORD=debrief psql -q -v ON_ERROR_STOP=1 -h "${hostport%:*}" -p "${hostport#*:}" -U debrief \
        -d "${postgres##*/}" -f "$work/seed.sql" -c "vacuum analyze postmortem, action_item" > /dev/null
fi
start_server
# The heap in use after a full collection (serial GC, as jvm.options sets): before the first search and after
# them all, which on H2 is what the application's index of words holds.
heap_used_mb() {
    jcmd "$pid" GC.run > /dev/null
    jcmd "$pid" GC.heap_info | awk '/generation/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1);
        sub(/K,?/, "", v); s += v } } END { printf "%.0f", s / 1024 }'
}
total=$(curl -sf -H "$auth" "$base/api/postmortems?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "post-mortems: $total ($database)"
heap_before=$(heap_used_mb)
first=$(curl -sf -o /dev/null -w '%{time_total}' -H "$auth" "$base/api/postmortems?q=database")
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
{
    echo "the first search after the start: $first s"
    grep -o "Search index: .*" "$work/server.log" || true
    echo "heap in use after a full GC: $heap_before MB before the first search, $(heap_used_mb) MB after them"
} | tee -a "$results/search-$database-summary.md"
