-- Only one invocation of a plan may be open. A generated column holds the plan id while the
-- invocation is OPEN and NULL once it is closed; a unique index on it lets any number of closed
-- invocations share a plan but never two open ones, however many requests race.

-- Concurrent invocations before this rule may have left several open for one plan: the oldest
-- stays open, the others are closed, saying why on their timelines.
CREATE TEMPORARY TABLE dr_invocation_duplicate AS
SELECT i.id, k.keep
FROM dr_invocation i
JOIN (SELECT plan_id, MIN(id) AS keep FROM dr_invocation WHERE status = 'OPEN' GROUP BY plan_id HAVING COUNT(*) > 1) k
  ON k.plan_id = i.plan_id
WHERE i.status = 'OPEN' AND i.id <> k.keep;

UPDATE dr_invocation i JOIN dr_invocation_duplicate d ON d.id = i.id
SET i.status = 'CLOSED', i.closed_at = UTC_TIMESTAMP(6), i.closed_by = 'dr-planner',
    i.summary = CONCAT('Closed as a duplicate: invocation ', d.keep, ' of the same plan stays open'),
    i.updated_at = UTC_TIMESTAMP(6), i.version = i.version + 1;

INSERT INTO dr_invocation_event (invocation_id, at, actor, kind, message)
SELECT d.id, UTC_TIMESTAMP(6), 'dr-planner', 'CLOSED',
       CONCAT('Closed as a duplicate: invocation ', d.keep, ' of the same plan stays open')
FROM dr_invocation_duplicate d;

DROP TEMPORARY TABLE dr_invocation_duplicate;

ALTER TABLE dr_invocation
    ADD COLUMN open_plan_id BIGINT AS (CASE WHEN status = 'OPEN' THEN plan_id END) PERSISTENT,
    ADD CONSTRAINT uq_dr_invocation_open UNIQUE (open_plan_id);
