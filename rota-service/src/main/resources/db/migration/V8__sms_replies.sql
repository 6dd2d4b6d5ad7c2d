-- The number a person replies with to act on a page by SMS ("1a"): one per outstanding incident
-- per phone, as GoAlert numbers them; released when the incident is resolved.
CREATE TABLE sms_reply (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    phone       VARCHAR(20)  NOT NULL,
    number      INT          NOT NULL,
    incident_id BIGINT       NOT NULL,
    person_id   BIGINT       NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    UNIQUE KEY uq_sms_reply_number (phone, number),
    UNIQUE KEY uq_sms_reply_incident (phone, incident_id),
    INDEX ix_sms_reply_incident (incident_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
