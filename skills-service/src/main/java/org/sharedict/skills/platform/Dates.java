package org.sharedict.skills.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Calendar dates (last confirmed, unavailable until, certificate expiry) are the partnership's local dates. */
public final class Dates {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Dates() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(LONDON));
    }
}
