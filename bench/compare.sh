#!/usr/bin/env bash
# Debrief against the smallest app on the same stack (../shared/baseline/minimal-stack-app), measured side by side
# in one run, because absolute times on a shared 2-core machine drift from run to run (docs/performance.md).
#
# Copies the minimal app out of ../shared (which may be read-only) into target/baseline and builds it once, builds
# Debrief (unless --no-build), then:
#   1. starts each in turn, A B A B ..., ROUNDS times on a database it migrated before (a restart, as an operator's),
#      and records the time from launch to the first 200 of /q/health/ready and the RSS 2 s after it;
#   2. GET of one post-mortem with 3 items (Debrief with HTTP Basic, the minimal app without), and the post-mortem
#      page against the minimal app's list page, wrk 2 threads x 32 connections, in turn, ROUNDS times;
# and prints each figure's median and spread (min-max) and the ratio of medians, then runs bench/board.sh.
# Debrief starts exactly as docs/operations.md says: java @target/quarkus-app/jvm.options -jar ...quarkus-run.jar;
# the minimal app with plain java -jar, as its README says.
#
# Usage: bench/compare.sh [--no-build] [--no-board]     ROUNDS (default 5) and DURATION (default 15s) from the env.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rounds=${ROUNDS:-5}
duration=${DURATION:-15s}
build=true
board=true
for arg in "$@"; do
    case "$arg" in
    --no-build) build=false ;;
    --no-board) board=false ;;
    *) echo "usage: bench/compare.sh [--no-build] [--no-board]" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
baseline_src=${BASELINE:-$root/../shared/baseline/minimal-stack-app}
[ -f "$baseline_src/pom.xml" ] || { echo "no minimal app at $baseline_src (set BASELINE)" >&2; exit 1; }

work=$(mktemp -d /tmp/debrief-compare.XXXXXX)
pid=""
stop_app() {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        timeout 30 tail --pid="$pid" -f /dev/null || kill -9 "$pid" 2>/dev/null || true
        pid=""
    fi
}
trap 'stop_app; rm -rf "$work"' EXIT

# --- build ---------------------------------------------------------------------------------------------------
# The minimal app is copied and built once under target/ (a clean build of Debrief removes it).
minimal_src=$root/target/baseline/minimal-stack-app
if [ ! -f "$minimal_src/target/quarkus-app/quarkus-run.jar" ]; then
    rm -rf "$minimal_src"
    mkdir -p "$(dirname "$minimal_src")"
    cp -r "$baseline_src" "$minimal_src"
    chmod -R u+w "$minimal_src"
    echo "building the minimal app"
    (cd "$minimal_src" && ./mvnw -B -q package -DskipTests)
fi
if $build; then
    echo "building Debrief"
    ./mvnw -B -q package -DskipTests
fi
debrief_app=$root/target/quarkus-app
minimal_app=$minimal_src/target/quarkus-app
[ -f "$debrief_app/jvm.options" ] || { echo "no $debrief_app/jvm.options: build Debrief first" >&2; exit 1; }
password=bench-admin-password
auth="Authorization: Basic $(printf 'admin:%s' "$password" | base64)"
port=18097
base=http://127.0.0.1:$port

# start NAME: starts the app in its own working directory; sets pid and started (nanoseconds at launch).
start() {
    mkdir -p "$work/run-$1"
    started=$(date +%s%N)
    if [ "$1" = debrief ]; then
        (cd "$work/run-$1" && DEBRIEF_ADMIN_PASSWORD=$password QUARKUS_HTTP_PORT=$port \
            exec java @"$debrief_app/jvm.options" -jar "$debrief_app/quarkus-run.jar" >> server.log 2>&1) &
    else
        (cd "$work/run-$1" && QUARKUS_HTTP_PORT=$port exec java -jar "$minimal_app/quarkus-run.jar" >> server.log 2>&1) &
    fi
    pid=$!
}

# ready: waits for the first 200 of /q/health/ready; prints the milliseconds since launch.
ready() {
    for _ in $(seq 1 1200); do
        if curl -sf -o /dev/null "$base/q/health/ready" 2>/dev/null; then
            echo $((($(date +%s%N) - started) / 1000000))
            return 0
        fi
        sleep 0.05
    done
    echo "no 200 within a minute; see $work/run-*/server.log" >&2
    exit 1
}

