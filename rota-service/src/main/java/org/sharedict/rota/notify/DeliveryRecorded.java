package org.sharedict.rota.notify;

/**
 * The outcome of one delivery attempt, fired in the transaction that records it, so that whoever
 * the notification was for (an incident's timeline) records it too, or neither is kept.
 *
 * @param incidentId the incident the notification pages for, null for shift notices and reminders
 * @param step the 1-based escalation step that queued it, if any
 * @param address the e-mail address or webhook URL
 */
public record DeliveryRecorded(
        long notificationId,
        Long incidentId,
        Integer step,
        Notification.Channel channel,
        String address,
        Outcome outcome,
        int attempt,
        String detail) {

    public enum Outcome {
        SENT,
        FAILED,
        GAVE_UP,
        /** Not sent: the incident was acknowledged or resolved first. */
        CANCELLED,
        /** The provider's receipt: it reached the phone. */
        DELIVERED,
        /** The provider's receipt: it did not reach the phone (and will not). */
        UNDELIVERED
    }
}
