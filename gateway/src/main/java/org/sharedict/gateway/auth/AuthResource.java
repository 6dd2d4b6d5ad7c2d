package org.sharedict.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.Nullable;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.gateway.auth.AuthDtos.LoginRequest;
import org.sharedict.gateway.auth.AuthDtos.LogoutRequest;
import org.sharedict.gateway.auth.AuthDtos.PasswordChange;
import org.sharedict.gateway.auth.AuthDtos.RefreshRequest;
import org.sharedict.gateway.auth.AuthDtos.TokenResponse;
import org.sharedict.gateway.platform.ClientAddress;
import org.sharedict.gateway.platform.GatewayConfig;
import org.sharedict.gateway.users.Accounts;
import org.sharedict.gateway.users.UserDtos.UserView;
import org.sharedict.platform.security.Caller;

@Path("/api/auth")
@Tag(name = "Sign-in", description = "Password sign-in, token refresh, sign-out, the signed-in user")
public class AuthResource {

    public static final String REFRESH_COOKIE = "sharedict_refresh";

    private final LoginService login;
    private final Accounts accounts;
    private final Caller caller;
    private final JsonWebToken jwt;
    private final GatewayConfig config;
    private final Clock clock;

    AuthResource(
            LoginService login, Accounts accounts, Caller caller, JsonWebToken jwt, GatewayConfig config, Clock clock) {
        this.login = login;
        this.accounts = accounts;
        this.caller = caller;
        this.jwt = jwt;
        this.config = config;
        this.clock = clock;
    }

    @POST
    @Path("/login")
    @PermitAll
    @Operation(
            summary = "Sign in with a username and password",
            description =
                    "Answers a short-lived access token (the token contract) and a refresh token, also set as an HttpOnly cookie.")
    @APIResponse(
            responseCode = "200",
            description = "Signed in",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(
            responseCode = "401",
            description = "Wrong username or password: the same answer for an unknown username, "
                    + "a disabled account and one that signs in through its council")
    @APIResponse(
            responseCode = "429",
            description = "sign-in-throttled: too many failed sign-ins (for this username from this "
                    + "address, from this address, or for this username from addresses it has not signed in from), the password not "
                    + "checked; or rate-limited. Try again after Retry-After seconds",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait",
                            schema = @Schema(type = SchemaType.INTEGER)))
    public Response login(@Valid @NotNull LoginRequest body, @Context HttpServerRequest request) {
        LoginService.SignedIn s = login.login(
                body.username(), body.password(), ClientAddress.of(request), request.getHeader(HttpHeaders.USER_AGENT));
        return tokens(s);
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @Operation(
            summary = "Exchange a refresh token for a new access token and a new refresh token",
            description = "Each refresh token works once; presenting a used one ends the session.")
    @APIResponse(
            responseCode = "200",
            description = "A new access token and refresh token",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(
            responseCode = "401",
            description = "The refresh token is unknown, used already (the session is ended) or its session has ended")
    public Response refresh(
            @Nullable RefreshRequest body,
            @CookieParam(REFRESH_COOKIE) String cookie,
            @Context HttpServerRequest request) {
        String token = body != null && body.refreshToken() != null ? body.refreshToken() : cookie;
        return tokens(login.refresh(token, ClientAddress.of(request)));
    }

    @POST
    @Path("/logout")
    @PermitAll
    @Operation(
            summary = "Sign out: end this session (or all of the user's sessions)",
            description = "The session is named by the access token, or by a refresh token in the body or cookie. "
                    + "Its access tokens are refused by the gateway from then on.")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "401", description = "Neither an access token nor a refresh token names a session")
    @APIResponse(responseCode = "403", description = "The session is another user's")
    public Response logout(@Nullable LogoutRequest body, @CookieParam(REFRESH_COOKIE) String cookie) {
        String sid = caller.isSignedIn() ? claim("sid") : null;
        String refresh = body != null && body.refreshToken() != null ? body.refreshToken() : cookie;
        login.logout(sid, refresh, body != null && Boolean.TRUE.equals(body.allSessions()));
        return Response.noContent().cookie(cookie("", Duration.ZERO)).build();
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The signed-in user")
    @APIResponse(
            responseCode = "200",
            description = "The user",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "The token's user no longer exists")
    public UserView me() {
        return accounts.me();
    }

    @PUT
    @Path("/password")
    @Authenticated
    @Operation(summary = "Change your own password", description = "Ends your other sessions.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "404", description = "The token's user no longer exists")
    @APIResponse(responseCode = "409", description = "The user signs in through their council and has no password here")
    public Response changePassword(@Valid @NotNull PasswordChange body) {
        login.changePassword(body.currentPassword(), body.newPassword(), claim("sid"));
        return Response.noContent().build();
    }

    private Response tokens(LoginService.SignedIn s) {
        Duration left = Duration.between(Instant.now(clock), s.refreshExpiresAt());
        return Response.ok(s.response())
                .header("Cache-Control", "no-store")
                .cookie(cookie(s.refreshToken(), left))
                .build();
    }

    private NewCookie cookie(String value, Duration maxAge) {
        boolean secure =
                config.tokens().cookieSecure().orElse(config.publicUrl().startsWith("https:"));
        return new NewCookie.Builder(REFRESH_COOKIE)
                .value(value)
                .path("/api/auth")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) Math.max(0, maxAge.toSeconds()))
                .build();
    }

    private String claim(String name) {
        Object v = jwt.getClaim(name);
        return v == null ? null : v.toString().replace("\"", "");
    }
}
