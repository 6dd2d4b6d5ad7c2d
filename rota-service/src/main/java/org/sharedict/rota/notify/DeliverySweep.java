package org.sharedict.rota.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;

import org.sharedict.platform.jobs.DurableJobs;
import org.sharedict.platform.partnership.Partnership;
import org.sharedict.rota.platform.RotaConfig;

/**
 * The outbox's safety net: every few seconds one instance of the cluster looks for messages whose
 * next attempt is overdue by more than the grace the fast path and Quartz are given, and that no
 * sender holds (an instance died between commit and send, its pool was full, a claim lapsed), and
 * hands them to its own senders. The claim in {@link Deliveries#attempt} makes a message found
 * twice go once.
 */
@ApplicationScoped
public class DeliverySweep {

    static final JobKey JOB = JobKey.jobKey("delivery-sweep", "rota");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("delivery-sweep-cron", "rota");
    private static final int BATCH = 500;

    private final Scheduler quartz;
    private final RotaConfig config;
    private final Clock clock;
    private final DeliveryWorkers workers;

    DeliverySweep(Scheduler quartz, RotaConfig config, Clock clock, DeliveryWorkers workers) {
        this.quartz = quartz;
        this.config = config;
        this.clock = clock;
        this.workers = workers;
    }

    void register(@Observes StartupEvent start) throws SchedulerException {
        DurableJobs.recurring(
                quartz,
                SweepJob.class,
                JOB,
                TRIGGER,
                config.delivery().sweepCron(),
                Partnership.zone(),
                "Sends outbox messages nobody has sent in time");
    }

    /** Hands every overdue, unclaimed message to the senders; answers how many. */
    public int sweep() {
        Instant before = Instant.now(clock).minus(config.delivery().sweepGrace());
        List<Object[]> overdue = QuarkusTransaction.requiringNew()
                .call(() -> Notification.getEntityManager()
                        .createQuery(
                                "select n.id, n.attempts from Notification n where n.status = ?1"
                                        + " and coalesce(n.nextAttemptAt, n.dueAt, n.createdAt) <= ?2 order by n.id",
                                Object[].class)
                        .setParameter(1, Notification.Status.PENDING)
                        .setParameter(2, before)
                        .setMaxResults(BATCH)
                        .getResultList());
        for (Object[] row : overdue) {
            workers.submit((Long) row[0], ((Number) row[1]).intValue() + 1);
        }
        return overdue.size();
    }

    /** The Quartz job behind the sweep. */
    @Dependent
    public static class SweepJob implements Job {

        private final DeliverySweep sweep;

        SweepJob(DeliverySweep sweep) {
            this.sweep = sweep;
        }

        @Override
        public void execute(JobExecutionContext context) {
            sweep.sweep();
        }
    }
}
