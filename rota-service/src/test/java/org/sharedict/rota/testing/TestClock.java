package org.sharedict.rota.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/**
 * The application's clock in @QuarkusTest: the system clock unless a test moves it. A moved clock
 * keeps ticking from the instant it was set to, so requests that read it twice see time pass as in
 * production. It moves only into the past: Quartz fires on real time, and a step or a delivery the
 * service plans "now" must come due at once, not hours later. Tests that move it reset it afterwards.
 * <p>
 * Being a {@link Clock} bean, it replaces platform-common's default ClockProducer in tests only.
 */
@Singleton
public class TestClock extends Clock {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** From now on the clock reads {@code t}, and ticks on from there. */
    public void set(Instant t) {
        Instant real = Instant.now();
        if (t.isAfter(real)) {
            throw new IllegalArgumentException(
                    t + " is in the future; the test clock only moves into the past (see the class comment)");
        }
        offset = Duration.between(real, t);
    }

    /** The clock reads this Europe/London wall time (the first of two in the autumn), ticking on. */
    public void set(LocalDateTime london) {
        set(london.atZone(LONDON).toInstant());
    }

    /** The clock reads the latest past instant whose Europe/London wall time is {@code time}: today's, or yesterday's. */
    public void setTimeOfDay(LocalTime time) {
        LocalDateTime now = LocalDateTime.now(LONDON);
        LocalDateTime t = now.toLocalDate().atTime(time);
        if (t.atZone(LONDON).toInstant().isAfter(Instant.now())) {
            t = t.minusDays(1);
        }
        set(t);
    }

    public void reset() {
        offset = Duration.ZERO;
    }
}
