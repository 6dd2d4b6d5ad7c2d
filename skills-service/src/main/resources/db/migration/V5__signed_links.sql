-- One-click links in skills-service's e-mails (a manager approves or declines a help request, the
-- person asked accepts it, a person confirms their stale profile) work once: the ID inside a used
-- link's signed token is kept here, in the transaction of the action it did, so a replayed link is
-- refused whichever instance answers it.
CREATE TABLE link_use (
    token_id    VARCHAR(32)  NOT NULL PRIMARY KEY,
    subject_id  BIGINT       NOT NULL,
    person_id   BIGINT       NOT NULL,
    action      VARCHAR(32)  NOT NULL,
    used_at     DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    INDEX ix_link_use_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
