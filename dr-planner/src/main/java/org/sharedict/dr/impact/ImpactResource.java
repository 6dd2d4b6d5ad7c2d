package org.sharedict.dr.impact;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.dr.impact.ImpactDtos.AssessmentInput;
import org.sharedict.dr.impact.ImpactDtos.AssessmentView;
import org.sharedict.dr.impact.ImpactDtos.ImpactView;
import org.sharedict.dr.model.Keys;
import org.sharedict.platform.web.ETags;

@Path("/api/dr/plans/{id}/impact")
@Authenticated
@Tag(
        name = "DR business impact",
        description = "Impact over time (ISO/TS 22317), MTPD, targets inherited through dependencies, backup regime")
public class ImpactResource {

    private final ImpactService impact;

    @Inject
    ImpactResource(ImpactService impact) {
        this.impact = impact;
    }

    @APIResponse(
            responseCode = "200",
            description = "Per activity: impact ratings, proposed MTPD, inherited RTO and RPO, backup regime, findings",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImpactView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "422", description = "The plan's dependencies form a cycle (the cycle member lists it)")
    @GET
    public ImpactView analyse(@PathParam("id") long id) {
        return impact.analyse(id);
    }

    @APIResponse(
            responseCode = "200",
            description = "The activity's assessment as stored; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "404", description = "No such plan, or the activity is not assessed yet")
    @GET
    @Path("/{activityKey}")
    public Response assessment(
            @PathParam("id") long id,
            @PathParam("activityKey") @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE) String activityKey) {
        AssessmentView v = impact.assessment(id, activityKey);
        return Response.ok(v).tag(ETags.of(v.version())).build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The activity's assessment as stored; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "A rating, frequency or date is not valid (the field is named)")
    @APIResponse(responseCode = "403", description = "Not a DR lead of the plan's partner")
    @APIResponse(responseCode = "404", description = "No such plan, or the plan has no such activity")
    @APIResponse(
            responseCode = "409",
            description =
                    "The version sent is not the current one, or the assessment changed while this edit was saved")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(
            responseCode = "428",
            description = "The activity was assessed before and neither If-Match nor a version field was sent")
    @PUT
    @Path("/{activityKey}")
    public Response assess(
            @PathParam("id") long id,
            @PathParam("activityKey") @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE) String activityKey,
            @Valid @NotNull AssessmentInput body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AssessmentView v = impact.assess(id, activityKey, body, ifMatch);
        return Response.ok(v).tag(ETags.of(v.version())).build();
    }
}
