package org.sharedict.dr.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The clock every dr-planner test runs on, in place of platform-common's system clock. Time passes
 * as it does (concurrent edits need it to), but from a fixed start, so no test depends on when it
 * runs; and the start is an edge: 23:30 UTC on 30 June 2026 is already 1 July in London (BST), so
 * a date taken in UTC instead of the plans' zone shows.
 */
@Singleton
public class TestClock {

    public static final Instant START = Instant.parse("2026-06-30T23:30:00Z");
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final Clock CLOCK = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }

    public static Instant now() {
        return CLOCK.instant();
    }

    /** Today where the plans are kept (the partnership zone); 1 July 2026 for the first 23 hours of a run. */
    public static LocalDate today() {
        return LocalDate.ofInstant(CLOCK.instant(), LONDON);
    }
}
