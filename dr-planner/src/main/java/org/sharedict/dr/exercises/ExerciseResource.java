package org.sharedict.dr.exercises;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.dr.exercises.ExerciseDtos.ExerciseInput;
import org.sharedict.dr.exercises.ExerciseDtos.ExerciseView;
import org.sharedict.dr.exercises.ExerciseDtos.OverdueAction;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.partnership.Partnership;
import org.sharedict.platform.web.ETags;

@Path("/api/dr/exercises")
@Authenticated
@Tag(name = "DR exercises", description = "Tabletop, walkthrough and live rehearsals of plans, findings and actions")
public class ExerciseResource {

    private final ExerciseService exercises;
    private final ReadinessService readiness;

    @Inject
    ExerciseResource(ExerciseService exercises, ReadinessService readiness) {
        this.exercises = exercises;
        this.readiness = readiness;
    }

    @APIResponse(
            responseCode = "200",
            description = "Open exercise actions past their due date, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = OverdueAction.class)))
    @GET
    @Path("/actions/overdue")
    public List<OverdueAction> overdue(
            @QueryParam("partner") @Pattern(regexp = Partnership.CODE, message = "must be a partner code")
                    String partner) {
        return readiness.overdueActions(partner);
    }

    @GET
    public Page<ExerciseView> list(
            @QueryParam("partner") String partner,
            @QueryParam("planId") Long planId,
            @BeanParam @Valid PageRequest page) {
        return exercises.list(partner, planId, page);
    }

    @APIResponse(
            responseCode = "201",
            description = "The exercise recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ExerciseView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @POST
    public Response create(@Valid @NotNull ExerciseInput body) {
        ExerciseView e = exercises.create(body);
        return Response.created(URI.create("/api/dr/exercises/" + e.id()))
                .entity(e)
                .tag(ETags.of(e.version()))
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The exercise; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ExerciseView.class)))
    @APIResponse(responseCode = "404", description = "No such exercise")
    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        ExerciseView e = exercises.get(id);
        return Response.ok(e).tag(ETags.of(e.version())).build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The exercise as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ExerciseView.class)))
    @APIResponse(responseCode = "404", description = "No such exercise or plan")
    @APIResponse(
            responseCode = "409",
            description = "The version sent is not the current one, or the change clashes with stored data")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version field was sent")
    @PUT
    @Path("/{id}")
    public Response update(
            @PathParam("id") long id,
            @Valid @NotNull ExerciseInput body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ExerciseView e = exercises.update(id, body, ifMatch);
        return Response.ok(e).tag(ETags.of(e.version())).build();
    }
}
