-- Alert intake (issue 15): integration keys, every alert received, maintenance windows, heartbeat
-- monitors, and when an incident's dedup key was last seen again.

ALTER TABLE incident ADD COLUMN last_seen_at DATETIME(6) NULL;
UPDATE incident SET last_seen_at = created_at;
ALTER TABLE incident MODIFY last_seen_at DATETIME(6) NOT NULL;

CREATE TABLE integration_key (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    partner          VARCHAR(16)  NOT NULL,
    name             VARCHAR(120) NOT NULL,
    service          VARCHAR(120) NOT NULL,
    policy_id        BIGINT,
    default_severity VARCHAR(16)  NOT NULL,
    public_id        CHAR(12)     NOT NULL,
    secret_hash      CHAR(64)     NOT NULL,
    created_by       VARCHAR(120) NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    revoked_at       DATETIME(6),
    revoked_by       VARCHAR(120),
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_integration_key_public_id UNIQUE (public_id),
    INDEX ix_integration_key_partner (partner, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE intake_alert (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    partner            VARCHAR(16)  NOT NULL,
    integration_key_id BIGINT,
    heartbeat_id       BIGINT,
    received_at        DATETIME(6)  NOT NULL,
    source             VARCHAR(16)  NOT NULL,
    action             VARCHAR(16)  NOT NULL,
    dedup_key          VARCHAR(200) NOT NULL,
    summary            VARCHAR(500) NOT NULL,
    severity           VARCHAR(16),
    outcome            VARCHAR(16)  NOT NULL,
    incident_id        BIGINT,
    maintenance_id     BIGINT,
    INDEX ix_intake_alert_partner (partner, received_at),
    INDEX ix_intake_alert_key (integration_key_id, received_at),
    INDEX ix_intake_alert_outcome (outcome, received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE maintenance_window (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    partner            VARCHAR(16)  NOT NULL,
    integration_key_id BIGINT,
    reason             VARCHAR(500) NOT NULL,
    starts_at          DATETIME(6)  NOT NULL,
    ends_at            DATETIME(6)  NOT NULL,
    created_by         VARCHAR(120) NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    ended_early_by     VARCHAR(120),
    version            BIGINT       NOT NULL DEFAULT 0,
    INDEX ix_maintenance_partner (partner, ends_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE heartbeat_monitor (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    partner          VARCHAR(16)  NOT NULL,
    name             VARCHAR(120) NOT NULL,
    policy_id        BIGINT,
    severity         VARCHAR(16)  NOT NULL,
    interval_seconds INT          NOT NULL,
    grace_seconds    INT          NOT NULL,
    public_id        CHAR(12)     NOT NULL,
    secret_hash      CHAR(64)     NOT NULL,
    last_ping_at     DATETIME(6),
    due_at           DATETIME(6)  NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    incident_id      BIGINT,
    created_by       VARCHAR(120) NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_heartbeat_public_id UNIQUE (public_id),
    INDEX ix_heartbeat_due (state, due_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
