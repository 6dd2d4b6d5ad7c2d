package org.sharedict.gateway.access;

/**
 * A token bucket: holds up to {@code capacity} requests, refilled evenly at capacity per period.
 * A full bucket allows a burst of {@code capacity}; a steady client gets capacity per period.
 */
final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long last;

    TokenBucket(int capacity, long periodNanos, long now) {
        this.capacity = capacity;
        this.refillPerNano = capacity / (double) periodNanos;
        this.tokens = capacity;
        this.last = now;
    }

    /** Takes one token; returns 0 when allowed, else the nanoseconds until one is available. */
    synchronized long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / refillPerNano);
    }

    /** The nanoseconds until a token is available (0: one is), taking none. */
    synchronized long waitFor(long now) {
        refill(now);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / refillPerNano);
    }

    /** True when the bucket has refilled completely, so forgetting it changes nothing. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - last;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
            last = now;
        }
    }
}
