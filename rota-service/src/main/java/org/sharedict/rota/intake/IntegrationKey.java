package org.sharedict.rota.intake;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.sharedict.rota.incidents.Incident;

/**
 * A monitored service's key for sending alerts: {@code rik_<publicId>_<secret>}, of which only the
 * secret's SHA-256 is kept. Its alerts raise incidents for its partner along its policy.
 */
@Entity
@Table(name = "integration_key")
public class IntegrationKey extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 16)
    public String partner;

    @Column(nullable = false, length = 120)
    public String name;

    /** The monitored service, named in every incident the key raises. */
    @Column(nullable = false, length = 120)
    public String service;

    /** The policy its incidents follow; null: the partner's default. */
    @Column(name = "policy_id")
    public Long policyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_severity", nullable = false, length = 16)
    public Incident.Severity defaultSeverity;

    @Column(name = "public_id", nullable = false, length = 12)
    public String publicId;

    @Column(name = "secret_hash", nullable = false, length = 64)
    public String secretHash;

    @Column(name = "created_by", nullable = false, length = 120)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by", length = 120)
    public String revokedBy;

    @Version
    public long version;
}
