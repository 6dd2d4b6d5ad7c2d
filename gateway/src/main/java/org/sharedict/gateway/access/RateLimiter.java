package org.sharedict.gateway.access;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.sharedict.gateway.platform.GatewayConfig;

import io.quarkus.scheduler.Scheduled;

/**
 * Rate limits as token buckets kept in this instance's memory, one per client (user, API key,
 * address or username) and kind of limit. With several gateway replicas behind a load balancer
 * each keeps its own buckets, so a client spread over N replicas gets up to N times the limit.
 */
@ApplicationScoped
public class RateLimiter {

    public enum Kind { LOGIN_PER_ADDRESS, LOGIN_PER_USERNAME, API_PER_USER, API_PER_KEY, API_PER_ADDRESS }

    @Inject
    GatewayConfig config;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    LongSupplier clock = System::nanoTime;

    /** 0 when the request may go ahead, else the whole seconds to wait (for Retry-After). */
    public long check(Kind kind, String client) {
        if (!config.rateLimit().enabled()) {
            return 0;
        }
        GatewayConfig.Limit limit = limit(kind);
        long now = clock.getAsLong();
        TokenBucket bucket = buckets.computeIfAbsent(kind.ordinal() + "|" + client,
                k -> new TokenBucket(limit.requests(), limit.per().toNanos(), now));
        long waitNanos = bucket.take(now);
        return waitNanos == 0 ? 0 : Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1);
    }

    GatewayConfig.Limit limit(Kind kind) {
        GatewayConfig.RateLimits l = config.rateLimit();
        return switch (kind) {
            case LOGIN_PER_ADDRESS -> l.loginPerAddress();
            case LOGIN_PER_USERNAME -> l.loginPerUsername();
            case API_PER_USER -> l.apiPerUser();
            case API_PER_KEY -> l.apiPerKey();
            case API_PER_ADDRESS -> l.apiPerAddress();
        };
    }

    /** Forgets buckets that have refilled, so memory follows the number of active clients. */
    @Scheduled(every = "60s", delayed = "60s")
    void forgetIdle() {
        long now = clock.getAsLong();
        buckets.entrySet().removeIf(e -> e.getValue().isFull(now));
    }

    int size() {
        return buckets.size();
    }
}
