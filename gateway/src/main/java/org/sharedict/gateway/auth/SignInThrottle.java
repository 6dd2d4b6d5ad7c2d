package org.sharedict.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

import org.sharedict.gateway.auth.ThrottleEntry.Scope;
import org.sharedict.gateway.platform.GatewayConfig;
import org.sharedict.gateway.platform.Secrets;
import org.sharedict.gateway.platform.SignInAudit;
import org.sharedict.gateway.users.SignInDelays;

/**
 * Failed sign-ins slow further attempts down, with delays that double with each failure after a
 * few free ones, counted per username and address, per address, and per username from addresses it
 * has not signed in from (V2__sign_in_throttle.sql). Nothing here can keep an account's owner out
 * from their own address, and nothing depends on whether the username exists.
 *
 * <p>An attempt is counted as a failure before its password is checked, in its own transaction, so
 * that parallel guesses see each other; a successful one is then taken back ({@link #succeeded}).
 */
@ApplicationScoped
public class SignInThrottle implements SignInDelays {

    private final GatewayConfig config;
    private final Clock clock;

    SignInThrottle(GatewayConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Why an attempt is refused, and when the next may be made. */
    public record Refusal(Scope scope, Instant until) {}

    /** One key as {@link #admit} left it and as it was before, so that a success can be taken back. */
    public record Counted(
            String key,
            Scope scope,
            int failures,
            Instant at,
            Instant blockedUntil,
            int failuresBefore,
            Instant atBefore,
            Instant blockedBefore,
            boolean startsDelays) {}

    /** Refused, or admitted with the attempt counted as a failure until it proves otherwise. */
    public record Ticket(Refusal refusal, List<Counted> counted) {
        public boolean refused() {
            return refusal != null;
        }
    }

    /**
     * Refuses the attempt while any of its keys is in a delay; else counts it as a failure (committed
     * at once, so a parallel attempt sees it). {@code familiar}: the account signed in from this
     * address recently, so only this pair's failures count.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Ticket admit(String username, String address, boolean familiar) {
        Instant now = now();
        String from = SignInAudit.truncate(address, 64);
        // Always in this order, so two attempts sharing keys never wait for each other in a circle.
        List<ThrottleEntry> entries = new ArrayList<>();
        entries.add(lock(Scope.PAIR, username, from));
        if (!familiar) {
            entries.add(lock(Scope.ADDRESS, "", from));
            entries.add(lock(Scope.ACCOUNT, username, ""));
        }
        Refusal refusal = null;
        for (ThrottleEntry e : entries) {
            if (forgotten(e, now)) {
                e.failures = 0;
                e.lastFailureAt = null;
                e.blockedUntil = null;
            }
            if (e.blocks(now) && (refusal == null || e.blockedUntil.isAfter(refusal.until()))) {
                refusal = new Refusal(e.scope, e.blockedUntil);
            }
        }
        if (refusal != null) {
            return new Ticket(refusal, List.of());
        }
        List<Counted> counted = new ArrayList<>();
        for (ThrottleEntry e : entries) {
            int before = e.failures;
            Instant atBefore = e.lastFailureAt;
            Instant blockedBefore = e.blockedUntil;
            e.failures++;
            e.lastFailureAt = now;
            Duration delay = delayAfter(e.scope, e.failures);
            e.blockedUntil = delay.isZero() ? null : now.plus(delay);
            counted.add(new Counted(
                    e.throttleKey,
                    e.scope,
                    e.failures,
                    now,
                    e.blockedUntil,
                    before,
                    atBefore,
                    blockedBefore,
                    e.failures == free(e.scope) + 1));
        }
        return new Ticket(null, counted);
    }

    /**
     * The attempt was right: its pair's failures are forgotten (NIST SP 800-63B: a success disregards
     * earlier failures from the same address) and its counts of the address and the account taken back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(Ticket ticket) {
        EntityManager em = ThrottleEntry.getEntityManager();
        for (Counted c : ticket.counted()) {
            ThrottleEntry e = em.find(ThrottleEntry.class, c.key(), LockModeType.PESSIMISTIC_WRITE);
            if (e == null) {
                continue;
            }
            if (c.scope() == Scope.PAIR) {
                e.delete();
            } else if (e.failures == c.failures() && c.at().equals(e.lastFailureAt)) {
                e.failures = c.failuresBefore();
                e.lastFailureAt = c.atBefore();
                e.blockedUntil = c.blockedBefore();
            } else {
                // Others failed since: their delays stand, only this attempt's count goes.
                e.failures = Math.max(0, e.failures - 1);
            }
        }
    }

    /** An admin lets the account's owner try again at once, from anywhere. True when sign-ins were being delayed. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean clear(String username) {
        Instant now = now();
        List<ThrottleEntry> entries =
                ThrottleEntry.list("username = ?1 and scope in ?2", username, List.of(Scope.PAIR, Scope.ACCOUNT));
        boolean delayed = entries.stream().anyMatch(e -> e.blocks(now));
        entries.forEach(ThrottleEntry::delete);
        return delayed;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public State state(String username) {
        return state(
                ThrottleEntry.list("username = ?1 and scope in ?2", username, List.of(Scope.PAIR, Scope.ACCOUNT)),
                now());
    }

    /** The state of those of these users who have recent failures, for a page of users. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, State> states(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        Instant now = now();
        List<ThrottleEntry> entries = ThrottleEntry.list(
                "scope in ?1 and username in ?2 and (blockedUntil > ?3 or lastFailureAt > ?4)",
                List.of(Scope.PAIR, Scope.ACCOUNT),
                usernames,
                now,
                now.minus(config.signInThrottle().forgetAfter()));
        Map<String, List<ThrottleEntry>> byUser = new HashMap<>();
        entries.forEach(
                e -> byUser.computeIfAbsent(e.username, u -> new ArrayList<>()).add(e));
        Map<String, State> states = new HashMap<>();
        byUser.forEach((u, es) -> states.put(u, state(es, now)));
        return states;
    }

    /** Forgets keys whose failures are old and whose delays are over, so the table follows recent attempts only. */
    @Scheduled(every = "10m", delayed = "1m")
    @Transactional
    void purge() {
        Instant now = now();
        ThrottleEntry.delete(
                "(lastFailureAt is null or lastFailureAt < ?1) and (blockedUntil is null or blockedUntil < ?2)",
                now.minus(config.signInThrottle().forgetAfter()),
                now);
    }

    /** After {@code failures} failures, how long until the next attempt: nothing for the free ones, then 1 s, 2 s, 4 s … up to the maximum. */
    static Duration delay(int failures, int free, Duration first, Duration max) {
        int over = failures - free;
        if (over <= 0) {
            return Duration.ZERO;
        }
        if (over > 40) {
            return max;
        }
        Duration d = first.multipliedBy(1L << (over - 1));
        return d.compareTo(max) > 0 ? max : d;
    }

    Duration delayAfter(Scope scope, int failures) {
        GatewayConfig.SignInThrottle t = config.signInThrottle();
        return delay(failures, free(scope), t.firstDelay(), t.maxDelay());
    }

    int free(Scope scope) {
        GatewayConfig.SignInThrottle t = config.signInThrottle();
        return switch (scope) {
            case PAIR -> t.freeFailuresPerAccountAndAddress();
            case ADDRESS -> t.freeFailuresPerAddress();
            case ACCOUNT -> t.freeFailuresPerAccount();
        };
    }

    private State state(List<ThrottleEntry> entries, Instant now) {
        int failures = 0;
        Instant until = null;
        for (ThrottleEntry e : entries) {
            if (forgotten(e, now)) {
                continue;
            }
            if (e.scope == Scope.PAIR) {
                // Every failure is counted in exactly one pair.
                failures += e.failures;
            }
            if (e.blocks(now) && (until == null || e.blockedUntil.isAfter(until))) {
                until = e.blockedUntil;
            }
        }
        return failures == 0 && until == null ? State.NONE : new State(failures, until);
    }

    private boolean forgotten(ThrottleEntry e, Instant now) {
        return e.lastFailureAt != null
                && e.lastFailureAt.plus(config.signInThrottle().forgetAfter()).isBefore(now)
                && !e.blocks(now);
    }

    /** The key's row, created when missing, locked for this transaction either way. */
    private static ThrottleEntry lock(Scope scope, String username, String address) {
        String key = Secrets.sha256(scope + "\n" + username + "\n" + address);
        EntityManager em = ThrottleEntry.getEntityManager();
        // ON DUPLICATE KEY UPDATE locks an existing row exclusively at once; INSERT IGNORE would take a
        // shared lock, and two attempts each holding one and wanting to write would deadlock.
        em.createNativeQuery("INSERT INTO sign_in_throttle (throttle_key, scope, username, client_address, failures) "
                        + "VALUES (?1, ?2, ?3, ?4, 0) ON DUPLICATE KEY UPDATE failures = failures")
                .setParameter(1, key)
                .setParameter(2, scope.name())
                .setParameter(3, username)
                .setParameter(4, address)
                .executeUpdate();
        return em.find(ThrottleEntry.class, key, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Microseconds, as the database keeps them, so a time written can be compared with the one read back. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
