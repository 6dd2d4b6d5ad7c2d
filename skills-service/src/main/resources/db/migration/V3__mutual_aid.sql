-- Mutual aid: one partner asks another for help, the help given is logged as time records, and
-- the partnership agreement prices it. Partners and people are named by code and ID, not by
-- foreign key: the directory owns them (a person who leaves must not erase the ledger).

-- The partnership agreement: one row (id 1). Money in pence, so ledgers add up exactly.
CREATE TABLE aid_agreement (
    id                        BIGINT        PRIMARY KEY,
    rate_basis                VARCHAR(8)    NOT NULL,
    flat_rate_pence           BIGINT,
    minutes_per_day           INT           NOT NULL,
    out_of_hours_multiplier   DECIMAL(4, 2) NOT NULL,
    agency_day_rate_pence     BIGINT        NOT NULL,
    netting                   BOOLEAN       NOT NULL,
    direct_accept_urgent      BOOLEAN       NOT NULL,
    direct_accept_out_of_hours BOOLEAN      NOT NULL,
    version                   BIGINT        NOT NULL DEFAULT 0,
    updated_at                DATETIME(6)   NOT NULL,
    updated_by                VARCHAR(120)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A partner's own rate (per hour or per day, as the agreement's basis says) when there is no flat rate.
CREATE TABLE aid_partner_rate (
    agreement_id BIGINT      NOT NULL,
    partner      VARCHAR(16) NOT NULL,
    rate_pence   BIGINT      NOT NULL,
    PRIMARY KEY (agreement_id, partner),
    CONSTRAINT fk_aid_partner_rate_agreement FOREIGN KEY (agreement_id) REFERENCES aid_agreement (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO aid_agreement (id, rate_basis, flat_rate_pence, minutes_per_day, out_of_hours_multiplier,
                           agency_day_rate_pence, netting, direct_accept_urgent, direct_accept_out_of_hours,
                           version, updated_at, updated_by)
VALUES (1, 'HOUR', 3500, 450, 1.50, 45000, TRUE, TRUE, TRUE, 0, CURRENT_TIMESTAMP(6), 'system');

CREATE TABLE aid_request (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    requester_partner   VARCHAR(16)   NOT NULL,
    requested_by        VARCHAR(120)  NOT NULL,
    requester_email     VARCHAR(254),
    helper_partner      VARCHAR(16)   NOT NULL,
    helper_person_id    BIGINT,
    title               VARCHAR(200)  NOT NULL,
    reason              VARCHAR(2000) NOT NULL,
    needed_from         DATE,
    needed_to           DATE,
    expected_minutes    INT           NOT NULL,
    urgency             VARCHAR(16)   NOT NULL,
    out_of_hours        BOOLEAN       NOT NULL,
    on_site             BOOLEAN       NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    decision_reason     VARCHAR(1000),
    decided_by          VARCHAR(120),
    decided_at          DATETIME(6),
    done_at             DATETIME(6),
    version             BIGINT        NOT NULL DEFAULT 0,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    INDEX ix_aid_request_requester (requester_partner, created_at),
    INDEX ix_aid_request_helper (helper_partner, created_at),
    INDEX ix_aid_request_helper_person (helper_person_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Skills from the taxonomy, by code: a skill renamed or removed later leaves the request readable.
CREATE TABLE aid_request_skill (
    request_id BIGINT      NOT NULL,
    skill      VARCHAR(40) NOT NULL,
    PRIMARY KEY (request_id, skill),
    CONSTRAINT fk_aid_request_skill FOREIGN KEY (request_id) REFERENCES aid_request (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE aid_time_record (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id    BIGINT        NOT NULL,
    worked_on     DATE          NOT NULL,
    minutes       INT           NOT NULL,
    out_of_hours  BOOLEAN       NOT NULL,
    note          VARCHAR(1000),
    logged_by     VARCHAR(120)  NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    query_reason  VARCHAR(1000),
    answered_by   VARCHAR(120),
    version       BIGINT        NOT NULL DEFAULT 0,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    CONSTRAINT ck_aid_time_minutes CHECK (minutes BETWEEN 1 AND 1440),
    CONSTRAINT fk_aid_time_request FOREIGN KEY (request_id) REFERENCES aid_request (id),
    INDEX ix_aid_time_request (request_id, worked_on),
    INDEX ix_aid_time_worked_on (worked_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Outbox (platform/mail: mutual aid, reminders): a message is written in the transaction of the
-- change it reports, sent after commit, and retried by a sweep until sent; so a rolled-back change
-- sends nothing and a crash loses nothing.
CREATE TABLE mail_outbox (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    recipient  VARCHAR(254)  NOT NULL,
    subject    VARCHAR(300)  NOT NULL,
    body       TEXT          NOT NULL,
    attempts   INT           NOT NULL DEFAULT 0,
    last_error VARCHAR(500),
    created_at DATETIME(6)   NOT NULL,
    sent_at    DATETIME(6),
    INDEX ix_mail_outbox_unsent (sent_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
