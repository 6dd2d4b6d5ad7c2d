package org.sharedict.dr.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The clock every dr-planner test runs on, in place of platform-common's system clock: fixed, so
 * no test depends on when it runs, and fixed at an edge: 23:30 UTC on 30 June 2026 is already
 * 1 July in London (BST), so a date taken in UTC instead of the plan's zone shows.
 */
@Singleton
public class TestClock {

    public static final Instant NOW = Instant.parse("2026-06-30T23:30:00Z");
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }

    public static Instant now() {
        return NOW;
    }

    /** Today where the plans are kept (dr.review.zone). */
    public static LocalDate today() {
        return LocalDate.ofInstant(NOW, LONDON);
    }
}
