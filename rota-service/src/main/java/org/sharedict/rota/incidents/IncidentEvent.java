package org.sharedict.rota.incidents;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of an incident's timeline: a state change, a step, or a notification attempt. */
@Entity
@Table(name = "incident_event")
public class IncidentEvent extends PanacheEntityBase {

    public enum Kind {
        TRIGGERED,
        DUPLICATE,
        STEP_NOTIFIED,
        NO_RECIPIENT,
        /** A step found nobody to page and fell through to the partner's managers (or found none either). */
        FELL_THROUGH,
        NOTIFICATION_QUEUED,
        NOTIFICATION_SENT,
        NOTIFICATION_FAILED,
        NOTIFICATION_GAVE_UP,
        /** A page not sent: the incident was acknowledged or resolved before its time. */
        NOTIFICATION_CANCELLED,
        /** The provider's receipt: the SMS reached the phone. */
        NOTIFICATION_DELIVERED,
        /** The provider's receipt: the SMS did not reach the phone. */
        NOTIFICATION_UNDELIVERED,
        ESCALATION_EXHAUSTED,
        ACKNOWLEDGED,
        ESCALATED,
        RESOLVED,
        NOTE,
        WEBHOOK_SENT,
        WEBHOOK_FAILED,
        WEBHOOK_GAVE_UP
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id", nullable = false)
    public long incidentId;

    @Column(nullable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Kind kind;

    @Column(nullable = false, length = 120)
    public String actor;

    /** 1-based step of the policy, for step and notification events. */
    public Integer step;

    public Integer pass;

    /** When the step was due: {@code at - dueAt} is how late the escalation fired. */
    @Column(name = "due_at")
    public Instant dueAt;

    @Column(length = 16)
    public String channel;

    @Column(length = 1000)
    public String recipient;

    @Column(name = "notification_id")
    public Long notificationId;

    public Integer attempt;

    @Column(columnDefinition = "TEXT")
    public String detail;
}
