package org.sharedict.dr.copies;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.dr.copies.CopyDtos.HolderInput;
import org.sharedict.dr.copies.CopyDtos.HolderView;
import org.sharedict.dr.copies.CopyDtos.RegisterView;
import org.sharedict.platform.web.ETags;

/** A plan's copy-holder register (a class of its own: its path is more specific than the plans resource's). */
@Path("/api/dr/plans/{id}/copy-holders")
@Authenticated
@Tag(
        name = "DR copy holders",
        description = "Who keeps an offline copy of a plan, of which revision, acknowledged or not")
public class CopyHolderResource {

    private final CopyRegister register;

    @Inject
    CopyHolderResource(CopyRegister register) {
        this.register = register;
    }

    @Operation(summary = "The register: each holder, the revisions sent to them and which they acknowledged")
    @APIResponse(
            responseCode = "200",
            description = "The register",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RegisterView.class)))
    @APIResponse(responseCode = "403", description = "Not a user of the plan's partner, nor an admin")
    @APIResponse(responseCode = "404", description = "No such plan")
    @GET
    public RegisterView get(@PathParam("id") long id) {
        return register.register(id);
    }

    @Operation(
            summary = "Add a copy holder",
            description = "When the plan has an approved revision, its PDF is e-mailed to the new holder at once,"
                    + " with a link to acknowledge receipt.")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HolderView.class)))
    @APIResponse(responseCode = "403", description = "Not a DR lead of the plan's partner, nor an admin")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "That address already holds a copy of this plan")
    @POST
    public Response add(@PathParam("id") long id, @Valid @NotNull HolderInput body) {
        HolderView h = register.add(id, body);
        return Response.created(URI.create("/api/dr/plans/" + id + "/copy-holders/" + h.id()))
                .entity(h)
                .tag(ETags.of(h.version()))
                .build();
    }

    @Operation(summary = "Take a holder off the register (what they were sent stays on record)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Not a DR lead of the plan's partner, nor an admin")
    @APIResponse(responseCode = "404", description = "No such plan, or no such holder of it")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @DELETE
    @Path("/{holderId}")
    public Response remove(
            @PathParam("id") long id,
            @PathParam("holderId") long holderId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        register.remove(id, holderId, ifMatch);
        return Response.noContent().build();
    }
}
