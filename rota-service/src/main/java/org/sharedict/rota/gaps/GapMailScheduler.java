package org.sharedict.rota.gaps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;

import org.sharedict.platform.jobs.DurableJobs;
import org.sharedict.platform.partnership.Partnership;
import org.sharedict.rota.platform.RotaConfig;

/**
 * Keeps the daily cover-gap mail in the clustered Quartz store (platform-common's durable recurring
 * job): every instance registers the same job and trigger, so the cluster holds one; a run missed
 * while every instance was down happens once at start-up, and the mail itself tells each gap once.
 */
@ApplicationScoped
public class GapMailScheduler {

    static final JobKey JOB = JobKey.jobKey("cover-gap-mail", "rota");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("cover-gap-mail-cron", "rota");

    private final Scheduler quartz;
    private final RotaConfig config;

    GapMailScheduler(Scheduler quartz, RotaConfig config) {
        this.quartz = quartz;
        this.config = config;
    }

    void register(@Observes StartupEvent start) throws SchedulerException {
        DurableJobs.recurring(
                quartz,
                GapMailJob.class,
                JOB,
                TRIGGER,
                config.gaps().mailCron(),
                Partnership.zone(),
                "Mails partners' managers the cover gaps they have not been told of");
    }
}
