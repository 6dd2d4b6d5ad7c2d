package org.sharedict.gateway.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

/**
 * The application's clock in tests (it replaces platform-common's system clock): the system clock,
 * or stopped and moved on only when a test says so, so that delays and expiries are tested at their
 * edges without waiting, however slow the machine. Tests that stop it start it again
 * ({@link #reset()}) when they end.
 */
@Singleton
public class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> stoppedAt = new AtomicReference<>();

    /** Time stands still (for the application) until {@link #advance} or {@link #reset}. */
    public void stop() {
        stoppedAt.set(instant());
    }

    public void advance(Duration by) {
        if (stoppedAt.get() != null) {
            stoppedAt.updateAndGet(t -> t.plus(by));
        } else {
            offset.updateAndGet(o -> o.plus(by));
        }
    }

    /** The system clock again. */
    public void reset() {
        stoppedAt.set(null);
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        Instant stopped = stoppedAt.get();
        return stopped != null ? stopped : Instant.now().plus(offset.get());
    }

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
}
