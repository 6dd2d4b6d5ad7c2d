package org.sharedict.gateway.auth;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.Nullable;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
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

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sharedict.gateway.access.ClientAddress;
import org.sharedict.gateway.auth.AuthDtos.LoginRequest;
import org.sharedict.gateway.auth.AuthDtos.LogoutRequest;
import org.sharedict.gateway.auth.AuthDtos.PasswordChange;
import org.sharedict.gateway.auth.AuthDtos.RefreshRequest;
import org.sharedict.gateway.platform.GatewayConfig;
import org.sharedict.gateway.users.UserDtos.UserView;
import org.sharedict.gateway.users.UserService;
import org.sharedict.platform.security.Caller;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

@Path("/api/auth")
@Tag(name = "Sign-in", description = "Password sign-in, token refresh, sign-out, the signed-in user")
public class AuthResource {

    public static final String REFRESH_COOKIE = "sharedict_refresh";

    @Inject
    LoginService login;

    @Inject
    UserService users;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken jwt;

    @Inject
    GatewayConfig config;

    @POST
    @Path("/login")
    @PermitAll
    @Operation(summary = "Sign in with a username and password",
            description = "Answers a short-lived access token (the token contract) and a refresh token, also set as an HttpOnly cookie.")
    public Response login(@Valid @NotNull LoginRequest body, @Context HttpServerRequest request) {
        LoginService.SignedIn s = login.login(body.username(), body.password(), ClientAddress.of(request),
                request.getHeader(HttpHeaders.USER_AGENT));
        return tokens(s);
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @Operation(summary = "Exchange a refresh token for a new access token and a new refresh token",
            description = "Each refresh token works once; presenting a used one ends the session.")
    public Response refresh(@Nullable RefreshRequest body, @CookieParam(REFRESH_COOKIE) String cookie, @Context HttpServerRequest request) {
        String token = body != null && body.refreshToken() != null ? body.refreshToken() : cookie;
        return tokens(login.refresh(token, ClientAddress.of(request)));
    }

    @POST
    @Path("/logout")
    @PermitAll
    @Operation(summary = "Sign out: end this session (or all of the user's sessions)",
            description = "The session is named by the access token, or by a refresh token in the body or cookie. "
                    + "Its access tokens are refused by the gateway from then on.")
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
    public UserView me() {
        return users.me();
    }

    @PUT
    @Path("/password")
    @Authenticated
    @Operation(summary = "Change your own password", description = "Ends your other sessions.")
    public Response changePassword(@Valid @NotNull PasswordChange body) {
        login.changePassword(body.currentPassword(), body.newPassword(), claim("sid"));
        return Response.noContent().build();
    }

    private Response tokens(LoginService.SignedIn s) {
        Duration left = Duration.between(Instant.now(), s.refreshExpiresAt());
        return Response.ok(s.response()).header("Cache-Control", "no-store").cookie(cookie(s.refreshToken(), left)).build();
    }

    private NewCookie cookie(String value, Duration maxAge) {
        boolean secure = config.tokens().cookieSecure().orElse(config.publicUrl().startsWith("https:"));
        return new NewCookie.Builder(REFRESH_COOKIE).value(value).path("/api/auth").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge((int) Math.max(0, maxAge.toSeconds())).build();
    }

    private String claim(String name) {
        Object v = jwt.getClaim(name);
        return v == null ? null : v.toString().replace("\"", "");
    }
}
