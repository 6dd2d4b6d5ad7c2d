package org.sharedict.skills.aid.agreement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.skills.aid.agreement.Agreement.RateBasis;

/** The agreement at the API edge. Money is in whole pence. */
public final class AgreementDtos {

    private AgreementDtos() {}

    public record AgreementView(
            RateBasis rateBasis,

            @Schema(nullable = true, description = "One rate for all partners, pence per hour or day")
            Long flatRatePence,

            @Schema(description = "Each partner's rate (pence per hour or day) when there is no flat rate")
            Map<String, Long> partnerRates,

            @Schema(description = "Minutes in a working day, for day rates and agency days")
            int minutesPerDay,

            BigDecimal outOfHoursMultiplier,
            long agencyDayRatePence,
            boolean netting,
            boolean directAcceptUrgent,
            boolean directAcceptOutOfHours,
            long version,
            Instant updatedAt,
            String updatedBy) {

        static AgreementView of(Agreement a) {
            return new AgreementView(
                    a.rateBasis,
                    a.flatRatePence,
                    Map.copyOf(a.partnerRates),
                    a.minutesPerDay,
                    a.outOfHoursMultiplier,
                    a.agencyDayRatePence,
                    a.netting,
                    a.directAcceptUrgent,
                    a.directAcceptOutOfHours,
                    a.version,
                    a.updatedAt,
                    a.updatedBy);
        }
    }

    public record AgreementInput(
            @NotNull RateBasis rateBasis,

            @Schema(nullable = true) @PositiveOrZero @Max(10_000_000)
            Long flatRatePence,

            @Schema(nullable = true) Map<String, @NotNull @PositiveOrZero @Max(10_000_000) Long> partnerRates,
            @NotNull @Min(60) @Max(1440) Integer minutesPerDay,

            @NotNull @DecimalMin("1.00") @DecimalMax("5.00") @Digits(integer = 1, fraction = 2)
            BigDecimal outOfHoursMultiplier,

            @NotNull @PositiveOrZero @Max(10_000_000) Long agencyDayRatePence,
            @NotNull Boolean netting,
            @NotNull Boolean directAcceptUrgent,
            @NotNull Boolean directAcceptOutOfHours,

            @Schema(nullable = true, description = "The version read; or send If-Match")
            Long version) {}
}
