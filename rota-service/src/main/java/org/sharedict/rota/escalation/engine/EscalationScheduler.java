package org.sharedict.rota.escalation.engine;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.sharedict.platform.jobs.DurableJobs;

/**
 * Escalation steps as Quartz jobs in the JDBC store (clustered): one job per incident, pass and
 * step, so a step can be scheduled only once. Scheduling joins the caller's transaction (jdbc-cmt):
 * the step exists exactly when the incident change that planned it committed.
 * <p>
 * Misfire policy: <b>fire now</b>. A step whose time passed while no instance was running (or all
 * were too busy, beyond {@code quarkus.quartz.misfire-threshold}) runs as soon as an instance
 * starts; waiting for a later slot, or skipping it, would leave a page unescalated. The job is
 * marked for recovery, so a step whose instance died while running it runs again elsewhere; the
 * step itself checks the incident first, so it never notifies twice.
 */
@ApplicationScoped
public class EscalationScheduler {

    static final String GROUP = "escalation";

    private final Scheduler quartz;

    EscalationScheduler(Scheduler quartz) {
        this.quartz = quartz;
    }

    static JobKey key(long incidentId, int step, int pass) {
        return JobKey.jobKey("incident-" + incidentId + "-pass-" + pass + "-step-" + step, GROUP);
    }

    public void schedule(long incidentId, int step, int pass, Instant due) {
        JobKey key = key(incidentId, step, pass);
        boolean scheduled = DurableJobs.once(
                quartz,
                EscalationJob.class,
                key,
                due,
                Map.of(
                        EscalationJob.INCIDENT,
                        Long.toString(incidentId),
                        EscalationJob.STEP,
                        Integer.toString(step),
                        EscalationJob.PASS,
                        Integer.toString(pass),
                        EscalationJob.DUE,
                        Long.toString(due.toEpochMilli())));
        if (!scheduled) {
            Log.debugf("escalation %s is already scheduled", key);
        }
    }

    public void cancel(long incidentId, int step, int pass) {
        try {
            quartz.deleteJob(key(incidentId, step, pass));
        } catch (SchedulerException e) {
            // The step checks the incident's state when it fires, so a leftover one does nothing.
            Log.warnf(e, "could not remove the pending escalation of incident %d", incidentId);
        }
    }
}
