package org.sharedict.dr.invocations;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A line on an invocation's timeline. */
@Entity
@Table(name = "dr_invocation_event")
public class InvocationEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "invocation_id", nullable = false)
    public Long invocationId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false, length = 120)
    public String actor;

    @Column(nullable = false, length = 32)
    public String kind;

    @Column(name = "activity_key", length = 64)
    public String activityKey;

    @Column(name = "step_key", length = 64)
    public String stepKey;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String message;

    /** Writes one line on the invocation's timeline. */
    static void record(
            Invocation inv, Instant at, String actor, String kind, String activityKey, String stepKey, String message) {
        InvocationEvent e = new InvocationEvent();
        e.invocationId = inv.id;
        e.at = at;
        e.actor = actor;
        e.kind = kind;
        e.activityKey = activityKey;
        e.stepKey = stepKey;
        e.message = message;
        e.persist();
    }

    public static List<InvocationEvent> of(long invocationId) {
        return list("invocationId = ?1 order by at, id", invocationId);
    }
}
