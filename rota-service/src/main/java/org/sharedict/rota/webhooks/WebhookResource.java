package org.sharedict.rota.webhooks;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.web.ETags;
import org.sharedict.platform.web.QueryParams;
import org.sharedict.rota.webhooks.WebhookDtos.AttemptView;
import org.sharedict.rota.webhooks.WebhookDtos.WebhookInput;
import org.sharedict.rota.webhooks.WebhookDtos.WebhookUpdate;
import org.sharedict.rota.webhooks.WebhookDtos.WebhookView;

@Path("/api/webhooks")
@Authenticated
@Tag(
        name = "Lifecycle webhooks",
        description =
                "A partner's subscribers to incident.triggered, .acknowledged, .escalated and .resolved, signed calls")
public class WebhookResource {

    private final WebhookService webhooks;

    public WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @APIResponse(
            responseCode = "200",
            description = "The subscriptions of the partner (managers: their own by default; admins: all by default)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "403", description = "Not an admin or a manager of that partner")
    public List<WebhookView> list(@QueryParam("partner") String partner) {
        return webhooks.list(QueryParams.partner("partner", partner, false));
    }

    @POST
    @APIResponse(
            responseCode = "201",
            description = "Subscribed; the answer carries the signing secret, shown this once",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "403", description = "Not an admin or a manager of that partner")
    public Response create(@Valid @NotNull WebhookInput body) {
        WebhookView v = webhooks.create(body);
        return Response.created(URI.create("/api/webhooks/" + v.id())).entity(v).build();
    }

    @GET
    @Path("/{id:\\d+}")
    @APIResponse(
            responseCode = "200",
            description = "The subscription (without its secret)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "403", description = "Not an admin or a manager of its partner")
    @APIResponse(responseCode = "404", description = "No subscription has this ID")
    public Response get(@PathParam("id") long id) {
        WebhookView v = webhooks.get(id);
        return Response.ok(v).tag(ETags.of(v.version())).build();
    }

    @PUT
    @Path("/{id:\\d+}")
    @APIResponse(
            responseCode = "200",
            description = "The subscription as changed (its secret unchanged and not shown), with its version as ETag",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "403", description = "Not an admin or a manager of its partner")
    @APIResponse(responseCode = "404", description = "No subscription has this ID")
    @APIResponse(responseCode = "409", description = "The body's version is not the stored one: reload and edit again")
    @APIResponse(
            responseCode = "412",
            description = "If-Match names a version that is no longer current: reload and edit again")
    @APIResponse(
            responseCode = "428",
            description = "Neither If-Match nor the body's version says which version was edited")
    public Response update(
            @PathParam("id") long id,
            @Valid @NotNull WebhookUpdate body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        WebhookView v = webhooks.update(id, body, ifMatch);
        return Response.ok(v).tag(ETags.of(v.version())).build();
    }

    @POST
    @Path("/{id:\\d+}/rotate-secret")
    @APIResponse(
            responseCode = "200",
            description = "A new signing secret, in this answer only; the old one signs nothing from now on",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "403", description = "Not an admin or a manager of its partner")
    @APIResponse(responseCode = "404", description = "No subscription has this ID")
    public Response rotateSecret(@PathParam("id") long id) {
        WebhookView v = webhooks.rotateSecret(id);
        return Response.ok(v).tag(ETags.of(v.version())).build();
    }

    @DELETE
    @Path("/{id:\\d+}")
    @APIResponse(responseCode = "204", description = "Unsubscribed; calls still pending are not made")
    @APIResponse(responseCode = "403", description = "Not an admin or a manager of its partner")
    @APIResponse(responseCode = "404", description = "No subscription has this ID")
    public Response delete(@PathParam("id") long id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id:\\d+}/test")
    @APIResponse(
            responseCode = "202",
            description = "A signed test call (event \"test\") is queued; follow it in the attempts",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AttemptView.class)))
    @APIResponse(responseCode = "403", description = "Not an admin or a manager of its partner")
    @APIResponse(responseCode = "404", description = "No subscription has this ID")
    public Response test(@PathParam("id") long id) {
        return Response.accepted(webhooks.test(id)).build();
    }

    @GET
    @Path("/{id:\\d+}/attempts")
    @APIResponse(
            responseCode = "200",
            description = "The last 20 calls to this subscriber, newest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AttemptView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "403", description = "Not an admin or a manager of its partner")
    @APIResponse(responseCode = "404", description = "No subscription has this ID")
    public List<AttemptView> attempts(@PathParam("id") long id) {
        return webhooks.attempts(id);
    }
}
