package org.sharedict.skills.platform;

import java.time.Clock;
import java.time.LocalDate;

import org.sharedict.platform.partnership.Partnership;

/** Calendar dates (last confirmed, unavailable until, certificate expiry) are the partnership's local dates (its zone: {@link Partnership#zone()}). */
public final class Dates {

    private Dates() {}

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(Partnership.zone()));
    }
}
