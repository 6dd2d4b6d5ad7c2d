package org.sharedict.dr.reminders;

import jakarta.enterprise.context.Dependent;

import io.quarkus.logging.Log;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

import org.sharedict.dr.copies.CopyReminders;
import org.sharedict.dr.exercises.ExerciseReminders;

/** The Quartz job behind copy and exercise reminders; one run at a time across the cluster. */
@Dependent
@DisallowConcurrentExecution
public class ReminderCheckJob implements Job {

    private final CopyReminders copies;
    private final ExerciseReminders exercises;

    public ReminderCheckJob(CopyReminders copies, ExerciseReminders exercises) {
        this.copies = copies;
        this.exercises = exercises;
    }

    @Override
    public void execute(JobExecutionContext context) {
        int c = copies.remindDue();
        int e = exercises.remindDue();
        if (c + e > 0) {
            Log.infof("Reminders: %d copy holders, %d exercise participants", c, e);
        }
    }
}
