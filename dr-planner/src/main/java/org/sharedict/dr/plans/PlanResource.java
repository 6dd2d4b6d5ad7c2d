package org.sharedict.dr.plans;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sharedict.dr.plans.PlanDtos.CustomisationUpdate;
import org.sharedict.dr.plans.PlanDtos.Decision;
import org.sharedict.dr.plans.PlanDtos.DiffView;
import org.sharedict.dr.plans.PlanDtos.EffectiveView;
import org.sharedict.dr.plans.PlanDtos.NewPlan;
import org.sharedict.dr.plans.PlanDtos.PlanSummary;
import org.sharedict.dr.plans.PlanDtos.PlanUpdate;
import org.sharedict.dr.plans.PlanDtos.PlanView;
import org.sharedict.dr.plans.PlanDtos.RebaseRequest;
import org.sharedict.dr.plans.PlanDtos.RebaseView;
import org.sharedict.dr.plans.PlanDtos.Rejection;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.web.ETags;

import io.quarkus.security.Authenticated;

@Path("/api/dr/plans")
@Authenticated
@Tag(name = "DR plans", description = "Partner plans: customisation, diff and rebase, approval, revisions")
public class PlanResource {

    @Inject
    PlanService plans;

    @GET
    public Page<PlanSummary> list(@QueryParam("partner") String partner, @QueryParam("status") Plan.Status status,
            @BeanParam @Valid PageRequest page) {
        return plans.list(partner, status, page);
    }

    @POST
    public Response create(@Valid @NotNull NewPlan body) {
        return created(plans.create(body));
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        return ok(plans.get(id));
    }

    @PUT
    @Path("/{id}")
    public Response update(@PathParam("id") long id, @Valid @NotNull PlanUpdate body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(plans.update(id, body, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        plans.delete(id, ifMatch);
        return Response.noContent().build();
    }

    /** Replaces the plan's overrides, additions and exclusions as a whole. */
    @PUT
    @Path("/{id}/customisation")
    public Response customise(@PathParam("id") long id, @Valid @NotNull CustomisationUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(plans.customise(id, body, ifMatch));
    }

    @GET
    @Path("/{id}/effective")
    public EffectiveView effective(@PathParam("id") long id) {
        return plans.effective(id);
    }

    @GET
    @Path("/{id}/diff")
    public DiffView diff(@PathParam("id") long id) {
        return plans.diff(id);
    }

    @POST
    @Path("/{id}/rebase")
    public Response rebase(@PathParam("id") long id, @Valid @NotNull RebaseRequest body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        RebaseView r = plans.rebase(id, body, ifMatch);
        return Response.ok(r).tag(ETags.of(r.version())).build();
    }

    @GET
    @Path("/{id}/revisions")
    public List<PlanSummary> revisions(@PathParam("id") long id) {
        return plans.revisions(id);
    }

    @POST
    @Path("/{id}/revisions")
    public Response newRevision(@PathParam("id") long id) {
        return created(plans.newRevision(id));
    }

    @POST
    @Path("/{id}/submit")
    public Response submit(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(plans.submit(id, ifMatch));
    }

    /** The body, an optional note, may be left out altogether; a body of JSON {@code null} is not a note. */
    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response approve(@PathParam("id") long id, @Valid Decision body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context HttpHeaders headers) {
        if (body == null && (headers.getLength() > 0 || headers.getHeaderString("Transfer-Encoding") != null)) {
            throw ProblemException.invalid("body", "must be an object such as {\"note\": \"...\"}, or left out; not null");
        }
        return ok(plans.approve(id, body == null ? null : body.note(), ifMatch));
    }

    @POST
    @Path("/{id}/reject")
    public Response reject(@PathParam("id") long id, @Valid @NotNull Rejection body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(plans.reject(id, body.reason(), ifMatch));
    }

    private static Response ok(PlanView p) {
        return Response.ok(p).tag(ETags.of(p.version())).build();
    }

    private static Response created(PlanView p) {
        return Response.created(URI.create("/api/dr/plans/" + p.id())).entity(p).tag(ETags.of(p.version())).build();
    }
}
