-- ICT staff of each partner, the skill taxonomy, who holds which skill at what level, and
-- certifications. Indexes follow the expert search: person skills are read by skill and level.

CREATE TABLE person (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    partner_id           BIGINT       NOT NULL,
    name                 VARCHAR(200) NOT NULL,
    job_title            VARCHAR(200),
    team                 VARCHAR(200),
    email                VARCHAR(254) NOT NULL,
    work_phone           VARCHAR(40),
    mobile               VARCHAR(40),
    site                 VARCHAR(200),
    manager              BOOLEAN      NOT NULL DEFAULT FALSE,
    help_other_partners  BOOLEAN      NOT NULL DEFAULT FALSE,
    help_hours_per_month INT          NOT NULL DEFAULT 0,
    unavailable_until    DATE,
    unavailable_reason   VARCHAR(200),
    out_of_hours         BOOLEAN      NOT NULL DEFAULT FALSE,
    last_confirmed       DATE,
    version              BIGINT       NOT NULL DEFAULT 0,
    created_at           DATETIME(6)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL,
    CONSTRAINT uq_person_email UNIQUE (email),
    CONSTRAINT fk_person_partner FOREIGN KEY (partner_id) REFERENCES partner (id),
    INDEX ix_person_partner_name (partner_id, name),
    INDEX ix_person_name (name),
    INDEX ix_person_last_confirmed (last_confirmed)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE skill_category (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    description VARCHAR(2000),
    version     BIGINT       NOT NULL DEFAULT 0,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_skill_category_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE skill (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    description VARCHAR(2000),
    category_id BIGINT       NOT NULL,
    sfia_code   VARCHAR(8),
    version     BIGINT       NOT NULL DEFAULT 0,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_skill_code UNIQUE (code),
    CONSTRAINT fk_skill_category FOREIGN KEY (category_id) REFERENCES skill_category (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- alias_key is the alias folded for matching ("MS-SQL" and "ms sql" are both "mssql"); unique
-- across the taxonomy so that a term never means two skills.
CREATE TABLE skill_alias (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    skill_id  BIGINT       NOT NULL,
    alias     VARCHAR(200) NOT NULL,
    alias_key VARCHAR(200) NOT NULL,
    position  INT          NOT NULL DEFAULT 0,
    CONSTRAINT uq_skill_alias_key UNIQUE (alias_key),
    CONSTRAINT fk_skill_alias_skill FOREIGN KEY (skill_id) REFERENCES skill (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE person_skill (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    person_id      BIGINT       NOT NULL,
    skill_id       BIGINT       NOT NULL,
    level          INT          NOT NULL,
    verified_by    VARCHAR(120),
    verified_at    DATETIME(6),
    last_used      DATE,
    last_confirmed DATE,
    notes          VARCHAR(1000),
    version        BIGINT       NOT NULL DEFAULT 0,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    CONSTRAINT uq_person_skill UNIQUE (person_id, skill_id),
    CONSTRAINT ck_person_skill_level CHECK (level BETWEEN 1 AND 5),
    CONSTRAINT fk_person_skill_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_person_skill_skill FOREIGN KEY (skill_id) REFERENCES skill (id),
    -- Covers the expert search's candidate scan: skill, then level, without touching the rows.
    INDEX ix_person_skill_search (skill_id, level, person_id, verified_at, last_confirmed)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE certification (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    person_id  BIGINT       NOT NULL,
    skill_id   BIGINT,
    name       VARCHAR(200) NOT NULL,
    issuer     VARCHAR(200),
    number     VARCHAR(100),
    obtained   DATE,
    expires    DATE,
    version    BIGINT       NOT NULL DEFAULT 0,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    CONSTRAINT fk_certification_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_certification_skill FOREIGN KEY (skill_id) REFERENCES skill (id) ON DELETE SET NULL,
    INDEX ix_certification_person (person_id),
    INDEX ix_certification_skill (skill_id, person_id, expires)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
