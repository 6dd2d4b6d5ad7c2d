CREATE TABLE partner (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    code               VARCHAR(16)  NOT NULL,
    name               VARCHAR(200) NOT NULL,
    type               VARCHAR(32)  NOT NULL,
    service_desk_phone VARCHAR(40),
    out_of_hours_phone VARCHAR(40),
    email              VARCHAR(254),
    version            BIGINT       NOT NULL DEFAULT 0,
    created_at         DATETIME(6)  NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    CONSTRAINT uq_partner_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
