package org.sharedict.dr.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ClockProvider;

/**
 * The clock of {@code @PastOrPresent} and its kind: the service's injectable clock, in the zone
 * plans are kept in, so "today" in a validated date is the same today as everywhere else here
 * (Hibernate Validator would otherwise read the system clock in the JVM's zone).
 */
@ApplicationScoped
public class ValidationClock implements ClockProvider {

    // Looked up on each reading: the validator takes its clock while starting, before configuration is ready.
    @Inject
    Instance<Clock> clock;

    @Inject
    Instance<DrConfig> config;

    @Override
    public Clock getClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of(config.get().review().zone());
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return clock.get().withZone(zone);
            }

            @Override
            public Instant instant() {
                return clock.get().instant();
            }
        };
    }
}
