package org.sharedict.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import org.sharedict.gateway.platform.GatewayConfig;

/**
 * Sessions signed out (or ended by an admin) whose access tokens may still be unexpired. Kept in
 * memory so that checking a token costs a map look-up; sign-outs on this instance are known at
 * once, those on other instances after the next poll of the database (gateway.tokens.revocation-poll).
 */
@ApplicationScoped
public class RevokedSessions {

    private final GatewayConfig config;
    private final Clock clock;

    /** Session id to the instant after which no token of it can be valid anyway. */
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

    private volatile Instant lastPoll = Instant.EPOCH;

    RevokedSessions(GatewayConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public boolean isRevoked(String sessionId) {
        return sessionId != null && revoked.containsKey(sessionId);
    }

    /** Called in the transaction that revokes the session: this instance refuses its tokens at once. */
    public void add(String sessionId, Instant revokedAt) {
        revoked.put(sessionId, revokedAt.plus(horizon()));
    }

    void load(@Observes StartupEvent start) {
        poll();
    }

    @Scheduled(
            every = "${gateway.tokens.revocation-poll}",
            delayed = "${gateway.tokens.revocation-poll}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void poll() {
        Instant now = Instant.now(clock);
        // Overlap the last poll a little: a revocation committed while the last query ran is not missed.
        // A clock set back since the last poll reads from the earlier of the two.
        Instant since = lastPoll.equals(Instant.EPOCH)
                ? now.minus(horizon())
                : (lastPoll.isAfter(now) ? now : lastPoll).minusSeconds(5);
        try {
            List<Object[]> rows = UserSession.getEntityManager()
                    .createQuery(
                            "select s.id, s.revokedAt from UserSession s where s.revokedAt >= :since", Object[].class)
                    .setParameter("since", since)
                    .getResultList();
            for (Object[] row : rows) {
                add((String) row[0], (Instant) row[1]);
            }
            lastPoll = now;
        } catch (RuntimeException e) {
            Log.warnf("Could not read revoked sessions (will retry): %s", e.toString());
        }
        revoked.values().removeIf(until -> until.isBefore(now));
    }

    private Duration horizon() {
        // Tokens live accessLifetime; verification allows a few seconds of clock skew (two minutes to spare).
        return config.tokens().accessLifetime().plusMinutes(2);
    }
}
