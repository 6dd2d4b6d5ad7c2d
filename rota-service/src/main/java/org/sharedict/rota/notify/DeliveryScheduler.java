package org.sharedict.rota.notify;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import org.quartz.JobKey;
import org.quartz.Scheduler;

import org.sharedict.platform.jobs.DurableJobs;

/**
 * When a delivery attempt is made. An attempt due now goes to the senders as soon as the queuing
 * transaction commits ({@link DeliveryWorkers}); a later one (a rule's delay, a retry, the wait for
 * working hours) is a Quartz job keyed by notification and attempt, so that it is scheduled at most
 * once, survives restarts (JDBC store) and is recovered by another instance if the one running it
 * dies (requestRecovery); a missed attempt fires at once. Either way {@link DeliverySweep} catches
 * what is overdue, and the attempt's claim keeps it from going twice.
 */
@ApplicationScoped
public class DeliveryScheduler {

    static final String GROUP = "delivery";

    private final Scheduler quartz;
    private final DeliveryWorkers workers;

    DeliveryScheduler(Scheduler quartz, DeliveryWorkers workers) {
        this.quartz = quartz;
        this.workers = workers;
    }

    /** The first attempt: once the transaction commits, whatever the application's clock says (a clock set back in a test must not delay it). */
    public void deliverNow(long notificationId) {
        workers.afterCommit(notificationId);
    }

    public void deliver(long notificationId, int attempt, Instant at) {
        schedule(notificationId, attempt, at);
    }

    private void schedule(long notificationId, int attempt, Instant at) {
        JobKey key = JobKey.jobKey("notification-" + notificationId + "-" + attempt, GROUP);
        boolean scheduled = DurableJobs.once(
                quartz,
                DeliveryJob.class,
                key,
                at,
                Map.of(
                        DeliveryJob.NOTIFICATION,
                        Long.toString(notificationId),
                        DeliveryJob.ATTEMPT,
                        Integer.toString(attempt)));
        if (!scheduled) {
            Log.debugf("delivery %s is already scheduled", key);
        }
    }
}
