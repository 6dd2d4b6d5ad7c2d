-- Exercises are scheduled ahead, then held: who takes part and which of the plan's activities the
-- exercise covers (the readiness figure counts tier-1 activities exercised in the last 12 months).
ALTER TABLE dr_exercise
    ADD COLUMN status       VARCHAR(16) NOT NULL DEFAULT 'HELD',
    ADD COLUMN participants TEXT        NULL,
    ADD COLUMN activities   TEXT        NULL;
