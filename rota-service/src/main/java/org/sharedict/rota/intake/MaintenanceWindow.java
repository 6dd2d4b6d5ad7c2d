package org.sharedict.rota.intake;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Planned work: from {@code startsAt} until {@code endsAt}, triggers of the partner (or of one key) are suppressed, not paged. */
@Entity
@Table(name = "maintenance_window")
public class MaintenanceWindow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 16)
    public String partner;

    /** Null: every integration key and heartbeat monitor of the partner. */
    @Column(name = "integration_key_id")
    public Long integrationKeyId;

    @Column(nullable = false, length = 500)
    public String reason;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "created_by", nullable = false, length = 120)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Who ended it before its planned end (endsAt is then when they did). */
    @Column(name = "ended_early_by", length = 120)
    public String endedEarlyBy;

    @Version
    public long version;
}
