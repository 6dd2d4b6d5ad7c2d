package org.sharedict.skills.taxonomy;

import java.net.URI;

import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.web.ETags;
import org.sharedict.skills.taxonomy.TaxonomyDtos.CategoryUpdate;
import org.sharedict.skills.taxonomy.TaxonomyDtos.CategoryView;
import org.sharedict.skills.taxonomy.TaxonomyDtos.NewCategory;

import io.quarkus.security.Authenticated;

@Path("/api/skills/categories")
@Authenticated
@Tag(name = "Skills", description = "The skill taxonomy: skills with codes, names and aliases")
public class SkillCategoryResource {

    @Inject
    TaxonomyService taxonomy;

    @GET
    public Page<CategoryView> list(@BeanParam @Valid PageRequest page) {
        return taxonomy.listCategories(page);
    }

    @GET
    @Path("/{code}")
    public Response get(@PathParam("code") String code) {
        return taxonomy.getCategory(code)
                .map(c -> Response.ok(c).tag(ETags.of(c.version())))
                .orElseThrow(() -> ProblemException.notFound("Skill category", code))
                .build();
    }

    @POST
    public Response create(@Valid @NotNull NewCategory body) {
        CategoryView c = taxonomy.createCategory(body);
        return Response.created(URI.create("/api/skills/categories/" + c.code())).entity(c).tag(ETags.of(c.version())).build();
    }

    @PUT
    @Path("/{code}")
    public Response update(@PathParam("code") String code, @Valid @NotNull CategoryUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        CategoryView c = taxonomy.updateCategory(code, body, ifMatch);
        return Response.ok(c).tag(ETags.of(c.version())).build();
    }

    @DELETE
    @Path("/{code}")
    public Response delete(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        taxonomy.deleteCategory(code, ifMatch);
        return Response.noContent().build();
    }
}
