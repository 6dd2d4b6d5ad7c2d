package org.sharedict.rota.webhooks;

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

/** One call to a subscriber (the outbox row), with its attempts so far. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public enum Status {
        PENDING,
        SENT,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id", nullable = false)
    public long subscriptionId;

    /** Null for a test call. */
    @Column(name = "incident_id")
    public Long incidentId;

    @Column(nullable = false, length = 32)
    public String event;

    /** The same in every attempt, so a subscriber can tell a retry from a new event. */
    @Column(name = "event_id", nullable = false, length = 36)
    public String eventId;

    @Column(nullable = false, length = 1000)
    public String url;

    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error", columnDefinition = "TEXT")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
}
