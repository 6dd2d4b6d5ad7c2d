package org.sharedict.rota.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;

import org.sharedict.platform.jobs.DurableJobs;
import org.sharedict.platform.partnership.Partnership;
import org.sharedict.rota.platform.RotaConfig;

/**
 * Keeps the silent-heartbeat check in the clustered Quartz store, like the shift reminders: every
 * instance registers the same job and trigger, so the cluster runs the check once per tick.
 */
@ApplicationScoped
public class HeartbeatScheduler {

    static final JobKey JOB = JobKey.jobKey("heartbeat-check", "rota");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("heartbeat-check-cron", "rota");

    private final Scheduler quartz;
    private final RotaConfig config;

    HeartbeatScheduler(Scheduler quartz, RotaConfig config) {
        this.quartz = quartz;
        this.config = config;
    }

    void register(@Observes StartupEvent start) throws SchedulerException {
        DurableJobs.recurring(
                quartz,
                HeartbeatJob.class,
                JOB,
                TRIGGER,
                config.heartbeats().checkCron(),
                Partnership.zone(),
                "Raises incidents for heartbeat monitors silent past their interval and grace");
    }

    /** Runs the check now, through Quartz (tests, and an operator who will not wait for the next tick). */
    public void runNow() throws SchedulerException {
        quartz.triggerJob(JOB);
    }
}
