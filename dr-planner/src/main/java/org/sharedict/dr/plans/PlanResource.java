package org.sharedict.dr.plans;

import java.net.URI;
import java.util.List;

import jakarta.annotation.Nullable;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
import org.sharedict.platform.web.ETags;

@Path("/api/dr/plans")
@Authenticated
@Tag(name = "DR plans", description = "Partner plans: customisation, diff and rebase, approval, revisions")
public class PlanResource {

    private final PlanService plans;
    private final PlanLoader loader;
    private final PlanApprovals approvals;
    private final PlanRebase rebases;

    public PlanResource(PlanService plans, PlanLoader loader, PlanApprovals approvals, PlanRebase rebases) {
        this.plans = plans;
        this.loader = loader;
        this.approvals = approvals;
        this.rebases = rebases;
    }

    @GET
    public Page<PlanSummary> list(
            @QueryParam("partner") String partner,
            @QueryParam("status") Plan.Status status,
            @BeanParam @Valid PageRequest page) {
        return plans.list(partner, status, page);
    }

    @APIResponse(
            responseCode = "201",
            description = "The draft plan",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such template")
    @APIResponse(responseCode = "409", description = "Clashes with stored data")
    @POST
    public Response create(@Valid @NotNull NewPlan body) {
        return created(plans.create(body));
    }

    @APIResponse(
            responseCode = "200",
            description = "The plan revision; ETag is its version",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        return ok(plans.get(id));
    }

    @APIResponse(
            responseCode = "200",
            description = "The draft as changed",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(
            responseCode = "409",
            description = "The revision is not a draft, or the version sent is not the current one")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version field was sent")
    @PUT
    @Path("/{id}")
    public Response update(
            @PathParam("id") long id,
            @Valid @NotNull PlanUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(plans.update(id, body, ifMatch));
    }

    @APIResponse(responseCode = "204", description = "The draft is removed")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "Only a draft is removed")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        plans.delete(id, ifMatch);
        return Response.noContent().build();
    }

    /** Replaces the plan's overrides, additions and exclusions as a whole. */
    @APIResponse(
            responseCode = "200",
            description = "The draft with its new customisation",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(
            responseCode = "409",
            description = "The revision is not a draft, or the version sent is not the current one")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version field was sent")
    @PUT
    @Path("/{id}/customisation")
    public Response customise(
            @PathParam("id") long id,
            @Valid @NotNull CustomisationUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(plans.customise(id, body, ifMatch));
    }

    @APIResponse(
            responseCode = "200",
            description = "The plan as it would run: template version and customisation",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EffectiveView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @GET
    @Path("/{id}/effective")
    public EffectiveView effective(@PathParam("id") long id) {
        return loader.effective(id);
    }

    @APIResponse(
            responseCode = "200",
            description = "Every override, addition and exclusion against the template version",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DiffView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @GET
    @Path("/{id}/diff")
    public DiffView diff(@PathParam("id") long id) {
        return loader.diff(id);
    }

    @APIResponse(
            responseCode = "200",
            description = "What the rebase did, or would do with dryRun",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RebaseView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(
            responseCode = "409",
            description = "Blocking conflicts (the conflicts member lists them), the revision is not a draft,"
                    + " or the version sent is not the current one")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version field was sent")
    @POST
    @Path("/{id}/rebase")
    public Response rebase(
            @PathParam("id") long id,
            @Valid @NotNull RebaseRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        RebaseView r = rebases.rebase(id, body, ifMatch);
        return Response.ok(r).tag(ETags.of(r.version())).build();
    }

    @APIResponse(
            responseCode = "200",
            description = "Every revision of the plan, first to last",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = PlanSummary.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @GET
    @Path("/{id}/revisions")
    public List<PlanSummary> revisions(@PathParam("id") long id) {
        return plans.revisions(id);
    }

    @APIResponse(
            responseCode = "201",
            description = "The next revision, a draft copy",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "A draft or submitted revision of this plan exists")
    @POST
    @Path("/{id}/revisions")
    public Response newRevision(@PathParam("id") long id) {
        return created(plans.newRevision(id));
    }

    @APIResponse(
            responseCode = "200",
            description = "The revision, submitted",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "The revision is not a draft")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @APIResponse(responseCode = "422", description = "The plan's dependencies form a cycle (the cycle member lists it)")
    @POST
    @Path("/{id}/submit")
    public Response submit(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(approvals.submit(id, ifMatch));
    }

    /** The body, an optional note, may be left out altogether; a body of JSON {@code null} is not a note. */
    @APIResponse(
            responseCode = "200",
            description = "The revision, approved",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "The revision is not submitted")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response approve(
            @PathParam("id") long id,
            @Valid @Nullable @RequestBody(required = false) Decision body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(approvals.approve(id, body == null ? null : body.note(), ifMatch));
    }

    @APIResponse(
            responseCode = "200",
            description = "The revision, back to draft",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "The revision is not submitted")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    @POST
    @Path("/{id}/reject")
    public Response reject(
            @PathParam("id") long id,
            @Valid @NotNull Rejection body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(approvals.reject(id, body.reason(), ifMatch));
    }

    private static Response ok(PlanView p) {
        return Response.ok(p).tag(ETags.of(p.version())).build();
    }

    private static Response created(PlanView p) {
        return Response.created(URI.create("/api/dr/plans/" + p.id()))
                .entity(p)
                .tag(ETags.of(p.version()))
                .build();
    }
}
