package org.sharedict.dr.analysis;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sharedict.dr.analysis.AnalysisDtos.AnalysisView;
import org.sharedict.dr.analysis.AnalysisDtos.StaffingView;

import io.quarkus.security.Authenticated;

@Path("/api/dr/plans/{id}")
@Authenticated
@Tag(name = "DR analysis", description = "Recovery order, RTO feasibility, single points of failure, staffing")
public class AnalysisResource {

    @Inject
    AnalysisService analysis;

    /** {@code skills=false} leaves out the skills-service lookup of skill holders. */
    @GET
    @Path("/analysis")
    public AnalysisView analysis(@PathParam("id") long id,
            @QueryParam("skills") @DefaultValue("true") @Pattern(regexp = "true|false", message = "must be true or false") String skills) {
        return analysis.analyse(id, Boolean.parseBoolean(skills));
    }

    @GET
    @Path("/staffing")
    public StaffingView staffing(@PathParam("id") long id) {
        return analysis.staffing(id);
    }
}
