-- Call-out (issue 16): invoking a plan raises an incident in rota-service that pages the plan's
-- owner and the owners of its first-wave steps. The invocation keeps how that went: the incident's
-- ID once rota-service took it, or why it could not be sent (and, at close, resolved), and the
-- people it named (JSON) as they stood when it was sent.
ALTER TABLE dr_invocation
    ADD COLUMN call_out_status VARCHAR(16)   NULL,
    ADD COLUMN incident_id     BIGINT        NULL,
    ADD COLUMN call_out_at     DATETIME(6)   NULL,
    ADD COLUMN call_out_detail VARCHAR(1000) NULL,
    ADD COLUMN call_out_people TEXT          NULL;
