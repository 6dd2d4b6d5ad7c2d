package org.sharedict.platform.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One write, as the audit trail keeps it: who, when, what and which fields changed. The table
 * comes from the shared migration {@code db/common/V0_1__audit_log.sql} that every service runs.
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false, length = 120)
    public String actor;

    @Column(name = "actor_partner", length = 32)
    public String actorPartner;

    @Column(nullable = false, length = 40)
    public String action;

    @Column(name = "entity_type", nullable = false, length = 60)
    public String entityType;

    @Column(name = "entity_id", length = 120)
    public String entityId;

    @Column(length = 32)
    public String partner;

    /** JSON object of changed fields: {"field": {"from": ..., "to": ...}} or a free summary. */
    @Column(columnDefinition = "TEXT")
    public String changes;

    @Column(name = "request_id", length = 128)
    public String requestId;
}
