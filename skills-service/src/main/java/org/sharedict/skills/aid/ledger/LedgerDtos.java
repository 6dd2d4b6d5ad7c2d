package org.sharedict.skills.aid.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.platform.remote.Lookup;

/** The ledger and statements at the API edge: hours as decimal hours, money in whole pence. */
public final class LedgerDtos {

    private LedgerDtos() {}

    public record Line(
            long requestId,
            String title,
            LocalDate workedOn,
            String helper,
            String requester,
            BigDecimal hours,
            boolean outOfHours,
            boolean confirmed,

            @Schema(description = "0 until the asking partner confirms the record")
            long chargePence) {}

    public record Direction(
            String from,
            String to,
            BigDecimal hours,
            BigDecimal outOfHoursHours,
            BigDecimal unconfirmedHours,
            long chargePence) {}

    /** Out-of-hours rota cover one partner's people gave the other on one rota, priced with the out-of-hours multiplier. */
    public record CoverLine(String rota, String giver, String receiver, BigDecimal hours, long chargePence) {}

    /**
     * Out-of-hours rota cover the two partners gave each other in the period, from rota-service's
     * hours report. {@code status} UNKNOWN (with a reason) when rota-service did not answer: then
     * the hours, charges and net are null, not zero, and the statement's net is the help alone.
     */
    public record Cover(
            Lookup.Status status,
            @Schema(nullable = true) String reason,

            @Schema(nullable = true, description = "Hours the partner's people covered for the counterparty")
            BigDecimal givenHours,

            @Schema(nullable = true, description = "Hours the counterparty's people covered for the partner")
            BigDecimal receivedHours,

            @Schema(nullable = true) Long givenChargePence,
            @Schema(nullable = true) Long receivedChargePence,

            @Schema(nullable = true, description = "Positive: the counterparty owes the partner for cover")
            Long netPence,

            List<CoverLine> lines) {}

    public record Statement(
            String partner,
            String counterparty,
            LocalDate from,
            LocalDate to,
            boolean netting,
            Direction given,
            Direction received,

            @Schema(description = "Help alone: positive, the counterparty owes the partner")
            long helpNetPence,

            @Schema(
                    description =
                            "Help and, when known, rota cover: positive, the counterparty owes the partner; negative, the partner owes")
            long netPence,

            @Schema(nullable = true, description = "Who pays whom when netted; null when even")
            String payer,

            @Schema(nullable = true) String payee,
            List<Line> lines,
            Cover cover) {}

    public record PartnerPosition(
            String partner,
            BigDecimal givenHours,
            BigDecimal receivedHours,
            long owedToItPence,
            long owesPence,
            long netPence) {}

    public record PairTotals(
            String a,
            String b,
            BigDecimal aGaveHours,
            BigDecimal bGaveHours,

            @Schema(description = "Out-of-hours rota cover a's people gave b (0 when the cover is unknown)")
            BigDecimal aCoverHours,

            BigDecimal bCoverHours,
            long netPence) {}

    public record LedgerView(
            LocalDate from,
            LocalDate to,
            List<PartnerPosition> partners,
            List<PairTotals> pairs,

            @Schema(
                    description =
                            "Whether the rota cover is in the positions: UNKNOWN when rota-service did not answer")
            Lookup.Status cover,

            @Schema(nullable = true) String coverReason,

            @Schema(description = "The sum of the net positions shown: 0 for the whole partnership")
            long sumOfNetPence) {}
}
