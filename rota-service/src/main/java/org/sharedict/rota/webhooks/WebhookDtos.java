package org.sharedict.rota.webhooks;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.rota.rotas.RotaDtos;

/** The lifecycle-webhook API's shapes. */
public final class WebhookDtos {

    private WebhookDtos() {}

    /** {@code partner} defaults to the caller's; {@code events} from incident.triggered, .acknowledged, .escalated, .resolved. */
    public record WebhookInput(
            @Pattern(regexp = RotaDtos.PARTNER, message = "must be a partner code of 2 to 16 letters or digits")
            String partner,

            @NotBlank @Size(max = 1000) @Schema(format = "uri", example = "https://hooks.example.gov.uk/sharedict")
            String url,

            @NotEmpty @Size(max = 4) List<@NotNull String> events,
            @Size(max = 200) String description) {}

    /**
     * An edit of a subscription: where to call, which events, whether it is sent any. Its partner and
     * secret stay (rotate the secret with {@code POST /api/webhooks/{id}/rotate-secret}).
     */
    public record WebhookUpdate(
            @NotBlank @Size(max = 1000) @Schema(format = "uri", example = "https://hooks.example.gov.uk/sharedict")
            String url,

            @NotEmpty @Size(max = 4) List<@NotNull String> events,
            @Size(max = 200) @Schema(nullable = true) String description,

            @NotNull @Schema(description = "false: the subscriber is sent no events (its queued calls are dropped)")
            Boolean enabled,

            @Schema(nullable = true, description = "The version edited, when no If-Match header says it")
            Long version) {}

    /** A subscription; {@code secret} only in the answer that created it or rotated it, never again. */
    public record WebhookView(
            long id,
            String partner,
            String url,
            List<String> events,
            @Schema(nullable = true) String description,
            Instant createdAt,
            String createdBy,
            boolean enabled,
            long version,

            @Schema(
                    nullable = true,
                    description =
                            "The signing secret: shown once, when the subscription is created or its secret rotated")
            String secret) {

        static WebhookView of(WebhookSubscription s, String secret) {
            return new WebhookView(
                    s.id,
                    s.partner,
                    s.url,
                    s.eventList(),
                    s.description,
                    s.createdAt,
                    s.createdBy,
                    s.enabled,
                    s.version,
                    secret);
        }
    }

    /** One call to the subscriber and how its attempts went. */
    public record AttemptView(
            long id,
            String event,
            String eventId,
            @Schema(nullable = true) Long incidentId,
            WebhookDelivery.Status status,
            int attempts,
            @Schema(nullable = true) Integer lastStatus,
            @Schema(nullable = true) String lastError,
            Instant createdAt,
            @Schema(nullable = true) Instant lastAttemptAt) {

        static AttemptView of(WebhookDelivery d) {
            return new AttemptView(
                    d.id,
                    d.event,
                    d.eventId,
                    d.incidentId,
                    d.status,
                    d.attempts,
                    d.lastStatus,
                    d.lastError,
                    d.createdAt,
                    d.lastAttemptAt);
        }
    }
}
