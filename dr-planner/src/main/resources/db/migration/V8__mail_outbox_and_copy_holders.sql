-- V8 (V7 is left for the invocation call-out, built alongside).
--
-- Outbox (platform/mail): a message is written in the transaction of the change it reports (a
-- submission, an approval, a copy issued, a reminder due), sent after commit and retried by a
-- sweep until sent; so a rolled-back change sends nothing and a crash loses nothing. A sender
-- claims a row (claimed_until) before sending it, so two instances never send the same row.
CREATE TABLE dr_mail_outbox (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    recipient           VARCHAR(254)  NOT NULL,
    subject             VARCHAR(300)  NOT NULL,
    body                TEXT          NOT NULL,
    attachment_name     VARCHAR(200)  NULL,
    attachment_type     VARCHAR(100)  NULL,
    attachment          MEDIUMBLOB    NULL,
    attempts            INT           NOT NULL DEFAULT 0,
    last_error          VARCHAR(500)  NULL,
    created_at          DATETIME(6)   NOT NULL,
    claimed_until       DATETIME(6)   NULL,
    sent_at             DATETIME(6)   NULL,
    INDEX ix_dr_mail_outbox_unsent (sent_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who may approve a partner's plans, as dr-planner learns them: the e-mail address on the
-- gateway's token of each DR lead and admin who works in dr-planner (the gateway owns users).
CREATE TABLE dr_approver (
    username    VARCHAR(120) PRIMARY KEY,
    partner     VARCHAR(16)  NULL,
    admin       BOOLEAN      NOT NULL,
    name        VARCHAR(200) NULL,
    email       VARCHAR(254) NOT NULL,
    seen_at     DATETIME(6)  NOT NULL,
    INDEX ix_dr_approver_partner (partner)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE dr_plan
    ADD COLUMN author_email VARCHAR(254) NULL;

-- Copy holders (offline copies): named per plan series, people or off-platform addresses.
CREATE TABLE dr_copy_holder (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    series      VARCHAR(36)  NOT NULL,
    partner     VARCHAR(16)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    email       VARCHAR(254) NOT NULL,
    person_id   BIGINT       NULL,
    note        VARCHAR(500) NULL,
    created_by  VARCHAR(120) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    removed_at  DATETIME(6)  NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    INDEX ix_dr_copy_holder_series (series)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One copy of one approved revision sent to one holder; acknowledged through its signed link
-- (token_id makes the link single use). Reminders go once per interval until acknowledged.
CREATE TABLE dr_copy_issue (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    holder_id        BIGINT       NOT NULL,
    plan_id          BIGINT       NOT NULL,
    revision         INT          NOT NULL,
    token_id         VARCHAR(32)  NOT NULL,
    sent_at          DATETIME(6)  NOT NULL,
    acknowledged_at  DATETIME(6)  NULL,
    reminded_at      DATETIME(6)  NULL,
    reminders        INT          NOT NULL DEFAULT 0,
    UNIQUE KEY uq_dr_copy_issue (holder_id, plan_id),
    UNIQUE KEY uq_dr_copy_issue_token (token_id),
    CONSTRAINT fk_dr_copy_issue_holder FOREIGN KEY (holder_id) REFERENCES dr_copy_holder (id),
    INDEX ix_dr_copy_issue_unack (acknowledged_at, reminded_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Reminders of a scheduled exercise, one per participant address and exercise.
CREATE TABLE dr_exercise_reminder (
    exercise_id  BIGINT       NOT NULL,
    recipient    VARCHAR(254) NOT NULL,
    sent_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (exercise_id, recipient)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
