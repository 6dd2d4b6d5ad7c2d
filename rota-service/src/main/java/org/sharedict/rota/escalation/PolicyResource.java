package org.sharedict.rota.escalation;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.web.ETags;
import org.sharedict.platform.web.QueryParams;
import org.sharedict.rota.escalation.PolicyDtos.DefaultInput;
import org.sharedict.rota.escalation.PolicyDtos.DefaultView;
import org.sharedict.rota.escalation.PolicyDtos.PolicyInput;
import org.sharedict.rota.escalation.PolicyDtos.PolicyView;

@Path("/api/escalation-policies")
@Authenticated
@Tag(name = "Escalation policies", description = "Who is paged, in what order, after how long; each partner's default")
public class PolicyResource {

    private final PolicyService policies;
    private final DefaultPolicies defaults;

    public PolicyResource(PolicyService policies, DefaultPolicies defaults) {
        this.policies = policies;
        this.defaults = defaults;
    }

    @GET
    public List<PolicyView> list(@QueryParam("partner") String partner) {
        return policies.list(QueryParams.partner("partner", partner, false));
    }

    @GET
    @Path("/{id}")
    @APIResponse(
            responseCode = "200",
            description = "The policy, with its version as ETag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "404", description = "No escalation policy has this ID")
    public Response get(@PathParam("id") long id) {
        return policies.get(id)
                .map(p -> Response.ok(p).tag(ETags.of(p.version())))
                .orElseThrow(() -> ProblemException.notFound("Escalation policy", id))
                .build();
    }

    @POST
    @APIResponse(
            responseCode = "201",
            description = "The policy created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "409", description = "Another policy has this name")
    public Response create(@Valid @NotNull PolicyInput body) {
        PolicyView p = policies.create(body);
        return Response.created(URI.create("/api/escalation-policies/" + p.id()))
                .entity(p)
                .tag(ETags.of(p.version()))
                .build();
    }

    @PUT
    @Path("/{id}")
    @APIResponse(
            responseCode = "200",
            description = "The policy as changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "404", description = "No escalation policy has this ID")
    @APIResponse(
            responseCode = "409",
            description = "Another policy has this name, or the body's version is not the stored one")
    @APIResponse(
            responseCode = "412",
            description = "If-Match names a version that is no longer current: reload and edit again")
    @APIResponse(
            responseCode = "428",
            description = "Neither If-Match nor the body's version says which version was edited")
    public Response update(
            @PathParam("id") long id,
            @Valid @NotNull PolicyInput body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PolicyView p = policies.update(id, body, ifMatch);
        return Response.ok(p).tag(ETags.of(p.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No escalation policy has this ID")
    @APIResponse(responseCode = "409", description = "The policy is a partner's or a rota's default")
    public Response delete(@PathParam("id") long id) {
        policies.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/defaults")
    public List<DefaultView> defaults() {
        return defaults.defaults();
    }

    /** The policy incidents of {@code partner} follow when they name none. */
    @APIResponse(
            responseCode = "200",
            description = "The partner's default policy, as set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DefaultView.class)))
    @APIResponse(responseCode = "404", description = "skills-service has no partner with this code")
    @PUT
    @Path("/defaults/{partner}")
    public DefaultView setDefault(@PathParam("partner") String partner, @Valid @NotNull DefaultInput body) {
        return defaults.setDefault(QueryParams.partner("partner", partner, true), body.policyId());
    }
}
