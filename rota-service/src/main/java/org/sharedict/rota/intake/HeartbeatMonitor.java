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
 * A job or system that must ping its URL at least every {@code intervalSeconds}: silent past
 * {@link #dueAt} (the last ping, plus the interval and the grace), it raises an incident; a ping resolves it.
 */
@Entity
@Table(name = "heartbeat_monitor")
public class HeartbeatMonitor extends PanacheEntityBase {

    public enum State {
        /** Created, not pinged yet: silent from creation counts as well. */
        WAITING,
        UP,
        /** Silent past its due time: an incident was raised (or suppressed by maintenance). */
        DOWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 16)
    public String partner;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(name = "policy_id")
    public Long policyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Incident.Severity severity;

    @Column(name = "interval_seconds", nullable = false)
    public int intervalSeconds;

    @Column(name = "grace_seconds", nullable = false)
    public int graceSeconds;

    @Column(name = "public_id", nullable = false, length = 12)
    public String publicId;

    @Column(name = "secret_hash", nullable = false, length = 64)
    public String secretHash;

    @Column(name = "last_ping_at")
    public Instant lastPingAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public State state;

    @Column(name = "incident_id")
    public Long incidentId;

    @Column(name = "created_by", nullable = false, length = 120)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
