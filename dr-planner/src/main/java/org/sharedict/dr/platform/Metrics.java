package org.sharedict.dr.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.sharedict.platform.jobs.DurableJobs;

/** Quartz misfires per job group, for the Helm chart's alert rules (docs/OPERATIONS.md, "Alerts"). */
@ApplicationScoped
public class Metrics {

    void start(@Observes StartupEvent start, MeterRegistry registry, Scheduler quartz) throws SchedulerException {
        DurableJobs.countMisfires(quartz, registry, "dr");
    }
}
