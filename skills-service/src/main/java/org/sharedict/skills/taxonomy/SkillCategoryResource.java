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
import org.sharedict.skills.taxonomy.TaxonomyDtos.CategoryUpdate;
import org.sharedict.skills.taxonomy.TaxonomyDtos.CategoryView;
import org.sharedict.skills.taxonomy.TaxonomyDtos.NewCategory;

@Path("/api/skills/categories")
@Authenticated
@Tag(name = "Skills", description = "The skill taxonomy: skills with codes, names and aliases")
public class SkillCategoryResource {

    private final TaxonomyService taxonomy;

    SkillCategoryResource(TaxonomyService taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GET
    public Page<CategoryView> list(@BeanParam @Valid PageRequest page) {
        return taxonomy.listCategories(page);
    }

    @APIResponse(
            responseCode = "200",
            description = "The skill category; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "404", description = "No such skill category")
    @GET
    @Path("/{code}")
    public Response get(@PathParam("code") String code) {
        return taxonomy.getCategory(code)
                .map(c -> Response.ok(c).tag(ETags.of(c.version())))
                .orElseThrow(() -> ProblemException.notFound("Skill category", code))
                .build();
    }

    @APIResponse(
            responseCode = "201",
            description = "The category added",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "409", description = "A category has this code already")
    @POST
    public Response create(@Valid @NotNull NewCategory body) {
        CategoryView c = taxonomy.createCategory(body);
        return Response.created(URI.create("/api/skills/categories/" + c.code()))
                .entity(c)
                .tag(ETags.of(c.version()))
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "The skill category as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "404", description = "No such skill category")
    @APIResponse(
            responseCode = "409",
            description = "The version sent is not the current one, or the change clashes with stored data")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version field was sent")
    @PUT
    @Path("/{code}")
    public Response update(
            @PathParam("code") String code,
            @Valid @NotNull CategoryUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        CategoryView c = taxonomy.updateCategory(code, body, ifMatch);
        return Response.ok(c).tag(ETags.of(c.version())).build();
    }

    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Signed in, but not allowed to change this record")
    @APIResponse(responseCode = "404", description = "No such skill category")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "409", description = "The category still has skills")
    @DELETE
    @Path("/{code}")
    public Response delete(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        taxonomy.deleteCategory(code, ifMatch);
        return Response.noContent().build();
    }
}
