-- Cover gaps already mailed to a partner's managers (gaps/GapMails): a gap is new, and mailed, only
-- when no row of the same partner and key (reason, rota, layer, policy, step) overlaps it; a row
-- grows with its gap, so a gap that persists is mailed once.
CREATE TABLE cover_gap_reported (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    partner     VARCHAR(16)  NOT NULL,
    gap_key     VARCHAR(120) NOT NULL,
    starts_at   DATETIME(6)  NOT NULL,
    ends_at     DATETIME(6)  NOT NULL,
    reported_at DATETIME(6)  NOT NULL,
    INDEX ix_cover_gap_reported_partner (partner, gap_key),
    INDEX ix_cover_gap_reported_ends (ends_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
