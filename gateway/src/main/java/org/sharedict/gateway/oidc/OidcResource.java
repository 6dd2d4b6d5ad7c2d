package org.sharedict.gateway.oidc;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.gateway.auth.AuthDtos.ProviderView;
import org.sharedict.gateway.auth.AuthDtos.TokenResponse;
import org.sharedict.gateway.auth.AuthResource;
import org.sharedict.gateway.auth.LoginService;
import org.sharedict.gateway.platform.ClientAddress;
import org.sharedict.gateway.platform.GatewayConfig;
import org.sharedict.gateway.platform.Unauthenticated;
import org.sharedict.platform.problem.ProblemException;

@Path("/api/auth")
@Tag(name = "Sign-in", description = "Password sign-in, token refresh, sign-out, the signed-in user")
public class OidcResource {

    private final OidcService oidc;
    private final GatewayConfig config;
    private final Clock clock;

    OidcResource(OidcService oidc, GatewayConfig config, Clock clock) {
        this.oidc = oidc;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("/providers")
    @PermitAll
    @Operation(summary = "External sign-in providers (OpenID Connect) configured for the partnership")
    public List<ProviderView> providers() {
        return config.oidc().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new ProviderView(
                        e.getKey(),
                        e.getValue().displayName().orElse(e.getKey()),
                        "/api/auth/oidc/" + e.getKey() + "/start"))
                .toList();
    }

    @GET
    @Path("/oidc/{provider}/start")
    @PermitAll
    @Operation(
            summary = "Start signing in at an external provider",
            description =
                    "Redirects (302) to the provider. " + "returnTo: the path on this site to come back to afterwards.")
    @APIResponse(
            responseCode = "302",
            description = "To the provider's sign-in page",
            headers =
                    @Header(
                            name = "Location",
                            description = "The provider's authorization URL",
                            schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "404", description = "No such provider")
    public Response start(@PathParam("provider") String provider, @QueryParam("returnTo") String returnTo) {
        return Response.status(Response.Status.FOUND)
                .location(URI.create(oidc.start(provider, returnTo).authorizationUrl()))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/oidc/{provider}/callback")
    @PermitAll
    @Operation(
            summary = "Where the provider sends the browser back",
            description =
                    "With Accept: application/json answers the tokens like POST /api/auth/login; otherwise sets the "
                            + "refresh cookie and redirects to returnTo, where the web app calls POST /api/auth/refresh.")
    @APIResponse(
            responseCode = "200",
            description = "Signed in (Accept: application/json)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(
            responseCode = "302",
            description = "Signed in: the refresh cookie is set; to returnTo",
            headers =
                    @Header(
                            name = "Location",
                            description = "returnTo, a path on this site",
                            schema = @Schema(implementation = String.class)))
    @APIResponse(
            responseCode = "401",
            description =
                    "The provider did not sign the user in, or its ID token is not valid, or the account is disabled")
    @APIResponse(
            responseCode = "403",
            description = "The user is in none of the groups that give a role here, or has no partner")
    @APIResponse(responseCode = "404", description = "No such provider")
    @APIResponse(responseCode = "409", description = "Another account already has the username the provider gives")
    @APIResponse(
            responseCode = "303",
            description =
                    "Not signed in, for a browser (Accept: text/html, not application/json): to the web app's sign-in page,"
                            + " /#/sign-in?councilError=not-signed-in|no-access|username-taken|expired|unavailable&provider=",
            headers = @Header(name = "Location", schema = @Schema(implementation = String.class)))
    public Response callback(
            @PathParam("provider") String provider,
            @QueryParam("code") String code,
            @QueryParam("state") String state,
            @QueryParam("error") String error,
            @QueryParam("error_description") String errorDescription,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Context HttpServerRequest request) {
        // Only a browser's navigation (it asks for text/html) is sent on to the app's page; any other
        // client gets the problem itself.
        if (accept == null || !accept.contains("text/html") || accept.contains("application/json")) {
            return signIn(provider, code, state, error, errorDescription, accept, request);
        }
        try {
            return signIn(provider, code, state, error, errorDescription, accept, request);
        } catch (ProblemException e) {
            // A browser would land on a page of JSON: the app's sign-in page says what went wrong, in words.
            return Response.seeOther(URI.create("/#/sign-in?councilError=" + councilError(e.problem().status)
                            + "&provider=" + URLEncoder.encode(provider, StandardCharsets.UTF_8)))
                    .header("Cache-Control", "no-store")
                    .build();
        }
    }

    /** Why a council sign-in failed, as the web app's sign-in page names it. */
    static String councilError(int status) {
        return switch (status) {
            case 401 -> "not-signed-in";
            case 403 -> "no-access";
            case 409 -> "username-taken";
            case 400 -> "expired";
            default -> "unavailable";
        };
    }

    private Response signIn(
            String provider,
            String code,
            String state,
            String error,
            String errorDescription,
            String accept,
            HttpServerRequest request) {
        OidcLogin pending = oidc.consume(provider, state);
        if (error != null) {
            throw new Unauthenticated("The sign-in provider " + provider + " did not sign you in: " + error
                    + (errorDescription == null ? "" : " (" + errorDescription + ")"));
        }
        if (code == null || code.isBlank()) {
            throw ProblemException.invalid("code", "is required");
        }
        OidcService.Verified v = oidc.exchange(provider, code, pending);
        LoginService.SignedIn s =
                oidc.signIn(provider, v, ClientAddress.of(request), request.getHeader(HttpHeaders.USER_AGENT));
        boolean secure =
                config.tokens().cookieSecure().orElse(config.publicUrl().startsWith("https:"));
        NewCookie cookie = new NewCookie.Builder(AuthResource.REFRESH_COOKIE)
                .value(s.refreshToken())
                .path("/api/auth")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) Math.max(
                        0,
                        Duration.between(Instant.now(clock), s.refreshExpiresAt())
                                .toSeconds()))
                .build();
        if (accept != null && accept.contains("application/json")) {
            return Response.ok(s.response())
                    .header("Cache-Control", "no-store")
                    .cookie(cookie)
                    .build();
        }
        return Response.status(Response.Status.FOUND)
                .location(URI.create(pending.returnTo == null ? "/" : pending.returnTo))
                .header("Cache-Control", "no-store")
                .cookie(cookie)
                .build();
    }
}
