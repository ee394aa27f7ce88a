-- Every case with events gets its outbox mark, so appending events can number them after the mark's
-- last_seq (one row by key) instead of max(seq) over every monthly partition of case_events. Cases
-- from before the outbox (migration 0010) had none; their events count as delivered, as they were.
INSERT INTO "outbox_cases" ("case_id", "merchant_id", "last_seq", "settled_seq", "updated_at")
SELECT c.id, c.merchant_id, e.last_seq, e.last_seq, e.last_at
FROM "return_cases" c
CROSS JOIN LATERAL (
  SELECT max(ev.seq)::int AS last_seq, max(ev.at) AS last_at FROM "case_events" ev WHERE ev.case_id = c.id
) e
WHERE e.last_seq IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "outbox_cases" o WHERE o.case_id = c.id);
