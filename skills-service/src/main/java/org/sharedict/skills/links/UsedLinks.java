package org.sharedict.skills.links;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

import org.sharedict.skills.platform.SkillsConfig;

/**
 * Forgets used links once they have expired: until then a used link's row is what refuses it, after
 * that its signature does. No Quartz here (skills-service keeps none, like its reminders): the prune is
 * one idempotent DELETE, so several instances running it at once delete nothing twice and lose nothing,
 * and a run an outage missed is made up by the next.
 */
@ApplicationScoped
public class UsedLinks {

    private final Clock clock;
    private final SkillsConfig config;

    UsedLinks(Clock clock, SkillsConfig config) {
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(
            cron = "${skills.links.prune-cron}",
            timeZone = "Europe/London",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Log.debugf("Used links: %d expired records pruned", prune());
    }

    /** Deletes the records of links that expired more than the margin ago; answers how many. */
    @Transactional(Transactional.TxType.REQUIRED)
    public long prune() {
        return LinkUse.delete(
                "expiresAt < ?1", Instant.now(clock).minus(config.links().pruneMargin()));
    }
}
