package org.sharedict.skills.search;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.paging.PageRequest;
import org.sharedict.skills.search.ExpertDtos.ExpertPage;

@Path("/api/experts")
@Authenticated
@Tag(name = "Experts", description = "Who, across the partnership, has the skills you need")
public class ExpertResource {

    private final ExpertSearch search;

    ExpertResource(ExpertSearch search) {
        this.search = search;
    }

    @GET
    @Operation(summary = "People ranked by how well they match the requested skills, best first")
    public ExpertPage search(@BeanParam @Valid ExpertParams params, @BeanParam @Valid PageRequest page) {
        return search.search(ExpertQuery.parse(params, page), page);
    }
}
