package org.sharedict.dr.templates;

import java.net.URI;

import jakarta.annotation.Nullable;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.dr.templates.TemplateDtos.NewTemplate;
import org.sharedict.dr.templates.TemplateDtos.NewVersion;
import org.sharedict.dr.templates.TemplateDtos.TemplateUpdate;
import org.sharedict.dr.templates.TemplateDtos.TemplateView;
import org.sharedict.dr.templates.TemplateDtos.VersionUpdate;
import org.sharedict.dr.templates.TemplateDtos.VersionView;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;

@Path("/api/dr/templates")
@Authenticated
@Tag(name = "DR templates", description = "The partnership's generic DR plan and its published versions")
public class TemplateResource {

    private final TemplateService templates;

    TemplateResource(TemplateService templates) {
        this.templates = templates;
    }

    @GET
    public Page<TemplateView> list(@BeanParam @Valid PageRequest page) {
        return templates.list(page);
    }

    @APIResponse(
            responseCode = "200",
            description = "The template with its versions; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "404", description = "No such template")
    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        TemplateView t = templates.get(id);
        return Response.ok(t).tag(ETags.of(t.version())).build();
    }

    @APIResponse(
            responseCode = "201",
            description = "The template added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "409", description = "A template has this code already")
    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull NewTemplate body) {
        TemplateView t = templates.create(body);
        return Response.created(URI.create("/api/dr/templates/" + t.id()))
                .entity(t)
                .tag(ETags.of(t.version()))
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The template as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "404", description = "No such template")
    @APIResponse(
            responseCode = "409",
            description = "The version sent is not the current one, or the change clashes with stored data")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version field was sent")
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response update(
            @PathParam("id") long id,
            @Valid @NotNull TemplateUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        TemplateView t = templates.update(id, body, ifMatch);
        return Response.ok(t).tag(ETags.of(t.version())).build();
    }

    @APIResponse(
            responseCode = "201",
            description = "The new draft version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "404", description = "No such template")
    @APIResponse(responseCode = "409", description = "The template already has a draft version")
    @POST
    @Path("/{id}/versions")
    @RolesAllowed(Roles.ADMIN)
    public Response createVersion(
            @PathParam("id") long id, @Valid @Nullable @RequestBody(required = false) NewVersion body) {
        VersionView v = templates.createVersion(id, body);
        return Response.created(URI.create("/api/dr/templates/" + id + "/versions/" + v.number()))
                .entity(v)
                .tag(ETags.of(v.version()))
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The version; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "404", description = "No such template or version")
    @GET
    @Path("/{id}/versions/{number}")
    public Response getVersion(@PathParam("id") long id, @PathParam("number") int number) {
        VersionView v = templates.getVersion(id, number);
        return Response.ok(v).tag(ETags.of(v.version())).build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The draft as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "404", description = "No such template or version")
    @APIResponse(
            responseCode = "409",
            description = "The version is published and fixed, or the version sent is not the current one")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version field was sent")
    @PUT
    @Path("/{id}/versions/{number}")
    @RolesAllowed(Roles.ADMIN)
    public Response updateVersion(
            @PathParam("id") long id,
            @PathParam("number") int number,
            @Valid @NotNull VersionUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        VersionView v = templates.updateVersion(id, number, body, ifMatch);
        return Response.ok(v).tag(ETags.of(v.version())).build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The version, published",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "404", description = "No such template or version")
    @APIResponse(responseCode = "409", description = "The version is published already")
    @APIResponse(
            responseCode = "422",
            description = "The version has no activities, or its dependencies form a cycle (the cycle member lists it)")
    @POST
    @Path("/{id}/versions/{number}/publish")
    @RolesAllowed(Roles.ADMIN)
    public Response publish(@PathParam("id") long id, @PathParam("number") int number) {
        VersionView v = templates.publish(id, number);
        return Response.ok(v).tag(ETags.of(v.version())).build();
    }

    @APIResponse(responseCode = "204", description = "The draft is removed")
    @APIResponse(responseCode = "404", description = "No such template or version")
    @APIResponse(responseCode = "409", description = "Only a draft version is removed")
    @DELETE
    @Path("/{id}/versions/{number}")
    @RolesAllowed(Roles.ADMIN)
    public Response deleteVersion(@PathParam("id") long id, @PathParam("number") int number) {
        templates.deleteVersion(id, number);
        return Response.noContent().build();
    }
}
