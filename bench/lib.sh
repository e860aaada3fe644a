# Shared by the bench scripts: start and stop the packaged jar in a working directory of its own.
# The caller sets: app (the quarkus-app directory), port, work (the working directory), password.

pid=""

# Stops the server and waits for it: a JVM still shutting down loads classes from the jars.
stop_server() {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        timeout 30 tail --pid="$pid" -f /dev/null || kill -9 "$pid" 2>/dev/null || true
        pid=""
    fi
}

# start_server [java options...]: starts Debrief in $work and waits until it is ready.
start_server() {
    (cd "$work" && DEBRIEF_ADMIN_PASSWORD=$password exec java "$@" -Dquarkus.http.port="$port" \
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
