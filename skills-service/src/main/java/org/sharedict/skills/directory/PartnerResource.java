package org.sharedict.skills.directory;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.web.ETags;
import org.sharedict.skills.directory.PartnerDtos.NewPartner;
import org.sharedict.skills.directory.PartnerDtos.PartnerUpdate;
import org.sharedict.skills.directory.PartnerDtos.PartnerView;

@Path("/api/partners")
@Authenticated
@Tag(name = "Partners", description = "The organisations in the partnership")
public class PartnerResource {

    private final PartnerService partners;

    PartnerResource(PartnerService partners) {
        this.partners = partners;
    }

    @GET
    public Page<PartnerView> list(@BeanParam @Valid PageRequest page) {
        return partners.list(page);
    }

    @APIResponse(
            responseCode = "200",
            description = "The partner; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "404", description = "No such partner")
    @GET
    @Path("/{code}")
    public Response get(@PathParam("code") String code) {
        return partners.get(code)
                .map(p -> Response.ok(p).tag(ETags.of(p.version())))
                .orElseThrow(() -> ProblemException.notFound("Partner", code))
                .build();
    }

    @APIResponse(
            responseCode = "201",
            description = "The partner added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "409", description = "A partner has this code already")
    @POST
    public Response create(@Valid @NotNull NewPartner body) {
        PartnerView p = partners.create(body);
        return Response.created(URI.create("/api/partners/" + p.code()))
                .entity(p)
                .tag(ETags.of(p.version()))
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The partner as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "404", description = "No such partner")
    @APIResponse(
            responseCode = "409",
            description = "The version sent is not the current one, or the change clashes with stored data")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version field was sent")
    @PUT
    @Path("/{code}")
    public Response update(
            @PathParam("code") String code,
            @Valid @NotNull PartnerUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PartnerView p = partners.update(code, body, ifMatch);
        return Response.ok(p).tag(ETags.of(p.version())).build();
    }

    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "404", description = "No such partner")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "409", description = "People still belong to this partner")
    @DELETE
    @Path("/{code}")
    public Response delete(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        partners.delete(code, ifMatch);
        return Response.noContent().build();
    }
}
