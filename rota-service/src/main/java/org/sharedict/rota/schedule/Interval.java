package org.sharedict.rota.schedule;

import java.time.Duration;
import java.time.Instant;

/** A half-open span of real time, [start, end). */
public record Interval(Instant start, Instant end) {

    public Interval {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an interval must end after it starts: " + start + " .. " + end);
        }
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }

    public boolean covers(Instant from, Instant to) {
        return !start.isAfter(from) && !end.isBefore(to);
    }

    /** The part of this interval inside [from, to), or null when they do not meet. */
    public Interval clip(Instant from, Instant to) {
        Instant s = start.isBefore(from) ? from : start;
        Instant e = end.isAfter(to) ? to : end;
        return e.isAfter(s) ? new Interval(s, e) : null;
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
