package org.sharedict.rota.actions;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;

import org.sharedict.platform.jobs.DurableJobs;
import org.sharedict.platform.partnership.Partnership;
import org.sharedict.rota.platform.RotaConfig;

/**
 * Forgets used page links once they have expired: a used link must be refused until then (its row
 * is what refuses it), and after that its signature refuses it anyway. The prune is a recurring job
 * in the clustered Quartz store, run once per tick across the instances; a tick missed while all
 * were down runs at start-up.
 */
@ApplicationScoped
public class UsedLinks {

    static final JobKey JOB = JobKey.jobKey("page-link-prune", "rota");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("page-link-prune-cron", "rota");

    private final Scheduler quartz;
    private final RotaConfig config;
    private final Clock clock;

    UsedLinks(Scheduler quartz, RotaConfig config, Clock clock) {
        this.quartz = quartz;
        this.config = config;
        this.clock = clock;
    }

    void register(@Observes StartupEvent start) throws SchedulerException {
        DurableJobs.recurring(
                quartz,
                UsedLinksPruneJob.class,
                JOB,
                TRIGGER,
                config.actions().pruneCron(),
                Partnership.zone(),
                "Deletes the records of used page links whose links expired (plus a margin)");
    }

    /** Deletes the records of used links that expired more than the margin ago; answers how many. */
    @Transactional(Transactional.TxType.REQUIRED)
    public long prune() {
        Instant before = Instant.now(clock).minus(config.actions().pruneMargin());
        return ActionUse.delete("expiresAt < ?1", before);
    }

    /** Runs the prune now, through Quartz (tests, and an operator who will not wait for the next tick). */
    public void runNow() throws SchedulerException {
        quartz.triggerJob(JOB);
    }
}
