-- Approvers' addresses now come from the gateway's user directory at each submission (it owns
-- users), so the address book dr-planner learned from tokens goes. What a submission's e-mail
-- did is kept on the revision: how many approvers were told, or why nobody was.
DROP TABLE dr_approver;

ALTER TABLE dr_plan
    ADD COLUMN approval_mail_at      DATETIME(6)  NULL,
    ADD COLUMN approval_mail_sent    INT          NULL,
    ADD COLUMN approval_mail_problem VARCHAR(500) NULL;
