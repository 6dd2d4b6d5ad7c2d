package org.sharedict.skills.aid.requests;

import java.time.LocalDate;

/**
 * One time record as the ledger prices it: who helped whom, when, for how long. {@code confirmed}
 * false means logged but not yet confirmed by the asking partner (shown, not charged).
 */
public record GivenTime(
        long requestId,
        String title,
        LocalDate workedOn,
        String helper,
        String requester,
        int minutes,
        boolean outOfHours,
        boolean confirmed) {}
