#!/usr/bin/env python3
"""Writes SQL that seeds N post-mortems (3 action items each) spread over the years before `end`, for the
report and board benchmarks. Usage: seed-history.py N END_YEAR_MONTH [--years=Y] [--all-open] > seed.sql
(END like 2026-11; Y defaults to 10); --all-open leaves every action item open, as the board benchmark
needs."""
import datetime as dt
import random
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
n = int(args[0])
all_open = "--all-open" in sys.argv
years = next((int(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--years=")), 10)
end_year, end_month = map(int, args[1].split("-"))
end = dt.datetime(end_year, end_month, 1, tzinfo=dt.timezone.utc)
start = end - dt.timedelta(days=365 * years)
rng = random.Random(42)
sev = ["SEV1", "SEV2", "SEV3", "SEV4"]
src = ["MONITORING", "SYNTHETIC", "CUSTOMER", "STAFF", "OTHER"]
kinds = ["DETECTION", "RESPONSE", "PREVENTION"]


def ts(t):
    return "TIMESTAMP WITH TIME ZONE '" + t.strftime("%Y-%m-%d %H:%M:%S+00") + "'"


pms, services, items = [], [], []
for i in range(1, n + 1):
    began = start + dt.timedelta(seconds=rng.randrange(int((end - start).total_seconds()) - 86400 * 40))
    detected = began + dt.timedelta(minutes=rng.randrange(1, 60))
    resolved = detected + dt.timedelta(minutes=rng.randrange(5, 240))
    published = resolved + dt.timedelta(hours=rng.randrange(2, 96))
    micros = (int((detected - began).total_seconds()) * 10**6, int((resolved - began).total_seconds()) * 10**6)
    pms.append(f"({i}, 'Seeded incident {i}', '{rng.choice(sev)}', {ts(began)}, {ts(detected)}, {ts(resolved)}, "
               f"'{rng.choice(src)}', 'w', 'd', 'r', 'c', 'PUBLISHED', {ts(published)}, {ts(began)}, {ts(published)}, 1, {micros[0]}, {micros[1]})")
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


batches("postmortem", "id, title, severity, started_at, detected_at, resolved_at, detection_source, what_happened, "
        "why_detection_failed, why_response_failed, what_we_change, status, published_at, created_at, updated_at, version, "
        "time_to_detect_micros, time_to_resolve_micros",
        pms)
batches("postmortem_service", "postmortem_id, position, name", services)
batches("action_item", "id, postmortem_id, priority, title, owner, due_date, kind, status, completed_at, drop_reason, "
        "dropped_at, created_at, updated_at, version", items)
print(f"alter sequence postmortem_seq restart with {n + 100};")
print(f"alter sequence action_item_seq restart with {3 * n + 100};")
