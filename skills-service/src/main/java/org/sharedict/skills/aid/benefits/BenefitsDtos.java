package org.sharedict.skills.aid.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The benefits report: what sharing saved each partner and the partnership. Money in whole pence. */
public final class BenefitsDtos {

    private BenefitsDtos() {}

    /** A skill a partner had to ask for because none of its own staff hold it. */
    public record SkillElsewhere(
            String skill,
            String name,
            int timesAsked,

            @Schema(description = "Partners whose staff hold it")
            List<String> heldBy,

            @Schema(description = "Held by one person in the whole partnership (the key-person-risk report)")
            boolean singlePersonInPartnership) {}

    public record Figures(
            @Schema(description = "A partner code, or PARTNERSHIP for the whole")
            String scope,

            int requestsMade,
            int requestsReceived,
            int requestsAnswered,
            int requestsAccepted,

            @Schema(nullable = true, description = "Median hours from asking to an answer, of those answered")
            BigDecimal medianHoursToAnswer,

            BigDecimal helpReceivedHours,
            BigDecimal helpGivenHours,

            @Schema(description = "Help received in working days (the agreement's day length)")
            BigDecimal agencyDaysAvoided,

            @Schema(description = "Agency days avoided × the agency day rate")
            long cashableSavingsPence,

            @Schema(description = "What the help received was charged under the agreement")
            long chargedPence,

            List<SkillElsewhere> skillsOnlyElsewhere) {}

    public record BenefitsReport(
            LocalDate from, LocalDate to, long agencyDayRatePence, Figures partnership, List<Figures> partners) {}
}
