package org.sharedict.gateway.access;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void aFullBucketAllowsABurstThenSaysHowLongToWait() {
        TokenBucket b = new TokenBucket(10, MINUTE, 0);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, b.take(0));
        }
        long wait = b.take(0);
        assertEquals(TimeUnit.SECONDS.toNanos(6), wait, TimeUnit.MILLISECONDS.toNanos(1));
        assertTrue(b.take(wait) == 0, "after the wait one request is allowed");
    }

    @Test
    void aSteadyClientGetsTheRateAndNeverMoreOverAnyPeriod() {
        // Property: over any run of requests, allowed <= capacity + rate * elapsed.
        Random rnd = new Random(7);
        for (int run = 0; run < 200; run++) {
            int capacity = 1 + rnd.nextInt(50);
            TokenBucket b = new TokenBucket(capacity, MINUTE, 0);
            long now = 0;
            int allowed = 0;
            for (int i = 0; i < 500; i++) {
                now += (long) (rnd.nextDouble() * MINUTE / capacity / 2);
                if (b.take(now) == 0) {
                    allowed++;
                }
            }
            double bound = capacity + capacity * (now / (double) MINUTE);
            assertTrue(allowed <= Math.floor(bound) + 1e-9, allowed + " > " + bound);
        }
    }

    @Test
    void anIdleBucketRefillsToFullAndNoMore() {
        TokenBucket b = new TokenBucket(3, MINUTE, 0);
        b.take(0);
        b.take(0);
        b.take(0);
        assertTrue(b.isFull(10 * MINUTE));
        int allowed = 0;
        while (b.take(10 * MINUTE) == 0) {
            allowed++;
        }
        assertEquals(3, allowed);
    }
}
