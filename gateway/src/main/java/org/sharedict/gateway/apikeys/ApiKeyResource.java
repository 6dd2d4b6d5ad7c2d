package org.sharedict.gateway.apikeys;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.gateway.apikeys.ApiKeyDtos.CreatedKey;
import org.sharedict.gateway.apikeys.ApiKeyDtos.KeyView;
import org.sharedict.gateway.apikeys.ApiKeyDtos.NewKey;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;

@Path("/api/api-keys")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
@Tag(name = "API keys", description = "Keys for machine clients (monitoring systems raising incidents): X-Api-Key")
public class ApiKeyResource {

    private final ApiKeyService keys;

    ApiKeyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @GET
    @Operation(summary = "API keys (managers: their own partner's); revoked ones with includeRevoked=true")
    public Page<KeyView> list(
            @QueryParam("partner") String partner,
            @QueryParam("includeRevoked") boolean includeRevoked,
            @BeanParam @Valid PageRequest page) {
        return keys.list(partner, includeRevoked, page);
    }

    @POST
    @Operation(
            summary = "Create a key for a partner with named permissions",
            description = "The key is in this answer only.")
    @APIResponse(
            responseCode = "201",
            description = "Created: the key, shown this once",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatedKey.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = "The key's record",
                            schema = @Schema(implementation = String.class)))
    public Response create(@Valid @NotNull NewKey body) {
        CreatedKey k = keys.create(body);
        return Response.created(URI.create("/api/api-keys/" + k.apiKey().id()))
                .entity(k)
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An API key's record (never the key)")
    @APIResponse(
            responseCode = "200",
            description = "The record",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeyView.class)),
            headers =
                    @Header(
                            name = "ETag",
                            description = "The version",
                            schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "404", description = "No such key")
    public Response get(@PathParam("id") long id) {
        KeyView k = keys.get(id);
        return Response.ok(k).tag(ETags.of(k.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Revoke a key",
            description = "It stops working at once on this instance and within "
                    + "gateway.api-keys.cache-for on the others; the record stays, marked revoked.")
    @APIResponse(
            responseCode = "200",
            description = "Revoked",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KeyView.class)))
    @APIResponse(responseCode = "404", description = "No such key")
    public KeyView revoke(@PathParam("id") long id) {
        return keys.revoke(id);
    }
}
