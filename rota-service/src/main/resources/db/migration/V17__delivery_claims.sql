-- The outbox sends a message due now straight after the transaction that queued it commits, and a
-- sweep sends whatever is overdue and unclaimed (DeliveryWorkers, DeliverySweep): each attempt is
-- claimed first, so the fast path, a Quartz retry and the sweep never send the same attempt twice.
ALTER TABLE notification
    ADD COLUMN next_attempt_at DATETIME(6) NULL,
    ADD COLUMN claimed_until DATETIME(6) NULL;

UPDATE notification SET next_attempt_at = COALESCE(due_at, created_at) WHERE status = 'PENDING';

CREATE INDEX ix_notification_overdue ON notification (status, next_attempt_at);
