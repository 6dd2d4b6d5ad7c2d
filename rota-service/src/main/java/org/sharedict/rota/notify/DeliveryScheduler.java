package org.sharedict.rota.notify;

import java.time.Instant;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import io.quarkus.logging.Log;

/**
 * One Quartz job per delivery attempt, keyed by notification and attempt, so that an attempt is
 * scheduled at most once; it survives restarts (JDBC store) and is recovered by another instance
 * if the one running it dies (requestRecovery). A missed attempt fires at once.
 */
@ApplicationScoped
public class DeliveryScheduler {

    static final String GROUP = "delivery";

    @Inject
    Scheduler quartz;

    /** The first attempt: as soon as Quartz can, whatever the application's clock says (a clock set back in a test must not delay it). */
    public void deliverNow(long notificationId) {
        schedule(notificationId, 1, TriggerBuilder.newTrigger().startNow());
    }

    public void deliver(long notificationId, int attempt, Instant at) {
        schedule(notificationId, attempt, TriggerBuilder.newTrigger().startAt(Date.from(at)));
    }

    private void schedule(long notificationId, int attempt, TriggerBuilder<Trigger> when) {
        JobKey key = JobKey.jobKey("notification-" + notificationId + "-" + attempt, GROUP);
        JobDetail job = JobBuilder.newJob(DeliveryJob.class).withIdentity(key).requestRecovery()
                .usingJobData(DeliveryJob.NOTIFICATION, Long.toString(notificationId))
                .usingJobData(DeliveryJob.ATTEMPT, Integer.toString(attempt)).build();
        Trigger trigger = when.withIdentity(key.getName(), GROUP)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build();
        try {
            quartz.scheduleJob(job, trigger);
        } catch (ObjectAlreadyExistsException e) {
            Log.debugf("delivery %s is already scheduled", key);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule delivery of notification " + notificationId, e);
        }
    }
}
