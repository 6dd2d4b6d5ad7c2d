-- Urgency: a policy says which severities are high urgency and whether low urgency waits for
-- working hours; an incident remembers the urgency it was raised with.
ALTER TABLE escalation_policy
    ADD COLUMN high_urgency VARCHAR(64) NOT NULL DEFAULT 'CRITICAL,HIGH',
    ADD COLUMN low_urgency_waits BOOLEAN NOT NULL DEFAULT TRUE;

-- raised_by_name: the token's name (an API key's name, a person's), shown in pages instead of "apikey:1".
ALTER TABLE incident
    ADD COLUMN urgency VARCHAR(8) NOT NULL DEFAULT 'HIGH',
    ADD COLUMN raised_by_name VARCHAR(200);

-- Pages now go by SMS, voice, Teams and Slack too: an e-mail's HTML part, the provider's ID of a
-- message (Notify's notification ID, Twilio's call SID) for its delivery receipt, and the contact
-- method a page went through.
ALTER TABLE notification
    ADD COLUMN body_html MEDIUMTEXT,
    ADD COLUMN provider_ref VARCHAR(64),
    ADD COLUMN method_id BIGINT,
    ADD COLUMN due_at DATETIME(6),
    ADD COLUMN receipt VARCHAR(40),
    ADD INDEX ix_notification_provider_ref (provider_ref);
