-- Reminders sent, one row each: the unique key is what makes each reminder go once, whichever
-- instance's daily run gets there first. The key names what it is about and the date it is about
-- (a certificate's expiry, a profile's last confirmation), so a renewed certificate or a profile
-- confirmed and gone stale again is reminded afresh.
CREATE TABLE reminder_sent (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind        VARCHAR(32)  NOT NULL,
    subject_key VARCHAR(120) NOT NULL,
    person_id   BIGINT       NOT NULL,
    sent_on     DATE         NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_reminder_sent UNIQUE (kind, subject_key),
    INDEX ix_reminder_sent_person (person_id, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
