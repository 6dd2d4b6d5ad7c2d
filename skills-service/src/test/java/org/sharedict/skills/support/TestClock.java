package org.sharedict.skills.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

import org.sharedict.platform.partnership.Partnership;

/**
 * The service's clock in tests, replacing platform-common's system clock. It runs, but from
 * 23:05 UTC on 15 June 2026, five minutes past midnight in London on the 16th: a rule or a
 * test that takes "today" from the JVM's UTC clock instead of the partnership's calendar gets
 * the wrong day on every run, not only late on summer evenings. A test may move it with
 * {@link #set} and must {@link #reset} it after.
 */
@Singleton
public class TestClock extends Clock {

    public static final Instant START = Instant.parse("2026-06-15T23:05:00Z");
    private static final Clock SYSTEM = Clock.systemUTC();
    private static final Duration INITIAL = Duration.between(SYSTEM.instant(), START);
    private static volatile Duration offset = INITIAL;

    public static Instant now() {
        return SYSTEM.instant().plus(offset);
    }

    /** Today in London, as the service sees it. */
    public static LocalDate today() {
        return LocalDate.ofInstant(now(), Partnership.zone());
    }

    /** From now on the clock reads {@code instant}, and runs on from there. */
    public static void set(Instant instant) {
        offset = Duration.between(SYSTEM.instant(), instant);
    }

    public static void reset() {
        offset = INITIAL;
    }

    @Override
    public Instant instant() {
        return now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Clock() {
            @Override
            public Instant instant() {
                return now();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return TestClock.this.withZone(other);
            }
        };
    }
}
