-- Shift swaps by consent: a member asks another to exchange rotation periods; the swap is made
-- (a rota_swap row) only when the other accepts, or a manager imposes it.
CREATE TABLE swap_request (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    rota_id         BIGINT       NOT NULL,
    layer           VARCHAR(16)  NOT NULL,
    requester_id    BIGINT       NOT NULL,
    first_at        DATETIME(6)  NOT NULL,
    responder_id    BIGINT       NOT NULL,
    second_at       DATETIME(6)  NOT NULL,
    reason          VARCHAR(500),
    status          VARCHAR(16)  NOT NULL,
    -- When the first of the two shifts starts: a request still pending then is expired.
    expires_at      DATETIME(6)  NOT NULL,
    created_by      VARCHAR(120) NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    decided_by      VARCHAR(120),
    decided_at      DATETIME(6),
    swap_id         BIGINT,
    INDEX ix_swap_request_requester (requester_id, status),
    INDEX ix_swap_request_responder (responder_id, status),
    INDEX ix_swap_request_rota (rota_id, status),
    CONSTRAINT fk_swap_request_rota FOREIGN KEY (rota_id) REFERENCES rota (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How a swap came about: AGREED (a request accepted) or IMPOSED by a manager. Every swap made
-- before requests existed was made by one side alone, so it counts as imposed by its maker.
ALTER TABLE rota_swap
    ADD COLUMN origin VARCHAR(16) NOT NULL DEFAULT 'IMPOSED',
    ADD COLUMN request_id BIGINT NULL;
