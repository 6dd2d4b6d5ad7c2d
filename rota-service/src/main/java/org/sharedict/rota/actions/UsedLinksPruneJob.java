package org.sharedict.rota.actions;

import jakarta.enterprise.context.Dependent;

import io.quarkus.logging.Log;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job that prunes expired used-link records; one run at a time across the cluster. */
@Dependent
@DisallowConcurrentExecution
public class UsedLinksPruneJob implements Job {

    private final UsedLinks links;

    UsedLinksPruneJob(UsedLinks links) {
        this.links = links;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long pruned = links.prune();
        Log.debugf("Used page links: %d expired records pruned", pruned);
    }
}
