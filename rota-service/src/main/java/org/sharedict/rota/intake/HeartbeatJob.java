package org.sharedict.rota.intake;

import jakarta.enterprise.context.Dependent;

import io.quarkus.logging.Log;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job that finds silent heartbeat monitors; one run at a time across the cluster. */
@Dependent
@DisallowConcurrentExecution
public class HeartbeatJob implements Job {

    private final Heartbeats heartbeats;

    HeartbeatJob(Heartbeats heartbeats) {
        this.heartbeats = heartbeats;
    }

    @Override
    public void execute(JobExecutionContext context) {
        for (long id : heartbeats.silent()) {
            try {
                heartbeats.markSilent(id);
            } catch (RuntimeException e) {
                // One monitor's failure (say, no policy applies to its partner) must not keep the others quiet.
                Log.errorf(e, "Heartbeat monitor %d could not be marked silent; the next check tries again", id);
            }
        }
    }
}
