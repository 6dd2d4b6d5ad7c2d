package org.sharedict.dr.exercises;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sharedict.dr.exercises.ExerciseDtos.ExerciseInput;
import org.sharedict.dr.exercises.ExerciseDtos.ExerciseView;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.web.ETags;

import io.quarkus.security.Authenticated;

@Path("/api/dr/exercises")
@Authenticated
@Tag(name = "DR exercises", description = "Tabletop, walkthrough and live rehearsals of plans, findings and actions")
public class ExerciseResource {

    @Inject
    ExerciseService exercises;

    @GET
    public Page<ExerciseView> list(@QueryParam("partner") String partner, @QueryParam("planId") Long planId,
            @BeanParam @Valid PageRequest page) {
        return exercises.list(partner, planId, page);
    }

    @POST
    public Response create(@Valid @NotNull ExerciseInput body) {
        ExerciseView e = exercises.create(body);
        return Response.created(URI.create("/api/dr/exercises/" + e.id())).entity(e).tag(ETags.of(e.version())).build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        ExerciseView e = exercises.get(id);
        return Response.ok(e).tag(ETags.of(e.version())).build();
    }

    @PUT
    @Path("/{id}")
    public Response update(@PathParam("id") long id, @Valid @NotNull ExerciseInput body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ExerciseView e = exercises.update(id, body, ifMatch);
        return Response.ok(e).tag(ETags.of(e.version())).build();
    }
}
