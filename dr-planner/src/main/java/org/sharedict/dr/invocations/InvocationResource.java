package org.sharedict.dr.invocations;

import java.net.URI;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.dr.invocations.InvocationDtos.CallOutView;
import org.sharedict.dr.invocations.InvocationDtos.Closing;
import org.sharedict.dr.invocations.InvocationDtos.InvocationSummary;
import org.sharedict.dr.invocations.InvocationDtos.InvocationView;
import org.sharedict.dr.invocations.InvocationDtos.NewInvocation;
import org.sharedict.dr.invocations.InvocationDtos.Note;
import org.sharedict.dr.invocations.InvocationDtos.StepUpdate;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.web.ETags;

@Path("/api/dr/invocations")
@Authenticated
@Tag(name = "DR invocations", description = "Running an approved plan during an incident")
public class InvocationResource {

    private final InvocationService invocations;
    private final InvocationSteps steps;
    private final CallOutService callOuts;

    public InvocationResource(InvocationService invocations, InvocationSteps steps, CallOutService callOuts) {
        this.invocations = invocations;
        this.steps = steps;
        this.callOuts = callOuts;
    }

    @GET
    public Page<InvocationSummary> list(
            @QueryParam("partner") String partner,
            @QueryParam("status") Invocation.Status status,
            @QueryParam("planId") Long planId,
            @BeanParam @Valid PageRequest page) {
        return invocations.list(partner, status, planId, page);
    }

    /**
     * Opens the live checklist, then calls the plan's people out through rota-service (callOut says
     * how that went: SENT with the incident, or NOT_SENT with the reason when rota-service is down,
     * slow or refuses; the invocation is open either way).
     */
    @APIResponse(
            responseCode = "201",
            description = "The live checklist, with how the call-out went",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InvocationView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(
            responseCode = "409",
            description =
                    "The revision is not approved, or the plan is already invoked (openInvocationId names the open invocation)")
    @APIResponse(responseCode = "422", description = "The plan's dependencies form a cycle (the cycle member lists it)")
    @POST
    public Response invoke(@Valid @NotNull NewInvocation body) {
        InvocationView v = callOuts.send(invocations.invoke(body).id());
        return Response.created(URI.create("/api/dr/invocations/" + v.id()))
                .entity(v)
                .tag(ETags.of(v.version()))
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The live checklist; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InvocationView.class)))
    @APIResponse(responseCode = "404", description = "No such invocation")
    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        InvocationView v = invocations.get(id);
        return Response.ok(v).tag(ETags.of(v.version())).build();
    }

    /** Moves one step; If-Match (or {@code version}) names the step's version, from the step in the last answer. */
    @APIResponse(
            responseCode = "200",
            description = "The live checklist with the step moved",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InvocationView.class)))
    @APIResponse(responseCode = "404", description = "No such invocation, or no such step in it")
    @APIResponse(
            responseCode = "409",
            description =
                    "The invocation is closed, the move is not allowed, or the version sent is not the step's current one")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version field was sent")
    @PUT
    @Path("/{id}/steps/{stepId}")
    public InvocationView updateStep(
            @PathParam("id") long id,
            @PathParam("stepId") long stepId,
            @Valid @NotNull StepUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return steps.updateStep(id, stepId, body, ifMatch);
    }

    @APIResponse(
            responseCode = "200",
            description = "The live checklist with the note on its timeline",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InvocationView.class)))
    @APIResponse(responseCode = "404", description = "No such invocation")
    @APIResponse(responseCode = "409", description = "The invocation is closed")
    @POST
    @Path("/{id}/notes")
    public InvocationView note(@PathParam("id") long id, @Valid @NotNull Note body) {
        return invocations.note(id, body.message());
    }

    @APIResponse(
            responseCode = "200",
            description =
                    "The invocation, closed; its call-out's incident resolved (callOut RESOLVED), or NOT_RESOLVED with the reason",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InvocationView.class)))
    @APIResponse(responseCode = "404", description = "No such invocation")
    @APIResponse(
            responseCode = "409",
            description = "The invocation is closed already, or the version sent is not the current one")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version field was sent")
    @POST
    @Path("/{id}/close")
    public Response close(
            @PathParam("id") long id, @Valid @NotNull Closing body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        invocations.close(id, body, ifMatch);
        InvocationView v = callOuts.resolve(id);
        return Response.ok(v).tag(ETags.of(v.version())).build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The call-out and its incident as rota-service has it now (incidentUnknown says why not)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CallOutView.class)))
    @APIResponse(responseCode = "404", description = "No such invocation")
    @GET
    @Path("/{id}/call-out")
    public CallOutView callOut(@PathParam("id") long id) {
        return callOuts.status(id);
    }

    /** Sends again a call-out that could not be sent (those who may invoke), or resolves its incident after close (DR leads, managers). */
    @APIResponse(
            responseCode = "200",
            description = "The live checklist with how the retry went (callOut)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InvocationView.class)))
    @APIResponse(
            responseCode = "403",
            description = "The caller may not invoke (or close) this plan; mayInvoke lists who may")
    @APIResponse(responseCode = "404", description = "No such invocation")
    @APIResponse(responseCode = "409", description = "Nothing to retry: the call-out was sent (or resolved)")
    @POST
    @Path("/{id}/call-out/retry")
    public Response retryCallOut(@PathParam("id") long id) {
        InvocationView v = callOuts.retry(id);
        return Response.ok(v).tag(ETags.of(v.version())).build();
    }
}
