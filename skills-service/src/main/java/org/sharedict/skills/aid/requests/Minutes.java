package org.sharedict.skills.aid.requests;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.sharedict.platform.problem.ProblemException;

/** Decimal hours at the edge, whole minutes inside: 1.25 h is 75 minutes; 0.33 h is refused, not rounded. */
public final class Minutes {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private Minutes() {}

    public static int fromHours(String field, BigDecimal hours) {
        BigDecimal m = hours.multiply(SIXTY);
        if (m.stripTrailingZeros().scale() > 0) {
            throw ProblemException.invalid(field, "must be whole minutes (quarter hours are 0.25, 0.5, 0.75)");
        }
        return m.intValueExact();
    }

    public static BigDecimal toHours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP);
    }
}
