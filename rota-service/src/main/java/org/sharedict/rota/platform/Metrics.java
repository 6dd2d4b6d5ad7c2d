package org.sharedict.rota.platform;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.quarkus.runtime.StartupEvent;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.sharedict.platform.jobs.DurableJobs;

/**
 * The meters the Helm chart's alert rules read (docs/OPERATIONS.md, "Alerts"), made at start so that
 * each series exists before its first event: escalation lateness as a histogram (its p99 is an
 * alert), and Quartz misfires per job group.
 */
@ApplicationScoped
public class Metrics {

    /** How late an escalation step ran after its due time (recorded by the escalation engine). */
    public static final String ESCALATION_LATENESS = "rota.escalation.lateness";

    @Produces
    @Singleton
    MeterFilter latenessHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(ESCALATION_LATENESS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(10).toNanos())
                        .maximumExpectedValue((double) Duration.ofMinutes(10).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }

    void start(@Observes StartupEvent start, MeterRegistry registry, Scheduler quartz) throws SchedulerException {
        Timer.builder(ESCALATION_LATENESS)
                .description("How late escalation steps ran after their due time")
                .register(registry);
        DurableJobs.countMisfires(quartz, registry, "escalation", "delivery", "rota");
    }
}
