package org.sharedict.rota.escalation.engine;

import java.time.Instant;

/**
 * One line the engine adds to an incident's timeline; fields a kind does not use are null.
 *
 * @param at when it happened, when that is not when it is written (a step starts before its targets are notified)
 */
public record TimelineLine(
        Kind kind,
        String detail,
        Integer step,
        Integer pass,
        Instant dueAt,
        String channel,
        String recipient,
        Long notificationId,
        Instant at) {

    /** The engine's kinds of line; the incident timeline has the same names. */
    public enum Kind {
        STEP_NOTIFIED,
        NOTIFICATION_QUEUED,
        NO_RECIPIENT,
        /** A step found nobody to page and fell through to the partner's managers (or found none either). */
        FELL_THROUGH,
        ESCALATION_EXHAUSTED
    }

    static TimelineLine of(Kind kind, String detail, int step, int pass) {
        return new TimelineLine(kind, detail, step, pass, null, null, null, null, null);
    }
}
