package org.sharedict.gateway.platform;

import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;

/** A problem answered with a {@code Retry-After} header: rate limits (429) and locked accounts. */
public class TooManyRequests extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyRequests(Problem problem, long retryAfterSeconds) {
        super(problem);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        problem.with("retryAfterSeconds", this.retryAfterSeconds);
    }

    public static TooManyRequests rateLimited(String detail, long retryAfterSeconds) {
        return new TooManyRequests(new Problem("rate-limited", "Too many requests", 429, detail), retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
