package org.sharedict.gateway.apikeys;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.gateway.users.UserDtos;

/** API keys at the API edge. The key itself appears once, in {@link CreatedKey}. */
public final class ApiKeyDtos {

    private ApiKeyDtos() {}

    public record NewKey(
            @NotBlank @Size(max = 120) String name,

            @NotBlank @Pattern(regexp = UserDtos.PARTNER, message = UserDtos.PARTNER_MESSAGE)
            String partner,

            @NotEmpty List<@NotBlank String> permissions,
            @Future Instant expiresAt) {}

    public record KeyView(
            long id,
            String name,
            String partner,
            List<String> permissions,
            String prefix,
            String createdBy,
            Instant createdAt,

            @Schema(nullable = true, implementation = String.class, format = "date-time")
            Instant expiresAt,

            @Schema(nullable = true, implementation = String.class, format = "date-time")
            Instant lastUsedAt,

            boolean revoked,

            @Schema(nullable = true, implementation = String.class, format = "date-time")
            Instant revokedAt,

            @Schema(nullable = true) String revokedBy,
            long version) {

        public static KeyView of(ApiKey k) {
            return new KeyView(
                    k.id,
                    k.name,
                    k.partner,
                    List.copyOf(k.permissions()),
                    ApiKeyFormat.PREFIX + k.publicId,
                    k.createdBy,
                    k.createdAt,
                    k.expiresAt,
                    k.lastUsedAt,
                    k.revokedAt != null,
                    k.revokedAt,
                    k.revokedBy,
                    k.version);
        }
    }

    /** The answer to creating a key: the only time the key is shown. */
    public record CreatedKey(String key, KeyView apiKey, String note) {}
}
