package org.sharedict.rota.gaps;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.rota.schedule.CoverGaps;
import org.sharedict.rota.schedule.Layer;

/** The cover-gap API's shapes. */
public final class CoverGapDtos {

    private CoverGapDtos() {}

    @Schema(description = "A stretch of time in which nobody would be paged, and why")
    public record CoverGap(
            @Schema(
                    description =
                            "ROTA_NO_MEMBERS: a rota covering the partner has nobody on its primary layer; "
                                    + "LAYER_ON_LEAVE: every member of the layer is on leave (the scheduled member stays on call); "
                                    + "NOT_COVERED: no rota covering the partner has anyone on call in this out-of-hours time; "
                                    + "POLICY_STEP_EMPTY_LAYER: a step of the partner's escalation policy pages a layer with no members")
            CoverGaps.Kind reason,

            Instant start,
            Instant end,
            @Schema(nullable = true) Long rotaId,
            @Schema(nullable = true) String rotaName,
            @Schema(nullable = true) Layer layer,
            @Schema(nullable = true) Long policyId,
            @Schema(nullable = true) String policyName,

            @Schema(nullable = true, description = "The policy's step, from 1")
            Integer step,

            @Schema(description = "The gap in words") String detail) {

        /** What the gap is, whatever its times: how the daily mail knows a gap it has told already. */
        String key() {
            return reason + ":" + (rotaId == null ? "-" : rotaId) + ":" + (layer == null ? "-" : layer) + ":"
                    + (policyId == null ? "-" : policyId) + ":" + (step == null ? "-" : step);
        }
    }

    @Schema(description = "The cover gaps of one partner between two instants, in order of start")
    public record CoverGapsView(String partner, Instant from, Instant to, List<CoverGap> gaps) {}
}
