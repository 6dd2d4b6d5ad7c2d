package org.sharedict.dr.review;

import java.util.TimeZone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.sharedict.dr.platform.DrConfig;

import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the review-check job and its cron trigger in the Quartz JDBC store. Every instance
 * registers the same keys, replacing what is there, so a cluster holds one job and one trigger and
 * a changed cron takes effect on the next start.
 */
@ApplicationScoped
public class ReviewScheduler {

    static final JobKey JOB = JobKey.jobKey("plan-review-check", "dr");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("plan-review-check-daily", "dr");

    @Inject
    Scheduler quartz;

    @Inject
    DrConfig config;

    void register(@Observes StartupEvent start) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(ReviewCheckJob.class).withIdentity(JOB).storeDurably().requestRecovery()
                .withDescription("Marks plans overdue for review and reminds their owners").build();
        quartz.addJob(job, true);
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB)
                .withSchedule(CronScheduleBuilder.cronSchedule(config.review().cron())
                        .inTimeZone(TimeZone.getTimeZone(config.review().zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        if (quartz.checkExists(TRIGGER)) {
            quartz.rescheduleJob(TRIGGER, trigger);
        } else {
            quartz.scheduleJob(trigger);
        }
    }

    /** Runs the check now, through Quartz (so still once in a cluster). */
    public void runNow() throws SchedulerException {
        quartz.triggerJob(JOB);
    }
}
