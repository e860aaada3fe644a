#!/usr/bin/env python3
"""Writes SQL that seeds N post-mortems (3 action items each) spread over the years before `end`, for the
report, board and search benchmarks. Usage: seed-history.py N END_YEAR_MONTH [--years=Y] [--all-open] [--text]
> seed.sql (END like 2026-11; Y defaults to 10); --all-open leaves every action item open, as the board benchmark
needs; --text writes sections of a few hundred words drawn from an incident vocabulary, as the search benchmark
needs. The search columns (V21) hold the words as the application writes them: lower case, between spaces."""
import datetime as dt
import random
import re
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
n = int(args[0])
all_open = "--all-open" in sys.argv
with_text = "--text" in sys.argv
years = next((int(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--years=")), 10)
end_year, end_month = map(int, args[1].split("-"))
end = dt.datetime(end_year, end_month, 1, tzinfo=dt.timezone.utc)
start = end - dt.timedelta(days=365 * years)
rng = random.Random(42)
sev = ["SEV1", "SEV2", "SEV3", "SEV4"]
src = ["MONITORING", "SYNTHETIC", "CUSTOMER", "STAFF", "OTHER"]
kinds = ["DETECTION", "RESPONSE", "PREVENTION"]


VOCABULARY = ("database primary replica failover connection pool exhausted timeout latency queue backlog consumer "
              "deploy deployment rollback canary config flag certificate expired dns resolver cache eviction "
              "memory leak disk full inode alert paging runbook dashboard customer checkout payment login search "
              "index stale shard rebalance network partition packet loss load balancer health check retry storm "
              "rate limit quota capacity autoscaling kubernetes node drained cron job migration schema lock "
              "deadlock vacuum backup restore vendor outage upstream api error budget slo burn the a of to and "
              "in was we our for on with after before during when").split()
SECTIONS = ["summary", "impact", "what_happened", "why_detection_failed", "why_response_failed", "what_we_change"]


def words(text):
    return " " + "".join(w + " " for w in re.findall(r"[a-z0-9]+", text.lower()))


def prose(count):
    return " ".join(rng.choice(VOCABULARY) for _ in range(count)).capitalize() + "."


def sql_text(text):
    return "'" + text.replace("'", "''") + "'"


def ts(t):
    return "TIMESTAMP WITH TIME ZONE '" + t.strftime("%Y-%m-%d %H:%M:%S+00") + "'"


pms, services, items = [], [], []
for i in range(1, n + 1):
    began = start + dt.timedelta(seconds=rng.randrange(int((end - start).total_seconds()) - 86400 * 40))
    detected = began + dt.timedelta(minutes=rng.randrange(1, 60))
    resolved = detected + dt.timedelta(minutes=rng.randrange(5, 240))
    published = resolved + dt.timedelta(hours=rng.randrange(2, 96))
    micros = (int((detected - began).total_seconds()) * 10**6, int((resolved - began).total_seconds()) * 10**6)
    title = f"Seeded incident {i}" + (": " + " ".join(rng.choice(VOCABULARY) for _ in range(5)) if with_text else "")
    texts = [prose(rng.randrange(40, 120)) for _ in SECTIONS] if with_text else [None, None, "w", "d", "r", "c"]
    body = words(" ".join(f"Item {rank}" for rank in (1, 2, 3)) + " " + " ".join(t for t in texts if t))
    pms.append(f"({i}, {sql_text(title)}, '{rng.choice(sev)}', {ts(began)}, {ts(detected)}, {ts(resolved)}, "
               f"'{rng.choice(src)}', " + ", ".join("NULL" if t is None else sql_text(t) for t in texts)
               + f", 'PUBLISHED', {ts(published)}, {ts(began)}, {ts(published)}, 1, {micros[0]}, {micros[1]}, "
               f"{sql_text(words(title))}, {sql_text(body)})")
    services.append(f"({i}, 0, '{rng.choice(['checkout', 'search', 'auth', 'api'])}')")
    for rank in (1, 2, 3):
        item_id = (i - 1) * 3 + rank
        created = resolved + dt.timedelta(hours=1)
        due = (began + dt.timedelta(days=rng.randrange(7, 30))).date()
        fate = 1.0 if all_open else rng.random()
        completed = ts(created + dt.timedelta(days=rng.randrange(1, 35))) if fate < 0.7 else "NULL"
        dropped = ts(created + dt.timedelta(days=rng.randrange(1, 20))) if 0.7 <= fate < 0.8 else "NULL"
        status = "DONE" if fate < 0.7 else "DROPPED" if fate < 0.8 else "OPEN"
        reason = "'superseded'" if status == "DROPPED" else "NULL"
        items.append(f"({item_id}, {i}, {rank}, 'Item {rank}', 'team', DATE '{due}', '{kinds[rank - 1]}', '{status}', "
                     f"{completed}, {reason}, {dropped}, {ts(created)}, {ts(created)}, 0)")


def batches(table, columns, rows):
    for k in range(0, len(rows), 500):
        print(f"insert into {table} ({columns}) values\n" + ",\n".join(rows[k:k + 500]) + ";")


batches("postmortem", "id, title, severity, started_at, detected_at, resolved_at, detection_source, "
        + ", ".join(SECTIONS) + ", status, published_at, created_at, updated_at, version, "
        "time_to_detect_micros, time_to_resolve_micros, search_title, search_text",
        pms)
batches("postmortem_service", "postmortem_id, position, name", services)
batches("action_item", "id, postmortem_id, priority, title, owner, due_date, kind, status, completed_at, drop_reason, "
        "dropped_at, created_at, updated_at, version", items)
print(f"alter sequence postmortem_seq restart with {n + 100};")
print(f"alter sequence action_item_seq restart with {3 * n + 100};")
