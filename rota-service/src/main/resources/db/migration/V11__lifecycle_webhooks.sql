-- Lifecycle webhooks: a partner's subscribers to incident.triggered, .acknowledged, .escalated and
-- .resolved. The secret signs each call (HMAC-SHA256), so it is kept as given out; it is shown once.
CREATE TABLE webhook_subscription (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    partner     VARCHAR(16)   NOT NULL,
    url         VARCHAR(1000) NOT NULL,
    events      VARCHAR(200)  NOT NULL,
    description VARCHAR(200),
    secret      VARCHAR(100)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(120)  NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0,
    INDEX ix_webhook_subscription_partner (partner)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One call to make (the outbox): written in the transaction of the incident change it reports, then
-- delivered by a Quartz job per attempt. incident_id is null for a "send test" call.
CREATE TABLE webhook_delivery (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    subscription_id BIGINT        NOT NULL,
    incident_id     BIGINT,
    event           VARCHAR(32)   NOT NULL,
    event_id        VARCHAR(36)   NOT NULL,
    url             VARCHAR(1000) NOT NULL,
    body            MEDIUMTEXT    NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    last_status     INT,
    last_error      TEXT,
    created_at      DATETIME(6)  NOT NULL,
    last_attempt_at DATETIME(6),
    INDEX ix_webhook_delivery_subscription (subscription_id, id),
    CONSTRAINT fk_webhook_delivery_subscription FOREIGN KEY (subscription_id) REFERENCES webhook_subscription (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
