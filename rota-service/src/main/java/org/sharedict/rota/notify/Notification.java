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

/** One e-mail or webhook call to deliver (the outbox), with its attempts so far. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    public enum Purpose {
        PAGE,
        SHIFTS_CHANGED,
        SHIFT_REMINDER
    }

    public enum Channel {
        EMAIL,
        WEBHOOK
    }

    public enum Status {
        PENDING,
        SENT,
        FAILED
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

    /** An e-mail address or a webhook URL. */
    @Column(nullable = false, length = 1000)
    public String address;

    @Column(nullable = false, length = 300)
    public String subject;

    /** The e-mail text, or the webhook's JSON. */
    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    public String body;

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
