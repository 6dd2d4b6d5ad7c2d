-- Failed sign-ins slow further attempts down with delays that grow with each failure, instead of a
-- lock-out that anyone could set off against anyone (gateway/README.md, "Failed sign-ins"). Counted
-- three ways, each with the time before which the next attempt is refused:
--   PAIR     one username from one client address;
--   ADDRESS  one client address, whatever the username (password spraying);
--   ACCOUNT  one username from every address (guesses spread over many addresses).
-- An address the account has signed in from recently counts only as PAIR, so the owner is not kept
-- out by guesses made elsewhere. Keyed by the username as typed (lower-cased) whether or not such a
-- user exists, so the answers never tell which usernames exist.
CREATE TABLE sign_in_throttle (
    -- SHA-256 of scope, username and address: one short key for any username a client may send.
    throttle_key    CHAR(64)     NOT NULL PRIMARY KEY,
    scope           VARCHAR(8)   NOT NULL,
    -- '' for ADDRESS.
    username        VARCHAR(254) NOT NULL,
    -- '' for ACCOUNT.
    client_address  VARCHAR(64)  NOT NULL,
    failures        INT          NOT NULL DEFAULT 0,
    last_failure_at DATETIME(6),
    blocked_until   DATETIME(6),
    INDEX ix_throttle_username (username),
    INDEX ix_throttle_last_failure (last_failure_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The per-user lock-out this replaces.
ALTER TABLE app_user DROP COLUMN failed_attempts, DROP COLUMN locked_until;
