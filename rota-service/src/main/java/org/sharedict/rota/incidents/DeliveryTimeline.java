package org.sharedict.rota.incidents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.sharedict.rota.notify.DeliveryRecorded;

/** Puts each delivery attempt of an incident's notifications on its timeline, in the transaction that records the attempt. */
@ApplicationScoped
public class DeliveryTimeline {

    private final Timeline timeline;

    @Inject
    DeliveryTimeline(Timeline timeline) {
        this.timeline = timeline;
    }

    void recorded(@Observes DeliveryRecorded d) {
        if (d.incidentId() == null) {
            return;
        }
        IncidentEvent.Kind kind = switch (d.outcome()) {
            case SENT -> IncidentEvent.Kind.NOTIFICATION_SENT;
            case FAILED -> IncidentEvent.Kind.NOTIFICATION_FAILED;
            case GAVE_UP -> IncidentEvent.Kind.NOTIFICATION_GAVE_UP;
            case CANCELLED -> IncidentEvent.Kind.NOTIFICATION_CANCELLED;
            case DELIVERED -> IncidentEvent.Kind.NOTIFICATION_DELIVERED;
            case UNDELIVERED -> IncidentEvent.Kind.NOTIFICATION_UNDELIVERED;
        };
        timeline.add(d.incidentId(), kind, d.detail(), e -> {
            e.step = d.step();
            e.channel = d.channel().name();
            e.recipient = d.address();
            e.notificationId = d.notificationId();
            e.attempt = d.attempt();
        });
    }
}
