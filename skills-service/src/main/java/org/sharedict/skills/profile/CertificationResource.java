package org.sharedict.skills.profile;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.web.ETags;
import org.sharedict.skills.profile.ProfileDtos.CertificationInput;
import org.sharedict.skills.profile.ProfileDtos.CertificationView;

@Path("/api/people/{id}/certifications")
@Authenticated
@Tag(name = "Certifications", description = "A person's certifications and when they expire")
public class CertificationResource {

    private final ProfileService profiles;

    CertificationResource(ProfileService profiles) {
        this.profiles = profiles;
    }

    @APIResponse(
            responseCode = "200",
            description = "All of them",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = CertificationView.class)))
    @APIResponse(responseCode = "404", description = "No such person")
    @GET
    public List<CertificationView> list(@PathParam("id") long id) {
        return profiles.certifications(id);
    }

    @APIResponse(
            responseCode = "200",
            description = "The certification of this person; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CertificationView.class)))
    @APIResponse(responseCode = "404", description = "No such certification of this person")
    @GET
    @Path("/{certificationId}")
    public Response get(@PathParam("id") long id, @PathParam("certificationId") long certificationId) {
        CertificationView c = profiles.certification(id, certificationId);
        return Response.ok(c).tag(ETags.of(c.version())).build();
    }

    @APIResponse(
            responseCode = "201",
            description = "The certification added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CertificationView.class)))
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "404", description = "No such person")
    @POST
    public Response add(@PathParam("id") long id, @Valid @NotNull CertificationInput body) {
        CertificationView c = profiles.addCertification(id, body);
        return Response.created(URI.create("/api/people/" + id + "/certifications/" + c.id()))
                .entity(c)
                .tag(ETags.of(c.version()))
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The certification of this person as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CertificationView.class)))
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "404", description = "No such certification of this person")
    @APIResponse(
            responseCode = "409",
            description = "The version sent is not the current one, or the change clashes with stored data")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version field was sent")
    @PUT
    @Path("/{certificationId}")
    public Response update(
            @PathParam("id") long id,
            @PathParam("certificationId") long certificationId,
            @Valid @NotNull CertificationInput body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        CertificationView c = profiles.updateCertification(id, certificationId, body, ifMatch);
        return Response.ok(c).tag(ETags.of(c.version())).build();
    }

    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "404", description = "No such certification of this person")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @DELETE
    @Path("/{certificationId}")
    public Response remove(
            @PathParam("id") long id,
            @PathParam("certificationId") long certificationId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        profiles.removeCertification(id, certificationId, ifMatch);
        return Response.noContent().build();
    }
}
