package org.sharedict.rota.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of cover held by one person on one layer: inside one covered window and one rotation
 * period, with why they hold it. {@code scheduledPersonId} is who the rotation alone would have
 * named; {@code note} says more (the override's reason, who is on leave).
 */
public record Shift(
        long rotaId,
        Layer layer,
        Instant start,
        Instant end,
        long personId,
        Reason reason,
        long scheduledPersonId,
        String note) {

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
