package org.sharedict.rota.webhooks;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.Dependent;

import io.quarkus.logging.Log;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;

import org.sharedict.platform.jobs.DurableJobs;

/** The Quartz job behind one attempt of a webhook call; one job per delivery and attempt, so each is scheduled once. */
@Dependent
public class WebhookJob implements Job {

    static final String GROUP = "webhook";
    static final String DELIVERY = "delivery";
    static final String ATTEMPT = "attempt";

    private final WebhookSender sender;

    WebhookJob(WebhookSender sender) {
        this.sender = sender;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long id = Long.parseLong(context.getMergedJobDataMap().getString(DELIVERY));
        int attempt = Integer.parseInt(context.getMergedJobDataMap().getString(ATTEMPT));
        sender.attempt(id, attempt);
    }

    /** Plans an attempt, in the caller's transaction (the JDBC job store joins it); {@code at} null: at once. */
    static void schedule(Scheduler quartz, long deliveryId, int attempt, Instant at) {
        JobKey key = JobKey.jobKey("webhook-" + deliveryId + "-" + attempt, GROUP);
        if (!DurableJobs.once(
                quartz,
                WebhookJob.class,
                key,
                at,
                Map.of(DELIVERY, Long.toString(deliveryId), ATTEMPT, Integer.toString(attempt)))) {
            Log.debugf("webhook attempt %s is already scheduled", key);
        }
    }
}
