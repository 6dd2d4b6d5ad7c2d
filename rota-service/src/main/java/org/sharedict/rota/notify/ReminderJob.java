package org.sharedict.rota.notify;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job behind the shift-reminder check; one run at a time across the cluster. */
@Dependent
@DisallowConcurrentExecution
public class ReminderJob implements Job {

    @Inject
    Reminders reminders;

    @Override
    public void execute(JobExecutionContext context) {
        reminders.sendDue();
    }
}
