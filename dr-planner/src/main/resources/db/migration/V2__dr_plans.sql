-- DR planner. A template version and a plan's customisation are stored as JSON documents: each is
-- read, validated and replaced as a whole (a published template version and an approved plan
-- never change), and analysis needs the whole graph in memory anyway.

CREATE TABLE dr_template (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    description TEXT,
    version     BIGINT       NOT NULL DEFAULT 0,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_dr_template_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dr_template_version (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    template_id    BIGINT       NOT NULL,
    number         INT          NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    notes          TEXT,
    content        MEDIUMTEXT   NOT NULL,
    activity_count INT          NOT NULL,
    created_by     VARCHAR(120) NOT NULL,
    published_at   DATETIME(6),
    published_by   VARCHAR(120),
    version        BIGINT       NOT NULL DEFAULT 0,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    CONSTRAINT uq_dr_template_version UNIQUE (template_id, number),
    CONSTRAINT fk_dr_template_version_template FOREIGN KEY (template_id) REFERENCES dr_template (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per revision of a partner's plan; revisions of the same plan share a series.
CREATE TABLE dr_plan (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    series              VARCHAR(36)  NOT NULL,
    revision            INT          NOT NULL,
    partner             VARCHAR(16)  NOT NULL,
    name                VARCHAR(200) NOT NULL,
    template_version_id BIGINT       NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    customisation       MEDIUMTEXT   NOT NULL,
    specifics           MEDIUMTEXT   NOT NULL,
    owner_name          VARCHAR(200),
    owner_email         VARCHAR(254),
    review_date         DATE,
    review_overdue      BOOLEAN      NOT NULL DEFAULT FALSE,
    review_reminded_at  DATETIME(6),
    author              VARCHAR(120) NOT NULL,
    submitted_by        VARCHAR(120),
    submitted_at        DATETIME(6),
    approved_by         VARCHAR(120),
    approved_at         DATETIME(6),
    approval_note       TEXT,
    superseded_at       DATETIME(6),
    version             BIGINT       NOT NULL DEFAULT 0,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    CONSTRAINT uq_dr_plan_revision UNIQUE (series, revision),
    CONSTRAINT fk_dr_plan_template_version FOREIGN KEY (template_version_id) REFERENCES dr_template_version (id),
    INDEX ix_dr_plan_partner (partner, status),
    INDEX ix_dr_plan_review (status, review_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dr_exercise (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id    BIGINT       NOT NULL,
    partner    VARCHAR(16)  NOT NULL,
    held_on    DATE         NOT NULL,
    type       VARCHAR(16)  NOT NULL,
    scope      TEXT         NOT NULL,
    summary    TEXT,
    findings   MEDIUMTEXT   NOT NULL,
    actions    MEDIUMTEXT   NOT NULL,
    created_by VARCHAR(120) NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    CONSTRAINT fk_dr_exercise_plan FOREIGN KEY (plan_id) REFERENCES dr_plan (id),
    INDEX ix_dr_exercise_partner (partner, held_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A live copy of an approved plan, taken when disaster strikes: later edits to the plan do not
-- move the checklist people are working through.
CREATE TABLE dr_invocation (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id       BIGINT       NOT NULL,
    partner       VARCHAR(16)  NOT NULL,
    plan_name     VARCHAR(200) NOT NULL,
    plan_revision INT          NOT NULL,
    reason        TEXT         NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    started_at    DATETIME(6)  NOT NULL,
    started_by    VARCHAR(120) NOT NULL,
    closed_at     DATETIME(6),
    closed_by     VARCHAR(120),
    summary       TEXT,
    version       BIGINT       NOT NULL DEFAULT 0,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    CONSTRAINT fk_dr_invocation_plan FOREIGN KEY (plan_id) REFERENCES dr_plan (id),
    INDEX ix_dr_invocation_partner (partner, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dr_invocation_activity (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    invocation_id BIGINT       NOT NULL,
    position      INT          NOT NULL,
    activity_key  VARCHAR(64)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    category      VARCHAR(32)  NOT NULL,
    tier          INT          NOT NULL,
    rto_minutes   INT          NOT NULL,
    depends_on    TEXT         NOT NULL,
    CONSTRAINT uq_dr_invocation_activity UNIQUE (invocation_id, activity_key),
    CONSTRAINT fk_dr_invocation_activity FOREIGN KEY (invocation_id) REFERENCES dr_invocation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dr_invocation_step (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    activity_id      BIGINT       NOT NULL,
    position         INT          NOT NULL,
    step_key         VARCHAR(64)  NOT NULL,
    title            VARCHAR(200) NOT NULL,
    instructions     TEXT,
    duration_minutes INT          NOT NULL,
    skill            VARCHAR(40),
    owner_role       VARCHAR(100),
    state            VARCHAR(16)  NOT NULL,
    started_at       DATETIME(6),
    finished_at      DATETIME(6),
    updated_by       VARCHAR(120),
    updated_at       DATETIME(6),
    note             TEXT,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_dr_invocation_step FOREIGN KEY (activity_id) REFERENCES dr_invocation_activity (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dr_invocation_event (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    invocation_id BIGINT       NOT NULL,
    at            DATETIME(6)  NOT NULL,
    actor         VARCHAR(120) NOT NULL,
    kind          VARCHAR(32)  NOT NULL,
    activity_key  VARCHAR(64),
    step_key      VARCHAR(64),
    message       TEXT         NOT NULL,
    CONSTRAINT fk_dr_invocation_event FOREIGN KEY (invocation_id) REFERENCES dr_invocation (id),
    INDEX ix_dr_invocation_event (invocation_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
