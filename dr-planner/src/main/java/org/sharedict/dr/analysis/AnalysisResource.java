package org.sharedict.dr.analysis;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.dr.analysis.AnalysisDtos.AnalysisView;
import org.sharedict.dr.analysis.AnalysisDtos.StaffingView;

@Path("/api/dr/plans/{id}")
@Authenticated
@Tag(name = "DR analysis", description = "Recovery order, RTO feasibility, single points of failure, staffing")
public class AnalysisResource {

    private final AnalysisService analysis;

    AnalysisResource(AnalysisService analysis) {
        this.analysis = analysis;
    }

    /** {@code skills=false} leaves out the skills-service lookup of skill holders. */
    @APIResponse(
            responseCode = "200",
            description = "Recovery order, RTO feasibility and single points of failure",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AnalysisView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "422", description = "The plan's dependencies form a cycle (the cycle member lists it)")
    @GET
    @Path("/analysis")
    public AnalysisView analysis(
            @PathParam("id") long id,
            @QueryParam("skills")
                    @DefaultValue("true")
                    @Pattern(regexp = "true|false", message = "must be true or false")
                    String skills) {
        return analysis.analyse(id, Boolean.parseBoolean(skills));
    }

    @APIResponse(
            responseCode = "200",
            description = "Candidates per skill and who is on call now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StaffingView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @GET
    @Path("/staffing")
    public StaffingView staffing(@PathParam("id") long id) {
        return analysis.staffing(id);
    }
}
