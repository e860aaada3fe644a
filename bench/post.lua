-- wrk script: POST a new draft post-mortem on every request (Authorization comes from -H).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"title":"bench draft","severity":"SEV3","services":["bench"],'
    .. '"startedAt":"2026-01-05T10:00:00Z","detectedAt":"2026-01-05T10:05:00Z",'
    .. '"whatHappened":"A benchmark wrote this."}'
