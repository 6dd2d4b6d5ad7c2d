package org.sharedict.gateway.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

import org.sharedict.gateway.platform.GatewayConfig;

/**
 * Rate limits as token buckets kept in this instance's memory, one per client (user, API key or
 * address) and kind of limit. Failed sign-ins are slowed separately, per account and address
 * ({@code SignInThrottle}): a bucket per username would let anyone keep its owner out. With several gateway replicas behind a load balancer
 * each keeps its own buckets, so a client spread over N replicas gets up to N times the limit.
 */
@ApplicationScoped
public class RateLimiter {

    public enum Kind {
        LOGIN_PER_ADDRESS,
        API_PER_USER,
        API_PER_KEY,
        API_PER_ADDRESS,
        INTAKE_PER_KEY
    }

    private final GatewayConfig config;
    private final Clock clock;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(GatewayConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** 0 when the request may go ahead, else the whole seconds to wait (for Retry-After). */
    public long check(Kind kind, String client) {
        if (!config.rateLimit().enabled()) {
            return 0;
        }
        GatewayConfig.Limit limit = limit(kind);
        long now = nanos();
        TokenBucket bucket = buckets.computeIfAbsent(
                kind.ordinal() + "|" + client,
                k -> new TokenBucket(limit.requests(), limit.per().toNanos(), now));
        long waitNanos = bucket.take(now);
        return waitNanos == 0 ? 0 : Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1);
    }

    /** Like {@link #check} but takes nothing: 0 when a request could go ahead now, else the seconds to wait. */
    public long peek(Kind kind, String client) {
        if (!config.rateLimit().enabled()) {
            return 0;
        }
        TokenBucket bucket = buckets.get(kind.ordinal() + "|" + client);
        long waitNanos = bucket == null ? 0 : bucket.waitFor(nanos());
        return waitNanos == 0 ? 0 : Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1);
    }

    GatewayConfig.Limit limit(Kind kind) {
        GatewayConfig.RateLimits l = config.rateLimit();
        return switch (kind) {
            case LOGIN_PER_ADDRESS -> l.loginPerAddress();
            case API_PER_USER -> l.apiPerUser();
            case API_PER_KEY -> l.apiPerKey();
            case API_PER_ADDRESS -> l.apiPerAddress();
            case INTAKE_PER_KEY -> l.intakePerKey();
        };
    }

    /** Forgets buckets that have refilled, so memory follows the number of active clients. */
    @Scheduled(every = "60s", delayed = "60s")
    void forgetIdle() {
        long now = nanos();
        buckets.entrySet().removeIf(e -> e.getValue().isFull(now));
    }

    /** The clock's time in nanoseconds; a clock set back only delays refilling, by as much. */
    private long nanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    int size() {
        return buckets.size();
    }
}
