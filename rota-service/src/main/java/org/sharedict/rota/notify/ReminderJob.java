package org.sharedict.rota.notify;

import jakarta.enterprise.context.Dependent;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job behind the shift-reminder check; one run at a time across the cluster. */
@Dependent
@DisallowConcurrentExecution
public class ReminderJob implements Job {

    private final Reminders reminders;

    ReminderJob(Reminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(JobExecutionContext context) {
        reminders.sendDue();
    }
}
