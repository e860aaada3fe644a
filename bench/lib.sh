# Shared by the bench scripts: check the tools, start and stop the packaged jar in a working directory of its
# own. The caller runs bench_init first, and sets work (the working directory) before start_server.

pid=""

# bench_init PORT: checks the packaged jar and wrk, and sets app, password, auth, port, base and results.
bench_init() {
    app=$(pwd)/target/quarkus-app
    [ -f "$app/jvm.options" ] || { echo "no $app/jvm.options: run ./mvnw package -DskipTests first" >&2; exit 1; }
    command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
    password=bench-admin-password
    auth="Authorization: Basic $(printf 'admin:%s' "$password" | base64)"
    port=$1
    base=http://127.0.0.1:$port
    results=$(pwd)/bench/results
    mkdir -p "$results"
}

# Stops the server and waits for it: a JVM still shutting down loads classes from the jars.
stop_server() {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        timeout 30 tail --pid="$pid" -f /dev/null || kill -9 "$pid" 2>/dev/null || true
        pid=""
    fi
}

# stop: stops the server and removes its working directory $work; scripts run it on exit (trap stop EXIT).
stop() {
    stop_server
    [ -n "$work" ] && rm -rf "$work"
    work=""
}

# start_server [java options...]: starts Debrief in $work as docs/operations.md does (with the argument file the
# build writes), and waits until it is ready.
start_server() {
    (cd "$work" && DEBRIEF_ADMIN_PASSWORD=$password exec java @"$app/jvm.options" "$@" -Dquarkus.http.port="$port" \
        -jar "$app/quarkus-run.jar" >> server.log 2>&1) &
    pid=$!
    for _ in $(seq 1 300); do
        curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    echo "server did not start; see $work/server.log" >&2
    exit 1
}

# seed_history N [--years=Y] [--all-open]: loads generated history (ten years unless told) into the stopped server's H2 file.
seed_history() {
    python3 "$(dirname "${BASH_SOURCE[0]}")/seed-history.py" "$@" "$(date -u +%Y-%m)" > "$work/seed.sql"
    java -cp "$(ls "$app"/lib/main/com.h2database.h2-*.jar)" org.h2.tools.RunScript \
        -url "jdbc:h2:file:$work/data/debrief" -user debrief -script "$work/seed.sql"
}
