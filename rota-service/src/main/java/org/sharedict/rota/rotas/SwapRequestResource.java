package org.sharedict.rota.rotas;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.web.QueryParams;
import org.sharedict.rota.rotas.SwapRequestDtos.Action;
import org.sharedict.rota.rotas.SwapRequestDtos.SwapRequestInput;
import org.sharedict.rota.rotas.SwapRequestDtos.SwapRequestView;

@Path("/api/rotas/swap-requests")
@Authenticated
@Tag(name = "Swap requests", description = "Shift swaps by consent: ask, accept, decline, cancel; managers impose")
public class SwapRequestResource {

    private final SwapRequests requests;

    public SwapRequestResource(SwapRequests requests) {
        this.requests = requests;
    }

    @GET
    @Operation(summary = "The requests the caller asked or is asked, and those on rotas they manage, newest first")
    @APIResponse(
            responseCode = "200",
            description = "The requests, each with the actions the caller may take",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SwapRequestView.class, type = SchemaType.ARRAY)))
    public List<SwapRequestView> list(
            @Parameter(description = "Only requests in this state (EXPIRED: pending past the first shift's start)")
                    @QueryParam("status")
                    String status) {
        return requests.list(QueryParams.enumValue("status", status, SwapRequest.Status.class, null));
    }

    @POST
    @Operation(summary = "Ask the member scheduled for another period to swap it with one of the caller's own")
    @APIResponse(
            responseCode = "201",
            description = "The request, pending; the other member is e-mailed with links to accept or decline",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SwapRequestView.class)))
    @APIResponse(responseCode = "403", description = "The caller is not signed in as a person")
    @APIResponse(responseCode = "409", description = "The caller already asked for this swap and it is pending")
    public Response ask(@Valid @NotNull SwapRequestInput body) {
        SwapRequestView v = requests.ask(body);
        return Response.created(URI.create("/api/rotas/swap-requests/" + v.id()))
                .entity(v)
                .build();
    }

    @GET
    @Path("/{id:\\d+}")
    @APIResponse(
            responseCode = "200",
            description = "The request",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SwapRequestView.class)))
    @APIResponse(responseCode = "404", description = "No request has this ID, or not one the caller may see")
    public SwapRequestView get(@PathParam("id") long id) {
        return requests.get(id);
    }

    @POST
    @Path("/{id:\\d+}/accept")
    @Operation(summary = "The member asked accepts: the swap is made and both people's shifts change")
    @APIResponse(
            responseCode = "200",
            description = "The request, ACCEPTED, with the swap it made",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SwapRequestView.class)))
    @APIResponse(responseCode = "403", description = "The caller is not the member asked")
    @APIResponse(responseCode = "404", description = "No request has this ID, or not one the caller may see")
    @APIResponse(
            responseCode = "409",
            description = "The request is no longer pending (decided, cancelled or expired), or the rota changed")
    public SwapRequestView accept(@PathParam("id") long id) {
        return requests.act(id, Action.ACCEPT);
    }

    @POST
    @Path("/{id:\\d+}/decline")
    @Operation(summary = "The member asked declines: nothing changes on the rota")
    @APIResponse(
            responseCode = "200",
            description = "The request, DECLINED",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SwapRequestView.class)))
    @APIResponse(responseCode = "403", description = "The caller is not the member asked")
    @APIResponse(responseCode = "404", description = "No request has this ID, or not one the caller may see")
    @APIResponse(responseCode = "409", description = "The request is no longer pending (decided, cancelled or expired)")
    public SwapRequestView decline(@PathParam("id") long id) {
        return requests.act(id, Action.DECLINE);
    }

    @POST
    @Path("/{id:\\d+}/cancel")
    @Operation(summary = "The member who asked withdraws a pending request")
    @APIResponse(
            responseCode = "200",
            description = "The request, CANCELLED",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SwapRequestView.class)))
    @APIResponse(responseCode = "403", description = "The caller is not the member who asked")
    @APIResponse(responseCode = "404", description = "No request has this ID, or not one the caller may see")
    @APIResponse(responseCode = "409", description = "The request is no longer pending (decided, cancelled or expired)")
    public SwapRequestView cancel(@PathParam("id") long id) {
        return requests.act(id, Action.CANCEL);
    }

    @POST
    @Path("/{id:\\d+}/impose")
    @Operation(summary = "A manager of a covered partner makes the requested swap without waiting for consent")
    @APIResponse(
            responseCode = "200",
            description = "The request, IMPOSED, with the swap it made (origin IMPOSED, by whom and when)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SwapRequestView.class)))
    @APIResponse(responseCode = "403", description = "The caller does not manage a partner the rota covers")
    @APIResponse(responseCode = "404", description = "No request has this ID, or not one the caller may see")
    @APIResponse(
            responseCode = "409",
            description = "The request is no longer pending (decided, cancelled or expired), or the rota changed")
    public SwapRequestView impose(@PathParam("id") long id) {
        return requests.act(id, Action.IMPOSE);
    }
}
