package org.sharedict.rota.notify;

import jakarta.enterprise.context.Dependent;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job behind one delivery attempt of a notification. */
@Dependent
public class DeliveryJob implements Job {

    static final String NOTIFICATION = "notification";
    static final String ATTEMPT = "attempt";

    private final Deliveries deliveries;

    DeliveryJob(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long id = Long.parseLong(context.getMergedJobDataMap().getString(NOTIFICATION));
        int attempt = Integer.parseInt(context.getMergedJobDataMap().getString(ATTEMPT));
        deliveries.attempt(id, attempt);
    }
}
