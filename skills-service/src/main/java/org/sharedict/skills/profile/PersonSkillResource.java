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
import org.sharedict.skills.profile.ProfileDtos.NewPersonSkill;
import org.sharedict.skills.profile.ProfileDtos.PersonSkillUpdate;
import org.sharedict.skills.profile.ProfileDtos.PersonSkillView;

@Path("/api/people/{id}/skills")
@Authenticated
@Tag(name = "Person skills", description = "The skills a person holds, at which level, verified or not")
public class PersonSkillResource {

    private final ProfileService profiles;

    PersonSkillResource(ProfileService profiles) {
        this.profiles = profiles;
    }

    @APIResponse(
            responseCode = "200",
            description = "All of them",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = PersonSkillView.class)))
    @APIResponse(responseCode = "404", description = "No such person")
    @GET
    public List<PersonSkillView> list(@PathParam("id") long id) {
        return profiles.skills(id);
    }

    @APIResponse(
            responseCode = "200",
            description = "The skill of this person; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonSkillView.class)))
    @APIResponse(responseCode = "404", description = "No such skill of this person")
    @GET
    @Path("/{code}")
    public Response get(@PathParam("id") long id, @PathParam("code") String code) {
        PersonSkillView s = profiles.skill(id, code);
        return Response.ok(s).tag(ETags.of(s.version())).build();
    }

    @APIResponse(
            responseCode = "201",
            description = "The skill added to the profile",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonSkillView.class)))
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "404", description = "No such person")
    @APIResponse(responseCode = "409", description = "The person holds this skill already")
    @POST
    public Response add(@PathParam("id") long id, @Valid @NotNull NewPersonSkill body) {
        PersonSkillView s = profiles.addSkill(id, body);
        return Response.created(URI.create("/api/people/" + id + "/skills/" + s.skill()))
                .entity(s)
                .tag(ETags.of(s.version()))
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The skill of this person as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonSkillView.class)))
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "404", description = "No such skill of this person")
    @APIResponse(
            responseCode = "409",
            description = "The version sent is not the current one, or the change clashes with stored data")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version field was sent")
    @PUT
    @Path("/{code}")
    public Response update(
            @PathParam("id") long id,
            @PathParam("code") String code,
            @Valid @NotNull PersonSkillUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PersonSkillView s = profiles.updateSkill(id, code, body, ifMatch);
        return Response.ok(s).tag(ETags.of(s.version())).build();
    }

    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "404", description = "No such skill of this person")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @DELETE
    @Path("/{code}")
    public Response remove(
            @PathParam("id") long id,
            @PathParam("code") String code,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        profiles.removeSkill(id, code, ifMatch);
        return Response.noContent().build();
    }
}
