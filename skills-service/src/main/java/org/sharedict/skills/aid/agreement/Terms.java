package org.sharedict.skills.aid.agreement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.sharedict.skills.aid.agreement.Agreement.RateBasis;

/**
 * The agreement as the rest of mutual aid reads it: immutable, and the one place that turns
 * minutes of help into pence. Each time record is priced and rounded (half up) once, to whole
 * pence; everything after that is whole-pence addition, so ledgers balance exactly.
 */
public record Terms(
        RateBasis rateBasis,
        Long flatRatePence,
        Map<String, Long> partnerRates,
        int minutesPerDay,
        BigDecimal outOfHoursMultiplier,
        long agencyDayRatePence,
        boolean netting,
        boolean directAcceptUrgent,
        boolean directAcceptOutOfHours) {

    public Terms {
        partnerRates = Map.copyOf(partnerRates);
    }

    /** The helper partner's rate per hour or day, as the basis says; null when the agreement names none. */
    public Long rateOf(String helperPartner) {
        return flatRatePence != null ? flatRatePence : partnerRates.get(helperPartner);
    }

    /** What {@code minutes} of help from {@code helperPartner} cost, in pence (0 when no rate is agreed). */
    public long charge(String helperPartner, int minutes, boolean outOfHours) {
        Long rate = rateOf(helperPartner);
        if (rate == null || minutes <= 0) {
            return 0;
        }
        int per = rateBasis == RateBasis.HOUR ? 60 : minutesPerDay;
        BigDecimal pence = BigDecimal.valueOf(rate).multiply(BigDecimal.valueOf(minutes));
        if (outOfHours) {
            pence = pence.multiply(outOfHoursMultiplier);
        }
        return pence.divide(BigDecimal.valueOf(per), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * What {@code hours} (to the hundredth) of out-of-hours rota cover by {@code giverPartner}'s people
     * cost, in pence: the giver's rate times the out-of-hours multiplier, rounded once (0 when no rate is agreed).
     */
    public long coverCharge(String giverPartner, BigDecimal hours) {
        Long rate = rateOf(giverPartner);
        if (rate == null || hours.signum() <= 0) {
            return 0;
        }
        int per = rateBasis == RateBasis.HOUR ? 60 : minutesPerDay;
        return BigDecimal.valueOf(rate)
                .multiply(hours)
                .multiply(BigDecimal.valueOf(60))
                .multiply(outOfHoursMultiplier)
                .divide(BigDecimal.valueOf(per), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** What the same time would have cost from an agency, in pence: days (of {@link #minutesPerDay}) × the agency day rate. */
    public long agencyCost(long minutes) {
        return BigDecimal.valueOf(agencyDayRatePence)
                .multiply(BigDecimal.valueOf(minutes))
                .divide(BigDecimal.valueOf(minutesPerDay), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** Whether the named person may say yes themselves, telling their manager, instead of waiting for them. */
    public boolean allowsDirectAccept(boolean urgent, boolean outOfHours) {
        return (urgent && directAcceptUrgent) || (outOfHours && directAcceptOutOfHours);
    }
}
