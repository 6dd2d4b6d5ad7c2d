package org.sharedict.rota.webhooks;

import java.time.Instant;
import java.util.Locale;

/**
 * An incident changed state: fired by incidents in the transaction of the change, so the webhook
 * calls it causes are queued with it or not at all. Owned here, below incidents, as notify owns
 * DeliveryRecorded: incidents tell webhooks, webhooks never call incidents.
 *
 * @param by who did it: a username, a person's name, or "system" for the escalation engine
 * @param step the 1-based policy step notified, for {@link Event#ESCALATED}; else null
 */
public record IncidentLifecycle(
        Event event,
        long incidentId,
        String partner,
        String summary,
        String severity,
        String status,
        Instant at,
        String by,
        Integer step) {

    public enum Event {
        TRIGGERED,
        ACKNOWLEDGED,
        ESCALATED,
        RESOLVED;

        /** The name subscribers see: incident.triggered and so on. */
        public String wire() {
            return "incident." + name().toLowerCase(Locale.ROOT);
        }
    }
}