# stats FILE: median, min and max of the numbers in FILE.
stats() { sort -n "$1" | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%s %s %s\n", m, v[1], v[NR]}'; }

# --- 1. start-up and memory ---------------------------------------------------------------------------------------
for app in debrief minimal; do # first starts make each database; they are not measured
    start $app; ready > /dev/null; stop_app
done
for round in $(seq 1 "$rounds"); do
    for app in debrief minimal; do
        start $app
        ms=$(ready)
        sleep 2
        rss=$(ps -o rss= -p "$pid" | tr -d ' ')
        echo "$ms" >> "$work/start-$app"
        echo $((rss / 1024)) >> "$work/rss-$app"
        echo "round $round $app: first 200 after $ms ms, RSS $((rss / 1024)) MB"
        stop_app
    done
done

# --- 2. the request path ------------------------------------------------------------------------------------------
item() { printf '{"priority":%s,"title":"Action %s","owner":"alice","dueDate":"2031-01-0%s","kind":"PREVENTION"}' "$1" "$1" "$1"; }
debrief_body=$(printf '{"title":"Checkout outage","severity":"SEV2","startedAt":"2026-11-02T10:00:00Z","detectedAt":"2026-11-02T10:20:00Z","resolvedAt":"2026-11-02T11:00:00Z","summary":"Checkout failed.","impact":"Orders lost.","whatHappened":"A deploy broke it.","whyDetectionFailed":"No alert.","whyResponseFailed":"No runbook.","whatWeChange":"Add both."}')
minimal_body='{"title":"Checkout outage","actionItems":[{"description":"Action 1","position":1},{"description":"Action 2","position":2},{"description":"Action 3","position":3}]}'
start debrief; ready > /dev/null
debrief_id=$(curl -sf -H "$auth" -H 'Content-Type: application/json' -d "$debrief_body" "$base/api/postmortems" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
for rank in 1 2 3; do
    curl -sf -o /dev/null -H "$auth" -H 'Content-Type: application/json' -d "$(item $rank)" \
        "$base/api/postmortems/$debrief_id/action-items"
done
stop_app
start minimal; ready > /dev/null
minimal_id=$(curl -sf -H 'Content-Type: application/json' -d "$minimal_body" "$base/api/postmortems" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
stop_app

# measure NAME APP PATH [header]: warms up, then one wrk run; appends req/s to $work/rps-NAME.
measure() {
    local name=$1 path=$3
    shift 3
    wrk -t2 -c32 -d5s "$@" "$base$path" > /dev/null
    wrk -t2 -c32 -d"$duration" "$@" "$base$path" > "$work/wrk.txt"
    awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt" >> "$work/rps-$name"
    # wrk counts redirects as successes: the status of one request must be 200 too.
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$@" "$base$path")" = 200 ] || { echo "$name: not 200" >&2; exit 1; }
    if grep -q "Non-2xx" "$work/wrk.txt"; then
        echo "$name: non-2xx responses" >&2
        cat "$work/wrk.txt" >&2
        exit 1
    fi
}
# A page session, as a browser gets it from the login form (pages do not take HTTP Basic).
session() {
    curl -s -o /dev/null -c - -d "j_username=admin" --data-urlencode "j_password=$password" "$base/j_security_check" \
        | awk '$6 == "quarkus-credential" {print "quarkus-credential=" $7}'
}
for round in $(seq 1 "$rounds"); do
    start debrief; ready > /dev/null
    cookie=$(session)
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/postmortems/$debrief_id")" = 200 ] \
        || { echo "the post-mortem page did not answer 200 to a signed-in session" >&2; exit 1; }
    measure debrief-get debrief "/api/postmortems/$debrief_id" -H "$auth"
    measure debrief-page debrief "/postmortems/$debrief_id" -H "Cookie: $cookie"
    stop_app
    start minimal; ready > /dev/null
    measure minimal-get minimal "/api/postmortems/$minimal_id"
    measure minimal-page minimal "/postmortems"
    stop_app
    echo "round $round: GET $(tail -n1 "$work/rps-debrief-get") vs $(tail -n1 "$work/rps-minimal-get") req/s," \
        "page $(tail -n1 "$work/rps-debrief-page") vs $(tail -n1 "$work/rps-minimal-page") req/s"
done

# --- summary ------------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
row() { # label debrief-file minimal-file goal unit
    read -r dm dmin dmax < <(stats "$work/$2")
    read -r mm mmin mmax < <(stats "$work/$3")
    printf '| %s | %s (%s-%s) | %s (%s-%s) | %sx | %s |\n' "$1" "$dm" "$dmin" "$dmax" "$mm" "$mmin" "$mmax" \
        "$(ratio "$dm" "$mm")" "$4"
}
mkdir -p bench/results
{
    echo "$(date -u +%Y-%m-%d) $(nproc) cores, $(java -version 2>&1 | head -n1), $rounds rounds, wrk 2x32 $duration"
    echo
    echo '| figure | Debrief median (min-max) | minimal app median (min-max) | ratio | goal |'
    echo '|---|---:|---:|---:|---:|'
    row "time from launch to first 200, ms" start-debrief start-minimal "<= 0.6x"
    row "RSS 2 s after first 200, MB" rss-debrief rss-minimal "<= 0.8x"
    row "GET one post-mortem with 3 items, req/s" rps-debrief-get rps-minimal-get ">= 0.8x"
    row "post-mortem page vs list page, req/s" rps-debrief-page rps-minimal-page ">= 0.8x"
} | tee bench/results/compare-summary.md

if $board; then
    bash bench/board.sh
fi
