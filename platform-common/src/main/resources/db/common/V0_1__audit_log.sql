-- Shared by every service (platform-common). Each service keeps its own audit_log in its own schema.
CREATE TABLE audit_log (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    at            DATETIME(6) NOT NULL,
    actor         VARCHAR(120) NOT NULL,
    actor_partner VARCHAR(32),
    action        VARCHAR(40)  NOT NULL,
    entity_type   VARCHAR(60)  NOT NULL,
    entity_id     VARCHAR(120),
    partner       VARCHAR(32),
    changes       TEXT,
    request_id    VARCHAR(128),
    INDEX ix_audit_entity (entity_type, entity_id),
    INDEX ix_audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
