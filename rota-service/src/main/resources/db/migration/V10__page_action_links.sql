-- One-click action links in pages (acknowledge, escalate, resolve) work once: the ID inside a used
-- link's signed token is kept here, in the transaction of the action it did, so a replayed link is refused.
CREATE TABLE page_action_use (
    token_id    VARCHAR(32)  NOT NULL PRIMARY KEY,
    incident_id BIGINT       NOT NULL,
    person_id   BIGINT       NOT NULL,
    action      VARCHAR(16)  NOT NULL,
    used_at     DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    INDEX ix_page_action_use_expires (expires_at),
    CONSTRAINT fk_page_action_use_incident FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
