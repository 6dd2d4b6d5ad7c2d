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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.web.ETags;
import org.sharedict.skills.taxonomy.TaxonomyDtos.NewSkill;
import org.sharedict.skills.taxonomy.TaxonomyDtos.SkillUpdate;
import org.sharedict.skills.taxonomy.TaxonomyDtos.SkillView;

import io.quarkus.security.Authenticated;

@Path("/api/skills")
@Authenticated
@Tag(name = "Skills", description = "The skill taxonomy: skills with codes, names and aliases")
public class SkillResource {

    @Inject
    TaxonomyService taxonomy;

    @GET
    public Page<SkillView> list(@BeanParam @Valid PageRequest page, @QueryParam("category") String category,
            @QueryParam("q") String q) {
        return taxonomy.listSkills(page, category, q);
    }

    @GET
    @Path("/{code}")
    public Response get(@PathParam("code") String code) {
        return taxonomy.getSkill(code)
                .map(s -> Response.ok(s).tag(ETags.of(s.version())))
                .orElseThrow(() -> ProblemException.notFound("Skill", code))
                .build();
    }

    @POST
    public Response create(@Valid @NotNull NewSkill body) {
        SkillView s = taxonomy.createSkill(body);
        return Response.created(URI.create("/api/skills/" + s.code())).entity(s).tag(ETags.of(s.version())).build();
    }

    @PUT
    @Path("/{code}")
    public Response update(@PathParam("code") String code, @Valid @NotNull SkillUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        SkillView s = taxonomy.updateSkill(code, body, ifMatch);
        return Response.ok(s).tag(ETags.of(s.version())).build();
    }

    @DELETE
    @Path("/{code}")
    public Response delete(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        taxonomy.deleteSkill(code, ifMatch);
        return Response.noContent().build();
    }
}
