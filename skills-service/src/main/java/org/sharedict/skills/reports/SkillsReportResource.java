package org.sharedict.skills.reports;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.csv.Csv;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.skills.reports.ReportDtos.CoverageReport;
import org.sharedict.skills.reports.ReportDtos.KeyPersonReport;
import org.sharedict.skills.reports.ReportDtos.StaleReport;

/** Skills reports as JSON, or CSV with {@code ?format=csv} or {@code Accept: text/csv}. */
@Path("/api/reports/skills")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
@Tag(name = "Skills reports", description = "Key-person risk, coverage across partners, stale entries")
public class SkillsReportResource {

    private final SkillsReports reports;
    private final StaleReports staleEntries;

    @Context
    HttpHeaders headers;

    SkillsReportResource(SkillsReports reports, StaleReports staleEntries) {
        this.reports = reports;
        this.staleEntries = staleEntries;
    }

    @GET
    @Path("/key-person-risk")
    @Operation(
            summary = "Skills held by one person only, per partner and partnership-wide, with who could back them up")
    @APIResponse(
            responseCode = "200",
            description = "The report; CSV with ?format=csv or Accept: text/csv",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = KeyPersonReport.class)),
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    public Response keyPersonRisk(
            @QueryParam("partner") String partner,
            @QueryParam("minLevel")
                    @DefaultValue("3")
                    @Min(value = 1, message = "must be 1 to 5")
                    @Max(value = 5, message = "must be 1 to 5")
                    int minLevel,
            @QueryParam("format") String format) {
        KeyPersonReport r = reports.keyPersonRisk(partner, minLevel);
        return Csv.wanted(format, headers)
                ? Csv.download("key-person-risk.csv", ReportCsv.keyPersonRisk(r))
                : Response.ok(r, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "Skill × partner: how many people hold each skill, by level")
    @APIResponse(
            responseCode = "200",
            description = "The matrix; CSV with ?format=csv or Accept: text/csv",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = CoverageReport.class)),
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    public Response coverage(@QueryParam("category") String category, @QueryParam("format") String format) {
        CoverageReport r = reports.coverage(category);
        return Csv.wanted(format, headers)
                ? Csv.download("skills-coverage.csv", ReportCsv.coverage(r))
                : Response.ok(r, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/stale")
    @Operation(summary = "People whose profile or skills have not been confirmed for a while (default 6 months)")
    @APIResponse(
            responseCode = "200",
            description =
                    "One page of the report (the CSV is the whole list); CSV with ?format=csv or Accept: text/csv",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaleReport.class)),
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    public Response stale(
            @QueryParam("months")
                    @Min(value = 1, message = "must be 1 to 120")
                    @Max(value = 120, message = "must be 1 to 120")
                    Integer months,
            @QueryParam("partner") String partner,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size")
                    @DefaultValue("50")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = PageRequest.MAX_SIZE, message = "must be at most " + PageRequest.MAX_SIZE)
                    int size,
            @QueryParam("format") String format) {
        boolean csv = Csv.wanted(format, headers);
        // CSV is the whole list, not a page.
        StaleReport r = csv
                ? staleEntries.stale(months, partner, 0, Integer.MAX_VALUE)
                : staleEntries.stale(months, partner, page, size);
        return csv
                ? Csv.download("stale-entries.csv", ReportCsv.stale(r))
                : Response.ok(r, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
