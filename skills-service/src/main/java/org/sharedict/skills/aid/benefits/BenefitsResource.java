package org.sharedict.skills.aid.benefits;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.csv.Csv;
import org.sharedict.skills.aid.benefits.BenefitsDtos.BenefitsReport;
import org.sharedict.skills.aid.benefits.BenefitsDtos.Figures;
import org.sharedict.skills.aid.ledger.Statements;

@Path("/api/aid/benefits")
@Authenticated
@Tag(name = "Mutual aid ledger", description = "Help given and received between partners, priced by the agreement")
public class BenefitsResource {

    private final Benefits benefits;
    private final Statements statements;

    @Inject
    BenefitsResource(Benefits benefits, Statements statements) {
        this.benefits = benefits;
        this.statements = statements;
    }

    @Context
    HttpHeaders headers;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(summary = "What mutual aid saved each partner and the partnership in a period")
    @APIResponse(
            responseCode = "200",
            description =
                    "The report; CSV (one row per partner and the partnership) with ?format=csv or Accept: text/csv",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = BenefitsReport.class)),
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    public Response report(
            @Parameter(description = "First day (default: 90 days before to)") @QueryParam("from") String from,
            @Parameter(description = "Last day, inclusive (default: today)") @QueryParam("to") String to,
            @QueryParam("format") String format) {
        BenefitsReport r = benefits.report(statements.period(from, to));
        if (!Csv.wanted(format, headers)) {
            return Response.ok(r, MediaType.APPLICATION_JSON_TYPE).build();
        }
        List<List<?>> rows = new ArrayList<>();
        List<Figures> all = new ArrayList<>(r.partners());
        all.add(r.partnership());
        for (Figures f : all) {
            rows.add(List.of(
                    f.scope(),
                    f.requestsMade(),
                    f.requestsReceived(),
                    f.requestsAnswered(),
                    f.requestsAccepted(),
                    f.medianHoursToAnswer() == null ? "" : f.medianHoursToAnswer(),
                    f.helpReceivedHours(),
                    f.helpGivenHours(),
                    f.agencyDaysAvoided(),
                    java.math.BigDecimal.valueOf(f.cashableSavingsPence()).movePointLeft(2),
                    java.math.BigDecimal.valueOf(f.chargedPence()).movePointLeft(2),
                    String.join(
                            " ",
                            f.skillsOnlyElsewhere().stream().map(s -> s.skill()).toList())));
        }
        return Csv.download(
                "aid-benefits-" + r.from() + "-" + r.to() + ".csv",
                Csv.write(
                        List.of(
                                "scope",
                                "requests_made",
                                "requests_received",
                                "requests_answered",
                                "requests_accepted",
                                "median_hours_to_answer",
                                "help_received_hours",
                                "help_given_hours",
                                "agency_days_avoided",
                                "cashable_savings_gbp",
                                "charged_gbp",
                                "skills_only_elsewhere"),
                        rows));
    }
}
