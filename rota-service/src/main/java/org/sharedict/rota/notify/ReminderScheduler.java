package org.sharedict.rota.notify;

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
 * Keeps the shift-reminder check in the Quartz store: every instance registers the same job and
 * cron trigger (replacing what is there), so the cluster holds one of each. A missed check runs
 * once at start-up (fire and proceed); the check itself sends each reminder once.
 */
@ApplicationScoped
public class ReminderScheduler {

    static final JobKey JOB = JobKey.jobKey("shift-reminders", "rota");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("shift-reminders-cron", "rota");

    private final Scheduler quartz;
    private final RotaConfig config;

    ReminderScheduler(Scheduler quartz, RotaConfig config) {
        this.quartz = quartz;
        this.config = config;
    }

    void register(@Observes StartupEvent start) throws SchedulerException {
        DurableJobs.recurring(
                quartz,
                ReminderJob.class,
                JOB,
                TRIGGER,
                config.reminders().cron(),
                Partnership.zone(),
                "Reminds people of shifts about to start");
    }

    public void runNow() throws SchedulerException {
        quartz.triggerJob(JOB);
    }
}
