package org.sharedict.dr.invocations;

import java.time.Instant;
import java.util.Optional;

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

/**
 * A plan put into action during an incident: a live checklist copied from the approved plan. At
 * most one invocation of a plan is open (a unique index on the generated column open_plan_id).
 */
@Entity
@Table(name = "dr_invocation")
public class Invocation extends PanacheEntityBase {

    public enum Status {
        OPEN,
        CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(nullable = false, length = 16)
    public String partner;

    @Column(name = "plan_name", nullable = false, length = 200)
    public String planName;

    @Column(name = "plan_revision", nullable = false)
    public int planRevision;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String reason;

    /** The plan's activation criterion that was met (key and words at the time), when it has criteria. */
    @Column(name = "criterion_key", length = 64)
    public String criterionKey;

    @Column(columnDefinition = "TEXT")
    public String criterion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "started_by", nullable = false, length = 120)
    public String startedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by", length = 120)
    public String closedBy;

    @Column(columnDefinition = "TEXT")
    public String summary;

    /** How the call-out went; null for an invocation from before call-outs. */
    @Enumerated(EnumType.STRING)
    @Column(name = "call_out_status", length = 16)
    public CallOutStatus callOutStatus;

    /** rota-service's incident, once it took the call-out. */
    @Column(name = "incident_id")
    public Long incidentId;

    @Column(name = "call_out_at")
    public Instant callOutAt;

    /** What happened, in words: who was paged, or why it could not be sent or resolved. */
    @Column(name = "call_out_detail", length = 1000)
    public String callOutDetail;

    /** JSON list of the people the call-out named (CallOutPerson), as they stood when it was sent. */
    @Column(name = "call_out_people", columnDefinition = "TEXT")
    public String callOutPeople;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Invocation> openOf(long planId) {
        return find("planId = ?1 and status = ?2", planId, Status.OPEN).firstResultOptional();
    }
}
