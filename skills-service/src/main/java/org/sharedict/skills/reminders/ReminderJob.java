package org.sharedict.skills.reminders;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs the reminders once a day (07:00 London by default). No Quartz here: a run that an outage
 * missed is made up by the next one (a reminder due then is still due), and the unique key on
 * {@code reminder_sent} keeps several instances from sending one twice, which is all a durable job
 * would add for a daily sweep.
 */
@ApplicationScoped
class ReminderJob {

    private final Reminders reminders;

    ReminderJob(Reminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(
            cron = "${skills.reminders.cron:0 0 7 * * ?}",
            timeZone = "${sharedict.partnership.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        int sent = reminders.sendDue();
        Log.infof("Reminders: %d sent", sent);
    }
}
