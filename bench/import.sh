#!/usr/bin/env bash
# Benchmark of importing a whole folder, on the packaged jar (build it first: ./mvnw package -DskipTests): generates
# N Markdown post-mortems (default 1,000) on four templates into a zip, posts it to /api/imports, polls the batch
# until it is finished, and prints the time from the post to the end and the server's resident memory (RSS) before,
# at its peak while importing, and after. Each document is one transaction: a post-mortem, its ranked items, its
# timeline, its stored original and its audit entry.
# Usage: bench/import.sh [documents, default 1000]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
source bench/lib.sh
bench_init 18083
work=$(mktemp -d /tmp/debrief-bench.XXXXXX)
trap stop EXIT

python3 - "$count" "$work/history.zip" <<'PY'
import random, sys, zipfile
count, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(13)
services = ["checkout", "search", "payments", "mail-relay", "thumbnails", "ci-runners", "accounts", "queue"]
headings = [
    ("Summary", "Impact", "Root Causes", "Detection", "Resolution", "Lessons Learned", "Action Items", "Timeline"),
    ("Incident summary", "Impact", "Fault", "Detection", "Response", "Lessons learned", "Corrective actions", "Timeline"),
    ("Overview", "Impact", "What Happened", "Monitoring", "Mitigation", "What we learned", "Follow-ups", "Timeline"),
    ("TL;DR", "Customer impact", "Contributing factors", "How we found out", "Recovery", "Prevention", "Next steps", "Chronology"),
]
sentence = "The {s} service answered slowly because a dependency was saturated and retries multiplied the load. "
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    for n in range(count):
        h = headings[n % len(headings)]
        s = rng.choice(services)
        year, month, day = 2016 + n % 10, 1 + n % 12, 1 + n % 28
        hour = rng.randrange(0, 20)
        lines = [f"# Incident {n}: {s} degraded", "",
                 f"- Severity: SEV{1 + n % 4}", f"- Date: {year}-{month:02d}-{day:02d} {hour:02d}:05 UTC",
                 f"- Services: {s}", f"- Time to detection: {5 + n % 50} minutes",
                 f"- Time to recovery: 1 hour {n % 60} minutes", ""]
        for heading in h[:6]:
            lines += [f"## {heading}", "", (sentence.format(s=s) * rng.randrange(2, 6)).strip(), ""]
        lines += [f"## {h[6]}", "",
                  f"- Alert on {s} saturation @ana due {year}-{month:02d}-28",
                  f"- Cap retries of {s} clients @ben due {year}-{month:02d}-28",
                  f"- Runbook for shedding {s} load @cem",
                  f"- Load test {s} every quarter", ""]
        lines += [f"## {h[7]}", ""]
        for step, event in enumerate(["Latency rises", "Alert pages on-call; detected", "Retries capped",
                                      "Latency normal; resolved"]):
            lines.append(f"- {hour + step:02d}:{5 + step * 10:02d} {event}")
        z.writestr(f"{year}/{n:04d}-{s}.md", "\n".join(lines) + "\n")
PY
size=$(stat -c %s "$work/history.zip")
start_server -Dquarkus.http.limits.max-body-size=64M -Ddebrief.imports.max-entries=$((count + 100))
rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
rss_before=$(rss)
started=$(date +%s.%N)
id=$(curl -sf -H "$auth" -H 'Content-Type: application/zip' --data-binary @"$work/history.zip" "$base/api/imports" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
accepted=$(date +%s.%N)
peak=$rss_before
while true; do
    batch=$(curl -sf -H "$auth" "$base/api/imports/$id")
    now=$(rss)
    [ "$now" -gt "$peak" ] && peak=$now
    [ "$(echo "$batch" | python3 -c 'import json,sys; print(json.load(sys.stdin)["finished"])')" = True ] && break
    sleep 0.5
done
finished=$(date +%s.%N)
echo "$batch" | python3 -c '
import json, sys
b = json.load(sys.stdin)
print("documents %d: created %d, skipped %d, failed %d" % (b["total"], len(b["created"]), len(b["skipped"]), len(b["failed"])))
for f in b["failed"][:5]:
    print("  failed:", f["file"], f["reason"])'
awk -v z="$size" -v n="$count" -v s="$started" -v a="$accepted" -v f="$finished" -v b="$rss_before" -v p="$peak" \
    -v e="$(rss)" 'BEGIN {
    printf "| documents | zip | 202 after | all imported after | documents/s | RSS before | RSS peak | RSS after |\n"
    printf "|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    printf "| %d | %.0f KB | %.2f s | %.1f s | %.0f | %.0f MB | %.0f MB | %.0f MB |\n", n, z / 1024, a - s, f - s,
        n / (f - s), b / 1024, p / 1024, e / 1024 }' | tee "$results/import.md"
