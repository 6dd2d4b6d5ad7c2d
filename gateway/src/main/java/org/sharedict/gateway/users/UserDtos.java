package org.sharedict.gateway.users;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.platform.partnership.Partnership;

/** Users at the API edge. Password hashes never leave the gateway. */
public final class UserDtos {

    public static final String USERNAME = "(?i)[a-z0-9][a-z0-9._@-]{1,63}";
    public static final String USERNAME_MESSAGE =
            "must be 2 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit";
    public static final String PARTNER = Partnership.CODE;
    public static final String PARTNER_MESSAGE = "must be a partner code of 2 to 16 letters or digits";

    private UserDtos() {}

    /**
     * A user. {@code failedSignIns}: recent failed sign-ins, from every address; {@code signInsDelayedUntil}:
     * while failed sign-ins delay further attempts (from some address, or from addresses the user
     * never signed in from), until when; an admin or the user's manager clears both with unlock.
     */
    public record UserView(
            long id,
            String username,
            String displayName,
            @Schema(nullable = true) String email,

            @Schema(nullable = true, description = "None for partnership admins")
            String partner,

            @Schema(nullable = true) Long personId,
            List<String> roles,
            boolean enabled,
            int failedSignIns,

            @Schema(nullable = true, implementation = String.class, format = "date-time")
            Instant signInsDelayedUntil,

            @Schema(nullable = true, implementation = String.class, format = "date-time")
            Instant lastSignInAt,

            @Schema(description = "password, or oidc:<provider>")
            String signIn,

            long version,
            Instant createdAt,
            Instant updatedAt) {

        public static UserView of(User u, SignInDelays.State throttle) {
            return new UserView(
                    u.id,
                    u.username,
                    u.displayName,
                    u.email,
                    u.partner,
                    u.personId,
                    List.copyOf(u.roles()),
                    u.enabled,
                    throttle.failures(),
                    throttle.delayedUntil(),
                    u.lastSignInAt,
                    u.externalProvider == null ? "password" : "oidc:" + u.externalProvider,
                    u.version,
                    u.createdAt,
                    u.updatedAt);
        }
    }

    public record NewUser(
            @NotBlank @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE)
            String username,

            @NotBlank @Size(max = 120) String displayName,
            @Email @Size(max = 254) String email,

            @Pattern(regexp = PARTNER, message = PARTNER_MESSAGE)
            String partner,

            @Positive Long personId,
            @NotEmpty List<@NotBlank String> roles,
            @NotBlank String password,
            Boolean enabled) {}

    public record UserUpdate(
            @NotBlank @Size(max = 120) String displayName,
            @Email @Size(max = 254) String email,

            @Pattern(regexp = PARTNER, message = PARTNER_MESSAGE)
            String partner,

            @Positive Long personId,
            @NotEmpty List<@NotBlank String> roles,
            @NotNull Boolean enabled,
            Long version) {}

    public record PasswordReset(@NotBlank String password) {}
}
