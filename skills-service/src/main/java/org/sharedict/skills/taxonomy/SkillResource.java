package org.sharedict.skills.taxonomy;

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
import jakarta.ws.rs.QueryParam;
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
import org.sharedict.skills.taxonomy.TaxonomyDtos.NewSkill;
import org.sharedict.skills.taxonomy.TaxonomyDtos.SkillUpdate;
import org.sharedict.skills.taxonomy.TaxonomyDtos.SkillView;

@Path("/api/skills")
@Authenticated
@Tag(name = "Skills", description = "The skill taxonomy: skills with codes, names and aliases")
public class SkillResource {

    private final TaxonomyService taxonomy;

    SkillResource(TaxonomyService taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GET
    public Page<SkillView> list(
            @BeanParam @Valid PageRequest page, @QueryParam("category") String category, @QueryParam("q") String q) {
        return taxonomy.listSkills(page, category, q);
    }

    @APIResponse(
            responseCode = "200",
            description = "The skill; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SkillView.class)))
    @APIResponse(responseCode = "404", description = "No such skill")
    @GET
    @Path("/{code}")
    public Response get(@PathParam("code") String code) {
        return taxonomy.getSkill(code)
                .map(s -> Response.ok(s).tag(ETags.of(s.version())))
                .orElseThrow(() -> ProblemException.notFound("Skill", code))
                .build();
    }

    @APIResponse(
            responseCode = "201",
            description = "The skill added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SkillView.class)))
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "409", description = "The code, name or an alias already means another skill")
    @POST
    public Response create(@Valid @NotNull NewSkill body) {
        SkillView s = taxonomy.createSkill(body);
        return Response.created(URI.create("/api/skills/" + s.code()))
                .entity(s)
                .tag(ETags.of(s.version()))
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The skill as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SkillView.class)))
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "404", description = "No such skill")
    @APIResponse(
            responseCode = "409",
            description = "The version sent is not the current one, or the change clashes with stored data")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version field was sent")
    @PUT
    @Path("/{code}")
    public Response update(
            @PathParam("code") String code,
            @Valid @NotNull SkillUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        SkillView s = taxonomy.updateSkill(code, body, ifMatch);
        return Response.ok(s).tag(ETags.of(s.version())).build();
    }

    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "404", description = "No such skill")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "409", description = "People hold this skill")
    @DELETE
    @Path("/{code}")
    public Response delete(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        taxonomy.deleteSkill(code, ifMatch);
        return Response.noContent().build();
    }
}
