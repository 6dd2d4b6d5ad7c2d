package org.sharedict.platform.audit;

import java.time.Clock;

import jakarta.inject.Singleton;
import jakarta.validation.ClockProvider;

import org.sharedict.platform.partnership.Partnership;

/**
 * The clock {@code @Past}, {@code @PastOrPresent} and {@code @Future} check against: the
 * service's own {@link Clock} bean, in the partnership's time zone. Bean Validation's default is
 * the system clock in the JVM's zone, so in a UTC container "today" in London was refused as a
 * future date for the first hour of every British Summer Time day, and no test could move it.
 */
@Singleton
public class ValidationClock implements ClockProvider {

    private final Clock clock;

    ValidationClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Clock getClock() {
        return clock.withZone(Partnership.zone());
    }
}
