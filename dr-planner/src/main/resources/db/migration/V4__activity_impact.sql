-- Business impact analysis (ISO/TS 22317) and backup regime per activity of a plan. Kept per plan
-- series (all revisions of a partner's plan), not per revision: the impact of losing payroll and
-- the date of the last restore test are facts about the partner, reassessed on their own cycle,
-- not wording that goes through approval. A row whose activity the plan no longer has is ignored.
CREATE TABLE dr_activity_impact (
    id                        BIGINT AUTO_INCREMENT PRIMARY KEY,
    series                    VARCHAR(36)  NOT NULL,
    partner                   VARCHAR(16)  NOT NULL,
    activity_key              VARCHAR(64)  NOT NULL,
    -- JSON: category -> ratings (1..5) at the time points 1 h, 4 h, 24 h, 72 h, 1 week, in order.
    ratings                   TEXT         NOT NULL,
    backup_frequency_minutes  INT,
    offline_copy              BOOLEAN      NOT NULL DEFAULT FALSE,
    last_restore_test         DATE,
    updated_by                VARCHAR(120) NOT NULL,
    version                   BIGINT       NOT NULL DEFAULT 0,
    created_at                DATETIME(6)  NOT NULL,
    updated_at                DATETIME(6)  NOT NULL,
    CONSTRAINT uq_dr_activity_impact UNIQUE (series, activity_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
