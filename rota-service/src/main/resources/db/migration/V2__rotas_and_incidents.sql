-- rota-service. Times of real events are DATETIME(6) in UTC; a rota's handoff is a local
-- (Europe/London) wall time, so it stays at 17:30 on either side of a daylight-saving change.

-- The partnership's out-of-hours calendar: one row. Working hours are day_start..day_end on
-- Monday to Friday except bank holidays; everything else is out of hours.
CREATE TABLE ooh_calendar (
    id         INT          PRIMARY KEY,
    zone       VARCHAR(40)  NOT NULL,
    day_start  TIME         NOT NULL,
    day_end    TIME         NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    updated_at DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO ooh_calendar (id, zone, day_start, day_end, version, updated_at)
VALUES (1, 'Europe/London', '08:30:00', '17:30:00', 0, UTC_TIMESTAMP(6));

CREATE TABLE bank_holiday (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    day        DATE         NOT NULL,
    name       VARCHAR(120) NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    updated_at DATETIME(6)  NOT NULL,
    CONSTRAINT uq_bank_holiday_day UNIQUE (day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What rota-service knows of the people on its rotas and escalation policies, copied from
-- skills-service when they are added and refreshed whenever it answers, so that paging works
-- when skills-service is down.
CREATE TABLE person_snapshot (
    person_id    BIGINT       PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    partner      VARCHAR(16)  NOT NULL,
    email        VARCHAR(254),
    phone        VARCHAR(40),
    manager      BOOLEAN      NOT NULL DEFAULT FALSE,
    refreshed_at DATETIME(6)  NOT NULL,
    INDEX ix_person_snapshot_manager (partner, manager)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Escalation policies keep their steps as one JSON document: read, validated and replaced whole.
CREATE TABLE escalation_policy (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    partner      VARCHAR(16),
    repeat_count INT          NOT NULL DEFAULT 0,
    steps        MEDIUMTEXT   NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    CONSTRAINT uq_escalation_policy_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE partner_policy (
    partner    VARCHAR(16)  PRIMARY KEY,
    policy_id  BIGINT       NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    updated_by VARCHAR(120) NOT NULL,
    CONSTRAINT fk_partner_policy_policy FOREIGN KEY (policy_id) REFERENCES escalation_policy (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE rota (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL,
    coverage             VARCHAR(16)  NOT NULL,
    rotation_days        INT          NOT NULL,
    handoff_time         TIME         NOT NULL,
    handoff_day          VARCHAR(10),
    start_date           DATE         NOT NULL,
    escalation_policy_id BIGINT,
    version              BIGINT       NOT NULL DEFAULT 0,
    created_at           DATETIME(6)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL,
    CONSTRAINT uq_rota_name UNIQUE (name),
    CONSTRAINT fk_rota_policy FOREIGN KEY (escalation_policy_id) REFERENCES escalation_policy (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE rota_partner (
    rota_id BIGINT      NOT NULL,
    partner VARCHAR(16) NOT NULL,
    PRIMARY KEY (rota_id, partner),
    INDEX ix_rota_partner_partner (partner, rota_id),
    CONSTRAINT fk_rota_partner_rota FOREIGN KEY (rota_id) REFERENCES rota (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE rota_member (
    rota_id   BIGINT      NOT NULL,
    layer     VARCHAR(16) NOT NULL,
    position  INT         NOT NULL,
    person_id BIGINT      NOT NULL,
    PRIMARY KEY (rota_id, layer, position),
    INDEX ix_rota_member_person (person_id),
    CONSTRAINT fk_rota_member_rota FOREIGN KEY (rota_id) REFERENCES rota (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE rota_override (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    rota_id    BIGINT       NOT NULL,
    layer      VARCHAR(16)  NOT NULL,
    person_id  BIGINT       NOT NULL,
    starts_at  DATETIME(6)  NOT NULL,
    ends_at    DATETIME(6)  NOT NULL,
    reason     VARCHAR(500) NOT NULL,
    created_by VARCHAR(120) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    INDEX ix_rota_override_rota (rota_id, ends_at),
    CONSTRAINT fk_rota_override_rota FOREIGN KEY (rota_id) REFERENCES rota (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Leave belongs to the person, not to one rota: they are skipped on every rota while away.
CREATE TABLE person_leave (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    person_id  BIGINT       NOT NULL,
    starts_at  DATETIME(6)  NOT NULL,
    ends_at    DATETIME(6)  NOT NULL,
    reason     VARCHAR(500),
    created_by VARCHAR(120) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    INDEX ix_person_leave_person (person_id, ends_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE rota_swap (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    rota_id    BIGINT       NOT NULL,
    layer      VARCHAR(16)  NOT NULL,
    first_at   DATETIME(6)  NOT NULL,
    second_at  DATETIME(6)  NOT NULL,
    reason     VARCHAR(500),
    created_by VARCHAR(120) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    INDEX ix_rota_swap_rota (rota_id),
    CONSTRAINT fk_rota_swap_rota FOREIGN KEY (rota_id) REFERENCES rota (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- open_key is partner + dedup key while the incident is open and NULL afterwards, so at most one
-- open incident holds a key and a resolved one frees it.
CREATE TABLE incident (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    partner         VARCHAR(16)  NOT NULL,
    summary         VARCHAR(500) NOT NULL,
    details         TEXT,
    severity        VARCHAR(16)  NOT NULL,
    dedup_key       VARCHAR(200),
    open_key        VARCHAR(220),
    status          VARCHAR(16)  NOT NULL,
    policy_id       BIGINT,
    policy_name     VARCHAR(200),
    step            INT          NOT NULL DEFAULT -1,
    pass            INT          NOT NULL DEFAULT 0,
    next_step_at    DATETIME(6),
    occurrences     INT          NOT NULL DEFAULT 1,
    raised_by       VARCHAR(120) NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    acknowledged_at DATETIME(6),
    acknowledged_by VARCHAR(120),
    resolved_at     DATETIME(6),
    resolved_by     VARCHAR(120),
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_incident_open_key UNIQUE (open_key),
    INDEX ix_incident_partner (partner, created_at),
    INDEX ix_incident_status (status, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every state change and every notification attempt of an incident, in order.
CREATE TABLE incident_event (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    incident_id     BIGINT       NOT NULL,
    at              DATETIME(6)  NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    actor           VARCHAR(120) NOT NULL,
    step            INT,
    pass            INT,
    due_at          DATETIME(6),
    channel         VARCHAR(16),
    recipient       VARCHAR(1000),
    notification_id BIGINT,
    attempt         INT,
    detail          TEXT,
    INDEX ix_incident_event_incident (incident_id, id),
    INDEX ix_incident_event_kind (kind, at),
    CONSTRAINT fk_incident_event_incident FOREIGN KEY (incident_id) REFERENCES incident (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The outbox of e-mails and webhook calls; each is delivered by a Quartz job and retried there.
CREATE TABLE notification (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    incident_id BIGINT,
    purpose     VARCHAR(24)   NOT NULL,
    channel     VARCHAR(16)   NOT NULL,
    person_id   BIGINT,
    address     VARCHAR(1000) NOT NULL,
    subject     VARCHAR(300)  NOT NULL,
    body        MEDIUMTEXT    NOT NULL,
    step        INT,
    status      VARCHAR(16)   NOT NULL,
    attempts    INT           NOT NULL DEFAULT 0,
    last_error  TEXT,
    created_at  DATETIME(6)   NOT NULL,
    sent_at     DATETIME(6),
    INDEX ix_notification_incident (incident_id),
    INDEX ix_notification_status (status, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Calendar feed secrets: only their SHA-256 is kept.
CREATE TABLE feed_token (
    person_id    BIGINT       PRIMARY KEY,
    token_hash   CHAR(64)     NOT NULL,
    issued_at    DATETIME(6)  NOT NULL,
    issued_by    VARCHAR(120) NOT NULL,
    last_used_at DATETIME(6),
    CONSTRAINT uq_feed_token_hash UNIQUE (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A reminder is sent once per shift: the primary key is the shift.
CREATE TABLE shift_reminder (
    rota_id     BIGINT      NOT NULL,
    layer       VARCHAR(16) NOT NULL,
    person_id   BIGINT      NOT NULL,
    shift_start DATETIME(6) NOT NULL,
    sent_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (rota_id, layer, person_id, shift_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
