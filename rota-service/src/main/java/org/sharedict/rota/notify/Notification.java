package org.sharedict.rota.notify;

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
import org.hibernate.annotations.DynamicUpdate;

/** One e-mail or webhook call to deliver (the outbox), with its attempts so far. */
@Entity
@DynamicUpdate // Only the changed columns: a step or an attempt must not rewrite the whole row.
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    public enum Purpose {
        PAGE,
        SHIFTS_CHANGED,
        SHIFT_REMINDER,
        /** A contact method's verification code. */
        VERIFICATION,
        /** A contact method's "send test". */
        CONTACT_TEST,
        /** The answer to an SMS reply (done, or the help text). */
        SMS_REPLY,
        /** A shift swap request: the ask (with links to accept or decline) and its outcome. */
        SWAP_REQUEST,
        /** The managers' daily mail of new cover gaps. */
        COVER_GAPS
    }

    public enum Channel {
        EMAIL,
        WEBHOOK,
        SMS,
        VOICE,
        TEAMS,
        SLACK
    }

    public enum Status {
        PENDING,
        SENT,
        FAILED,
        /** Not sent: the incident was acknowledged or resolved before its time came. */
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public Long incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public Purpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Channel channel;

    @Column(name = "person_id")
    public Long personId;

    /** An e-mail address, an E.164 phone number or a webhook URL. */
    @Column(nullable = false, length = 1000)
    public String address;

    @Column(nullable = false, length = 300)
    public String subject;

    /** The e-mail's or SMS's text, what a call says, or the webhook's JSON. */
    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    public String body;

    /** An e-mail's HTML part. */
    @Column(name = "body_html", columnDefinition = "MEDIUMTEXT")
    public String bodyHtml;

    /** The contact method it goes through, for a person's own methods. */
    @Column(name = "method_id")
    public Long methodId;

    /** When it is to go: later than created for a rule's delay or a low-urgency page waiting for working hours. */
    @Column(name = "due_at")
    public Instant dueAt;

    /**
     * When the next attempt is due (the first: {@link #dueAt}; then each retry's time): the sweep
     * sends what is overdue by this and unclaimed. Who holds an attempt ({@code claimed_until}, in the
     * database's own time) is not mapped: only {@link Deliveries} reads and writes it, in SQL.
     */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** The provider's ID of the message (Notify notification ID, Twilio call SID), matched by its delivery receipt. */
    @Column(name = "provider_ref", length = 64)
    public String providerRef;

    /** The provider's last delivery status (Notify: delivered, permanent-failure, ...). */
    @Column(length = 40)
    public String receipt;

    public Integer step;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error", columnDefinition = "TEXT")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
