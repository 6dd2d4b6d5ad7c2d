package org.sharedict.dr.plans;

import java.time.LocalDate;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Time passing for an approved plan's review date, which no request can set in the past (approval
 * moves a past date a year on). Kept in the plans room, whose entity it writes, so the tests of other
 * rooms (review) ask this room rather than reaching into its table.
 */
public final class ReviewDates {

    private ReviewDates() {}

    /** Time passes: the approved plan's review date is now {@code date}. */
    public static void wasDue(long planId, LocalDate date) {
        QuarkusTransaction.requiringNew().run(() -> Plan.<Plan>findById(planId).reviewDate = date);
    }
}
