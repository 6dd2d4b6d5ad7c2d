package org.sharedict.rota.gaps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.web.QueryParams;
import org.sharedict.rota.gaps.CoverGapDtos.CoverGapsView;
import org.sharedict.rota.platform.RotaConfig;
import org.sharedict.rota.platform.Times;
import org.sharedict.rota.rotas.LeaveSync;

/** When nobody would be paged for a partner: readable by whoever may read its on-call answer. */
@Path("/api/oncall/gaps")
@Authenticated
@Tag(name = "On call", description = "Exactly who is primary and secondary for a partner at an instant")
public class CoverGapResource {

    private final CoverGapService gaps;
    private final RotaConfig config;
    private final Clock clock;
    private final LeaveSync leaveSync;

    public CoverGapResource(CoverGapService gaps, RotaConfig config, Clock clock, LeaveSync leaveSync) {
        this.gaps = gaps;
        this.config = config;
        this.clock = clock;
        this.leaveSync = leaveSync;
    }

    @GET
    @APIResponse(
            responseCode = "200",
            description = "The partner's cover gaps meeting the range, clipped to it, in order of start",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CoverGapsView.class)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is missing or malformed, or the range runs backwards or is too long; "
                    + "the problem names the parameter")
    public CoverGapsView get(
            @Parameter(description = "The partner's code", required = true) @QueryParam("partner") String partner,
            @Parameter(description = "Start of the range (ISO-8601 instant; default now)") @QueryParam("from")
                    String from,
            @Parameter(description = "End of the range (default from + 28 days; at most 90 days after from)")
                    @QueryParam("to")
                    String to) {
        String p = QueryParams.partner("partner", partner, true);
        Instant f = Times.instant("from", from, Instant.now(clock));
        Instant t = Times.instant("to", to, f.plus(Duration.ofDays(config.gaps().horizonDays())));
        Times.requireRange("to", f, t, Duration.ofDays(config.gaps().maxRangeDays()));
        // Gaps from leave as skills-service has it now, or a 503: never "covered" on a stale copy.
        leaveSync.requireCurrent();
        return new CoverGapsView(p, f, t, gaps.gaps(p, f, t));
    }
}
