package org.sharedict.gateway.auth;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.sharedict.gateway.users.UserDtos.UserView;

/** Sign-in, refresh and sign-out at the API edge. */
public final class AuthDtos {

    private AuthDtos() {}

    public record LoginRequest(
            @NotBlank @Size(max = 254) String username,
            @NotBlank @Size(max = 200) String password) {}

    /** The refresh token may come in the body or in the HttpOnly cookie set at sign-in. */
    public record RefreshRequest(String refreshToken) {}

    public record LogoutRequest(String refreshToken, Boolean allSessions) {}

    public record PasswordChange(
            @NotBlank String currentPassword, @NotBlank String newPassword) {}

    /** What a sign-in or refresh answers: a short-lived access token and the next refresh token. */
    public record TokenResponse(
            String accessToken,
            String tokenType,
            long expiresIn,
            Instant expiresAt,
            String refreshToken,
            Instant refreshExpiresAt,
            UserView user) {}

    public record ProviderView(String name, String displayName, String startUrl) {}
}
