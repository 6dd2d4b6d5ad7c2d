package org.sharedict.dr.invocations;

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
import org.sharedict.dr.invocations.InvocationDtos.Closing;
import org.sharedict.dr.invocations.InvocationDtos.InvocationSummary;
import org.sharedict.dr.invocations.InvocationDtos.InvocationView;
import org.sharedict.dr.invocations.InvocationDtos.NewInvocation;
import org.sharedict.dr.invocations.InvocationDtos.Note;
import org.sharedict.dr.invocations.InvocationDtos.StepUpdate;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.web.ETags;

import io.quarkus.security.Authenticated;

@Path("/api/dr/invocations")
@Authenticated
@Tag(name = "DR invocations", description = "Running an approved plan during an incident")
public class InvocationResource {

    @Inject
    InvocationService invocations;

    @GET
    public Page<InvocationSummary> list(@QueryParam("partner") String partner, @QueryParam("status") Invocation.Status status,
            @QueryParam("planId") Long planId, @BeanParam @Valid PageRequest page) {
        return invocations.list(partner, status, planId, page);
    }

    @POST
    public Response invoke(@Valid @NotNull NewInvocation body) {
        InvocationView v = invocations.invoke(body);
        return Response.created(URI.create("/api/dr/invocations/" + v.id())).entity(v).tag(ETags.of(v.version())).build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        InvocationView v = invocations.get(id);
        return Response.ok(v).tag(ETags.of(v.version())).build();
    }

    /** Moves one step; If-Match (or {@code version}) names the step's version, from the step in the last answer. */
    @PUT
    @Path("/{id}/steps/{stepId}")
    public InvocationView updateStep(@PathParam("id") long id, @PathParam("stepId") long stepId, @Valid @NotNull StepUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return invocations.updateStep(id, stepId, body, ifMatch);
    }

    @POST
    @Path("/{id}/notes")
    public InvocationView note(@PathParam("id") long id, @Valid @NotNull Note body) {
        return invocations.note(id, body.message());
    }

    @POST
    @Path("/{id}/close")
    public Response close(@PathParam("id") long id, @Valid @NotNull Closing body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        InvocationView v = invocations.close(id, body, ifMatch);
        return Response.ok(v).tag(ETags.of(v.version())).build();
    }
}
