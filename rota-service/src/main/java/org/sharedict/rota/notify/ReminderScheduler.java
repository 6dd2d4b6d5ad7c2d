package org.sharedict.rota.notify;

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
import org.sharedict.rota.platform.RotaConfig;

import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the shift-reminder check in the Quartz store: every instance registers the same job and
 * cron trigger (replacing what is there), so the cluster holds one of each. A missed check runs
 * once at start-up (fire and proceed); the check itself sends each reminder once.
 */
@ApplicationScoped
public class ReminderScheduler {

    static final JobKey JOB = JobKey.jobKey("shift-reminders", "rota");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("shift-reminders-cron", "rota");

    @Inject
    Scheduler quartz;

    @Inject
    RotaConfig config;

    void register(@Observes StartupEvent start) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(ReminderJob.class).withIdentity(JOB).storeDurably()
                .withDescription("Reminds people of shifts about to start").build();
        quartz.addJob(job, true);
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB)
                .withSchedule(CronScheduleBuilder.cronSchedule(config.reminders().cron()).inTimeZone(TimeZone.getTimeZone("Europe/London"))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        if (quartz.checkExists(TRIGGER)) {
            quartz.rescheduleJob(TRIGGER, trigger);
        } else {
            quartz.scheduleJob(trigger);
        }
    }

    public void runNow() throws SchedulerException {
        quartz.triggerJob(JOB);
    }
}
