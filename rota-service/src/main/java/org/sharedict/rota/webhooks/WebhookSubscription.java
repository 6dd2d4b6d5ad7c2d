package org.sharedict.rota.webhooks;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A partner's subscriber to incident lifecycle events: where to call, which events, and the secret that signs each call. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 16)
    public String partner;

    @Column(nullable = false, length = 1000)
    public String url;

    /** The wire names, comma-separated: incident.triggered,incident.resolved. */
    @Column(nullable = false, length = 200)
    public String events;

    @Column(length = 200)
    public String description;

    @Column(nullable = false, length = 100)
    public String secret;

    /** A disabled subscriber keeps its secret and history but is sent no events. */
    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 120)
    public String createdBy;

    @Version
    public long version;

    List<String> eventList() {
        return Arrays.stream(events.split(",")).filter(e -> !e.isBlank()).toList();
    }
}
