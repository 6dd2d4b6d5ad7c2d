package org.sharedict.rota.incidents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.sharedict.rota.webhooks.WebhookAttempted;

/** Puts each call to a lifecycle-webhook subscriber on the incident's timeline, in the transaction that records it. */
@ApplicationScoped
public class WebhookTimeline {

    private final Timeline timeline;

    @Inject
    WebhookTimeline(Timeline timeline) {
        this.timeline = timeline;
    }

    void attempted(@Observes WebhookAttempted a) {
        IncidentEvent.Kind kind = switch (a.outcome()) {
            case SENT -> IncidentEvent.Kind.WEBHOOK_SENT;
            case FAILED -> IncidentEvent.Kind.WEBHOOK_FAILED;
            case GAVE_UP -> IncidentEvent.Kind.WEBHOOK_GAVE_UP;
        };
        timeline.add(a.incidentId(), kind, a.event() + ": " + a.detail(), e -> {
            e.channel = "WEBHOOK";
            e.recipient = a.url();
            e.notificationId = a.deliveryId();
            e.attempt = a.attempt();
        });
    }
}
