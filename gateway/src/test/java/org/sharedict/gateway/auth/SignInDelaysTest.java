package org.sharedict.gateway.auth;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The schedule of delays after failed sign-ins: none for the free failures, then doubling, capped. */
class SignInDelaysTest {

    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofMinutes(15);

    @Test
    void theFreeFailuresCostNothing() {
        for (int failures = 0; failures <= 5; failures++) {
            assertEquals(Duration.ZERO, SignInThrottle.delay(failures, 5, FIRST, MAX));
        }
    }

    @Test
    void eachFurtherFailureDoublesTheDelayUpToTheMaximum() {
        long expected = 1;
        for (int failures = 6; failures < 200; failures++) {
            assertEquals(
                    Duration.ofSeconds(Math.min(expected, MAX.toSeconds())),
                    SignInThrottle.delay(failures, 5, FIRST, MAX),
                    "after " + failures + " failures");
            expected = Math.min(expected * 2, 1L << 40);
        }
        assertEquals(MAX, SignInThrottle.delay(Integer.MAX_VALUE, 5, FIRST, MAX));
    }
}
