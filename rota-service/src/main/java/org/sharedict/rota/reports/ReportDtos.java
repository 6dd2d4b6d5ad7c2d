package org.sharedict.rota.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Report shapes: hours for payments and cross-charging, fairness, response times. */
public final class ReportDtos {

    private ReportDtos() {}

    /** {@code outOfHoursHours} is the part of the on-call time outside working hours (all of it on out-of-hours rotas). */
    public record PersonHours(
            long personId,
            @Schema(nullable = true) String name,
            String partner,
            double primaryHours,
            double secondaryHours,
            double outOfHoursHours,
            int shifts) {}

    public record PartnerHours(
            String partner, double primaryHours, double secondaryHours, double outOfHoursHours, int people) {}

    /**
     * Out-of-hours cover one partner's people gave another partner on one rota: the primary layer's
     * out-of-hours time of the giver's people, split equally among the partners the rota covers (as in
     * fairness), the giver's own share left out. For cross-charging between pairs of partners.
     */
    public record PartnerCover(long rotaId, String rotaName, String giver, String receiver, double outOfHoursHours) {}

    public record HoursReport(
            Instant from,
            Instant to,
            @Schema(nullable = true) Long rotaId,
            List<PersonHours> people,
            List<PartnerHours> partners,

            @Schema(description = "Who covered whose out-of-hours service, per rota, giver and receiver")
            List<PartnerCover> cover) {}

    /**
     * One partner's part in one rota. {@code memberShare}: its members as a share of the primary
     * layer; {@code hoursShare}: its people's share of the primary hours; {@code coverReceivedHours}:
     * the rota's primary hours split equally among the partners it covers; {@code balanceHours}:
     * hours given minus cover received (positive: the others owe it).
     */
    public record PartnerFairness(
            String partner,
            boolean covered,
            int members,
            double memberShare,
            double primaryHours,
            double hoursShare,
            double coverReceivedHours,
            double balanceHours) {}

    public record RotaFairness(long rotaId, String rotaName, double primaryHours, List<PartnerFairness> partners) {}

    public record FairnessReport(Instant from, Instant to, List<RotaFairness> rotas) {}

    public record ResponseTimes(
            String partner,
            LocalDate period,
            int incidents,
            int acknowledged,
            int resolved,
            @Schema(nullable = true) Double ackMedianSeconds,
            @Schema(nullable = true) Double ackP90Seconds,
            @Schema(nullable = true) Double ackMeanSeconds,
            @Schema(nullable = true) Double resolveMedianSeconds,
            @Schema(nullable = true) Double resolveP90Seconds,
            @Schema(nullable = true) Double resolveMeanSeconds) {}

    public record ResponseReport(Instant from, Instant to, Reports.Granularity granularity, List<ResponseTimes> rows) {}
}
