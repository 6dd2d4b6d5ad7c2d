package org.sharedict.rota.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.quartz.Scheduler;

import org.sharedict.platform.json.Json;
import org.sharedict.rota.platform.RotaConfig;

/**
 * Queues the calls an incident change causes, in the transaction of the change (a synchronous
 * observer): the delivery rows and their first Quartz attempts commit with it or not at all, so no
 * event is lost and none is queued twice.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final Clock clock;
    private final Scheduler quartz;
    private final Json json;
    private final RotaConfig config;

    WebhookOutbox(Clock clock, Scheduler quartz, Json json, RotaConfig config) {
        this.clock = clock;
        this.quartz = quartz;
        this.json = json;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void changed(@Observes IncidentLifecycle e) {
        List<WebhookSubscription> subscribers = WebhookSubscription.list("partner", e.partner());
        for (WebhookSubscription s : subscribers) {
            if (s.enabled && s.eventList().contains(e.event().wire())) {
                queue(s, e.incidentId(), e.event().wire(), body(e));
            }
        }
    }

    /** A made-up incident.triggered for the subscriber to check its signature check with; it names no real incident. */
    @Transactional(Transactional.TxType.MANDATORY)
    WebhookDelivery queueTest(WebhookSubscription s) {
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("id", 0);
        incident.put("partner", s.partner);
        incident.put("summary", "Test call from the Shared ICT Support platform");
        incident.put("severity", "LOW");
        incident.put("status", "TRIGGERED");
        incident.put("url", base() + "/#/incidents");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "test");
        body.put("occurredAt", Instant.now(clock).toString());
        body.put("test", true);
        body.put("incident", incident);
        return queue(s, null, "test", body);
    }

    /**
     * After an edit: calls still waiting for an attempt go to the subscriber's new address, or, when it
     * was disabled, are dropped (recorded as failed, so no attempt is made).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void retarget(WebhookSubscription s) {
        if (s.enabled) {
            WebhookDelivery.update(
                    "url = ?1 where subscriptionId = ?2 and status = ?3", s.url, s.id, WebhookDelivery.Status.PENDING);
        } else {
            WebhookDelivery.update(
                    "status = ?1, lastError = ?2 where subscriptionId = ?3 and status = ?4",
                    WebhookDelivery.Status.FAILED,
                    "not sent: the subscription was disabled",
                    s.id,
                    WebhookDelivery.Status.PENDING);
        }
    }

    private WebhookDelivery queue(WebhookSubscription s, Long incidentId, String event, Map<String, Object> body) {
        WebhookDelivery d = new WebhookDelivery();
        d.subscriptionId = s.id;
        d.incidentId = incidentId;
        d.event = event;
        d.eventId = UUID.randomUUID().toString();
        d.url = s.url;
        Map<String, Object> withId = new LinkedHashMap<>();
        withId.put("id", d.eventId);
        withId.putAll(body);
        d.body = json.write(withId);
        d.status = WebhookDelivery.Status.PENDING;
        d.attempts = 0;
        d.createdAt = Instant.now(clock);
        d.persistAndFlush();
        WebhookJob.schedule(quartz, d.id, 1, null);
        return d;
    }

    private Map<String, Object> body(IncidentLifecycle e) {
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("id", e.incidentId());
        incident.put("partner", e.partner());
        incident.put("summary", e.summary());
        incident.put("severity", e.severity());
        incident.put("status", e.status());
        incident.put("url", base() + "/#/incidents/" + e.incidentId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", e.event().wire());
        body.put("occurredAt", e.at().toString());
        body.put("by", e.by());
        if (e.step() != null) {
            body.put("step", e.step());
        }
        body.put("incident", incident);
        return body;
    }

    private String base() {
        return config.publicUrl().replaceAll("/+$", "");
    }
}
