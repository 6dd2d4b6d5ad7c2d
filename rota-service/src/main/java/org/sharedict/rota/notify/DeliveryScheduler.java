package org.sharedict.rota.notify;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import org.quartz.JobKey;
import org.quartz.Scheduler;

import org.sharedict.platform.jobs.DurableJobs;

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
        schedule(notificationId, 1, null);
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
