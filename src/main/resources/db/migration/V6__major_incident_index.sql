-- The report's "days since the last SEV1 or SEV2" and "longest run without one" look up major incidents by
-- severity and start time.
create index postmortem_severity_started_ix on postmortem (severity, started_at);
