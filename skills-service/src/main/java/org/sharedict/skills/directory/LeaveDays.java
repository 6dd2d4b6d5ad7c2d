package org.sharedict.skills.directory;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Just after midnight in London, people whose leave starts today show as away ("away until").
 * Running it twice, or on several instances, changes nothing more; a run an outage missed is made up
 * by looking back a day.
 */
@ApplicationScoped
class LeaveDays {

    private final LeaveBook leave;

    LeaveDays(LeaveBook leave) {
        this.leave = leave;
    }

    @Scheduled(
            cron = "${skills.leave.cron:0 1 0 * * ?}",
            timeZone = "Europe/London",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        Log.infof("Leave: %d people's 'away until' checked", leave.extendDue());
    }
}
