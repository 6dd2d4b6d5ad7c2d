package org.sharedict.skills.aid.ledger;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.skills.aid.ledger.LedgerDtos.LedgerView;
import org.sharedict.skills.aid.ledger.LedgerDtos.Statement;

@Path("/api/aid")
@Authenticated
@Tag(name = "Mutual aid ledger", description = "Help given and received between partners, priced by the agreement")
public class LedgerResource {

    static final String PDF = "application/pdf";

    private final Statements statements;

    @Inject
    LedgerResource(Statements statements) {
        this.statements = statements;
    }

    @Context
    HttpHeaders headers;

    @GET
    @Path("/ledger")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Each partner's position and each pair's totals in a period (staff see their own partner's)")
    @APIResponse(
            responseCode = "200",
            description = "The positions; for the whole partnership they sum to zero",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LedgerView.class)))
    public LedgerView ledger(
            @Parameter(description = "First day, e.g. 2026-04-01 (default: 90 days before to)") @QueryParam("from")
                    String from,
            @Parameter(description = "Last day, inclusive (default: today)") @QueryParam("to") String to) {
        return statements.ledger(statements.period(from, to));
    }

    @GET
    @Path("/statements/{partner}/{counterparty}")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, PDF})
    @Operation(
            summary =
                    "The statement between two partners in a period: JSON, or CSV / PDF with ?format=csv|pdf or Accept")
    @APIResponse(
            responseCode = "200",
            description = "The statement; the out-of-hours rota cover says UNKNOWN when rota-service did not answer",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Statement.class)),
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "403", description = "Only staff of either partner, or admins")
    @APIResponse(responseCode = "404", description = "No partner has one of the codes")
    public Response statement(
            @PathParam("partner") String partner,
            @PathParam("counterparty") String counterparty,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Parameter(description = "json (default), csv or pdf") @QueryParam("format") String format) {
        Statement s = statements.statement(partner, counterparty, statements.period(from, to));
        String name = "aid-statement-" + s.partner() + "-" + s.counterparty() + "-" + s.from() + "-" + s.to();
        if (pdfWanted(format)) {
            return Response.ok(StatementPdf.of(s), PDF)
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"")
                    .build();
        }
        return Csv.wanted(format, headers)
                ? Csv.download(name + ".csv", StatementCsv.of(s))
                : Response.ok(s, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private boolean pdfWanted(String format) {
        if (format != null && !format.isBlank()) {
            if (!format.equalsIgnoreCase("pdf")
                    && !format.equalsIgnoreCase("csv")
                    && !format.equalsIgnoreCase("json")) {
                throw ProblemException.invalid("format", "must be json, csv or pdf");
            }
            return format.equalsIgnoreCase("pdf");
        }
        var accept = headers.getAcceptableMediaTypes();
        // Only an explicit application/pdf: a browser's */* still gets JSON.
        return !accept.isEmpty()
                && accept.get(0).getType().equalsIgnoreCase("application")
                && accept.get(0).getSubtype().equalsIgnoreCase("pdf");
    }
}
