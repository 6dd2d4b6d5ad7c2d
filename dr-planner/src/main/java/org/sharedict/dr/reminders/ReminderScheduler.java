package org.sharedict.dr.reminders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;

import org.sharedict.dr.platform.DrConfig;
import org.sharedict.platform.jobs.DurableJobs;
import org.sharedict.platform.partnership.Partnership;

/** Keeps the reminder job and its cron trigger in the Quartz JDBC store (one of each in a cluster). */
@ApplicationScoped
public class ReminderScheduler {

    static final JobKey JOB = JobKey.jobKey("reminder-check", "dr");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("reminder-check-cron", "dr");

    private final Scheduler quartz;
    private final DrConfig config;

    public ReminderScheduler(Scheduler quartz, DrConfig config) {
        this.quartz = quartz;
        this.config = config;
    }

    void register(@Observes StartupEvent start) throws SchedulerException {
        DurableJobs.recurring(
                quartz,
                ReminderCheckJob.class,
                JOB,
                TRIGGER,
                config.reminders().cron(),
                Partnership.zone(),
                "Reminds copy holders who have not acknowledged, and participants of exercises coming up");
    }

    /** Runs the check now, through Quartz (so still once in a cluster). */
    public void runNow() throws SchedulerException {
        quartz.triggerJob(JOB);
    }
}
