-- The gateway's own data: users, their sign-in sessions, API keys and pending OpenID Connect
-- sign-ins. audit_log (sign-ins, failed sign-ins, user and key changes) comes from db/common.

CREATE TABLE app_user (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    username            VARCHAR(64)  NOT NULL,
    display_name        VARCHAR(120) NOT NULL,
    email               VARCHAR(254),
    -- NULL only for partnership admins (the token then carries no partner claim).
    partner             VARCHAR(16),
    -- The skills-service person this user is, when they are ICT staff.
    person_id           BIGINT,
    -- Comma-separated roles of the token contract: admin, manager, engineer, dr-lead, viewer.
    roles               VARCHAR(200) NOT NULL,
    -- bcrypt; NULL for users who sign in only through an external OpenID Connect provider.
    password_hash       VARCHAR(100),
    password_changed_at DATETIME(6),
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts     INT          NOT NULL DEFAULT 0,
    locked_until        DATETIME(6),
    last_sign_in_at     DATETIME(6),
    external_provider   VARCHAR(64),
    external_subject    VARCHAR(255),
    version             BIGINT       NOT NULL DEFAULT 0,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    CONSTRAINT uk_user_username UNIQUE (username),
    CONSTRAINT uk_user_external UNIQUE (external_provider, external_subject),
    INDEX ix_user_partner (partner)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One sign-in: a chain of refresh tokens (each used once) and the access tokens issued from it,
-- which carry its id as the `sid` claim so that signing out refuses them at the gateway.
CREATE TABLE user_session (
    id                    VARCHAR(32)  PRIMARY KEY,
    -- Kept (SET NULL) when the user is deleted, so other instances still learn of the revocation.
    user_id               BIGINT,
    refresh_hash          CHAR(64)     NOT NULL,
    previous_refresh_hash CHAR(64),
    method                VARCHAR(16)  NOT NULL,
    created_at            DATETIME(6)  NOT NULL,
    refreshed_at          DATETIME(6)  NOT NULL,
    expires_at            DATETIME(6)  NOT NULL,
    revoked_at            DATETIME(6),
    revoke_reason         VARCHAR(60),
    client_address        VARCHAR(64),
    user_agent            VARCHAR(200),
    CONSTRAINT fk_session_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE SET NULL,
    INDEX ix_session_user (user_id),
    INDEX ix_session_revoked (revoked_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Keys for machine clients. The secret is shown once and stored only as its SHA-256: it is 256
-- random bits, so a slow hash would add nothing but a cost on every request.
CREATE TABLE api_key (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    public_id    VARCHAR(16)  NOT NULL,
    name         VARCHAR(120) NOT NULL,
    partner      VARCHAR(16)  NOT NULL,
    permissions  VARCHAR(500) NOT NULL,
    secret_hash  CHAR(64)     NOT NULL,
    created_by   VARCHAR(120) NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    expires_at   DATETIME(6),
    last_used_at DATETIME(6),
    revoked_at   DATETIME(6),
    revoked_by   VARCHAR(120),
    version      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_api_key_public_id UNIQUE (public_id),
    INDEX ix_api_key_partner (partner)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An OpenID Connect sign-in between the redirect to the provider and its callback; in the
-- database so that the callback may reach another instance.
CREATE TABLE oidc_login (
    state         VARCHAR(64)  PRIMARY KEY,
    provider      VARCHAR(64)  NOT NULL,
    nonce         VARCHAR(64)  NOT NULL,
    code_verifier VARCHAR(128) NOT NULL,
    return_to     VARCHAR(500),
    created_at    DATETIME(6)  NOT NULL,
    INDEX ix_oidc_login_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
