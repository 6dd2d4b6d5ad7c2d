package org.sharedict.dr.exercises;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.dr.exercises.ExerciseDtos.Readiness;
import org.sharedict.platform.partnership.Partnership;

/** Readiness across partners; one plan's is at {@link PlanReadinessResource}. */
@Path("/api/dr/readiness")
@Authenticated
@Tag(
        name = "DR exercises",
        description = "Tabletop, walkthrough, simulation and full rehearsals of plans, findings and actions")
public class ReadinessResource {

    private final ReadinessService readiness;

    @Inject
    ReadinessResource(ReadinessService readiness) {
        this.readiness = readiness;
    }

    @APIResponse(
            responseCode = "200",
            description = "Readiness of every approved plan, or of one partner's",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = Readiness.class)))
    @GET
    public List<Readiness> approved(
            @QueryParam("partner") @Pattern(regexp = Partnership.CODE, message = "must be a partner code")
                    String partner) {
        return readiness.approved(partner);
    }
}
