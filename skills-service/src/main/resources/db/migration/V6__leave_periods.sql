-- Leave: skills-service owns a person's periods away (docs/ARCHITECTURE.md, "One leave record").
-- Entered here (a profile's "away until", or a period) or through rota-service's leave screen,
-- which writes through to this table; rota-service reads it back for its rotas. A person's
-- unavailable_until / unavailable_reason are derived from these rows (the first day they are back).
CREATE TABLE leave_period (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    person_id   BIGINT       NOT NULL,
    starts_at   DATETIME(6)  NOT NULL,
    ends_at     DATETIME(6)  NOT NULL,
    reason      VARCHAR(200),
    created_by  VARCHAR(120) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_leave_period_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT ck_leave_period_forwards CHECK (ends_at > starts_at),
    INDEX ix_leave_period_person (person_id, ends_at),
    INDEX ix_leave_period_ends (ends_at, starts_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An "away until" entered before periods existed becomes a period from now to that day (its
-- midnight in UTC: the same as London's in winter, an hour into the day in summer; no time-zone
-- tables are needed).
INSERT INTO leave_period (person_id, starts_at, ends_at, reason, created_by, created_at)
SELECT id, UTC_TIMESTAMP(6), CAST(unavailable_until AS DATETIME(6)), unavailable_reason, 'migration', UTC_TIMESTAMP(6)
FROM person
WHERE unavailable_until IS NOT NULL AND CAST(unavailable_until AS DATETIME(6)) > UTC_TIMESTAMP(6);
