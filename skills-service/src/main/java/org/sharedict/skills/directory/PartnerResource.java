package org.sharedict.skills.directory;

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
import org.sharedict.skills.directory.PartnerDtos.NewPartner;
import org.sharedict.skills.directory.PartnerDtos.PartnerUpdate;
import org.sharedict.skills.directory.PartnerDtos.PartnerView;

import io.quarkus.security.Authenticated;

@Path("/api/partners")
@Authenticated
@Tag(name = "Partners", description = "The organisations in the partnership")
public class PartnerResource {

    @Inject
    PartnerService partners;

    @GET
    public Page<PartnerView> list(@BeanParam @Valid PageRequest page) {
        return partners.list(page);
    }

    @GET
    @Path("/{code}")
    public Response get(@PathParam("code") String code) {
        return partners.get(code)
                .map(p -> Response.ok(p).tag(ETags.of(p.version())))
                .orElseThrow(() -> ProblemException.notFound("Partner", code))
                .build();
    }

    @POST
    public Response create(@Valid @NotNull NewPartner body) {
        PartnerView p = partners.create(body);
        return Response.created(URI.create("/api/partners/" + p.code())).entity(p).tag(ETags.of(p.version())).build();
    }

    @PUT
    @Path("/{code}")
    public Response update(@PathParam("code") String code, @Valid @NotNull PartnerUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PartnerView p = partners.update(code, body, ifMatch);
        return Response.ok(p).tag(ETags.of(p.version())).build();
    }

    @DELETE
    @Path("/{code}")
    public Response delete(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        partners.delete(code, ifMatch);
        return Response.noContent().build();
    }
}
