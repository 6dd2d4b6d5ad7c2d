package org.sharedict.rota.gaps;

import jakarta.enterprise.context.Dependent;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job behind the managers' daily cover-gap mail; one run at a time across the cluster. */
@Dependent
@DisallowConcurrentExecution
public class GapMailJob implements Job {

    private final GapMails mails;

    GapMailJob(GapMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(JobExecutionContext context) {
        mails.sendNew();
    }
}
