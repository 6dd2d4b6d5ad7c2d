package org.sharedict.dr.review;

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

/**
 * Keeps the review-check job and its cron trigger in the Quartz JDBC store. Every instance
 * registers the same keys, replacing what is there, so a cluster holds one job and one trigger and
 * a changed cron takes effect on the next start.
 */
@ApplicationScoped
public class ReviewScheduler {

    static final JobKey JOB = JobKey.jobKey("plan-review-check", "dr");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("plan-review-check-daily", "dr");

    private final Scheduler quartz;
    private final DrConfig config;

    ReviewScheduler(Scheduler quartz, DrConfig config) {
        this.quartz = quartz;
        this.config = config;
    }

    void register(@Observes StartupEvent start) throws SchedulerException {
        DurableJobs.recurring(
                quartz,
                ReviewCheckJob.class,
                JOB,
                TRIGGER,
                config.review().cron(),
                Partnership.zone(),
                "Marks plans overdue for review and reminds their owners");
    }

    /** Runs the check now, through Quartz (so still once in a cluster). */
    public void runNow() throws SchedulerException {
        quartz.triggerJob(JOB);
    }
}
