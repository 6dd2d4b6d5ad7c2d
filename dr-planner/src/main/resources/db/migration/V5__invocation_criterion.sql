-- Which of the plan's activation criteria the person invoking said was met: its key and its words
-- as they stood then (the plan's criteria may be reworded in a later revision).
ALTER TABLE dr_invocation
    ADD COLUMN criterion_key VARCHAR(64) NULL,
    ADD COLUMN criterion     TEXT        NULL;
