package org.sharedict.rota.webhooks;

/**
 * One attempt to call a subscriber about an incident, fired in the transaction that records it, so
 * the incident's timeline (incidents observe this) and the delivery row agree.
 *
 * @param httpStatus the subscriber's answer, null when none came (refused, timed out)
 */
public record WebhookAttempted(
        long deliveryId,
        long incidentId,
        String event,
        String url,
        int attempt,
        Integer httpStatus,
        Outcome outcome,
        String detail) {

    public enum Outcome {
        SENT,
        FAILED,
        GAVE_UP
    }
}
