package org.sharedict.rota.escalation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An escalation policy: ordered steps, each notifying its targets and waiting its delay; repeated {@code repeatCount} times. */
@Entity
@Table(name = "escalation_policy")
public class EscalationPolicy extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 200)
    public String name;

    /** The partner whose managers may edit it; null for a partnership-wide policy (admins only). */
    @Column(length = 16)
    public String partner;

    @Column(name = "repeat_count", nullable = false)
    public int repeatCount;

    /** JSON list of {@link Steps.Step}. */
    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    public String steps;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
