-- How each person wants to be reached when paged (contacts): their own contact methods, each
-- verified by a code sent through it before it is used, and their rules per urgency.
CREATE TABLE contact_method (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    person_id       BIGINT        NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    address         VARCHAR(1000) NOT NULL,
    label           VARCHAR(100),
    verified_at     DATETIME(6),
    -- The pending verification code: only its salted SHA-256 is kept.
    code_hash       VARCHAR(100),
    code_expires_at DATETIME(6),
    code_attempts   INT           NOT NULL DEFAULT 0,
    created_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    INDEX ix_contact_method_person (person_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A person's rules: for this urgency, use this method this many minutes after the page starts.
-- A person with no rule for an urgency gets the defaults (contacts/Rules).
CREATE TABLE notification_rule (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    person_id     BIGINT      NOT NULL,
    urgency       VARCHAR(8)  NOT NULL,
    method_id     BIGINT      NOT NULL,
    delay_minutes INT         NOT NULL,
    CONSTRAINT fk_rule_method FOREIGN KEY (method_id) REFERENCES contact_method (id) ON DELETE CASCADE,
    INDEX ix_notification_rule_person (person_id, urgency)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
