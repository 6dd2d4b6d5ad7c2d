package org.sharedict.dr.exercises;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.dr.exercises.ExerciseDtos.Readiness;

/** One plan's readiness (a class of its own: its path must be more specific than the plans resource's). */
@Path("/api/dr/plans/{id}/readiness")
@Authenticated
@Tag(
        name = "DR exercises",
        description = "Tabletop, walkthrough, simulation and full rehearsals of plans, findings and actions")
public class PlanReadinessResource {

    private final ReadinessService readiness;

    @Inject
    PlanReadinessResource(ReadinessService readiness) {
        this.readiness = readiness;
    }

    @APIResponse(
            responseCode = "200",
            description =
                    "Tier-1 activities exercised in the last 12 months, open and overdue actions, days since approval",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Readiness.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @GET
    public Readiness plan(@PathParam("id") long id) {
        return readiness.of(id);
    }
}
