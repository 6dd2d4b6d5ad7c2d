package org.sharedict.rota.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.rota.rotas.RotaDtos;

/** The incident API's shapes. */
public final class IncidentDtos {

    private IncidentDtos() {}

    /** {@code partner} defaults to the caller's; a repeat with the same open {@code dedupKey} adds to that incident. */
    public record IncidentInput(
            @Pattern(regexp = RotaDtos.PARTNER, message = "must be a partner code of 2 to 16 letters or digits")
            String partner,

            @NotBlank @Size(max = 500) String summary,
            @NotNull Incident.Severity severity,
            @Size(max = 200) String dedupKey,
            @Size(max = 10000) String details,
            Long policyId) {}

    public record NoteInput(@NotBlank @Size(max = 2000) String message) {}

    public record IncidentView(
            long id,
            String partner,
            String summary,
            @Schema(nullable = true) String details,
            Incident.Severity severity,
            Incident.Status status,
            @Schema(nullable = true) String dedupKey,
            int occurrences,
            @Schema(nullable = true) Long policyId,
            @Schema(nullable = true) String policyName,
            int step,
            int pass,
            @Schema(nullable = true) Instant nextEscalationAt,
            String raisedBy,
            Instant createdAt,
            @Schema(nullable = true) Instant acknowledgedAt,
            @Schema(nullable = true) String acknowledgedBy,
            @Schema(nullable = true) Instant resolvedAt,
            @Schema(nullable = true) String resolvedBy,
            long version,
            @Schema(nullable = true) List<EventView> timeline) {

        static IncidentView of(Incident i, List<EventView> timeline) {
            return new IncidentView(
                    i.id,
                    i.partner,
                    i.summary,
                    i.details,
                    i.severity,
                    i.status,
                    i.dedupKey,
                    i.occurrences,
                    i.policyId,
                    i.policyName,
                    i.step + 1,
                    i.pass + 1,
                    i.nextStepAt,
                    i.raisedBy,
                    i.createdAt,
                    i.acknowledgedAt,
                    i.acknowledgedBy,
                    i.resolvedAt,
                    i.resolvedBy,
                    i.version,
                    timeline);
        }
    }

    /** One timeline line; for a step, {@code lateMillis} is how long after its due time it fired. */
    public record EventView(
            long id,
            Instant at,
            IncidentEvent.Kind kind,
            @Schema(nullable = true) String actor,
            @Schema(nullable = true) Integer step,
            @Schema(nullable = true) Integer pass,
            @Schema(nullable = true) Instant dueAt,
            @Schema(nullable = true) Long lateMillis,
            @Schema(nullable = true) String channel,
            @Schema(nullable = true) String recipient,
            @Schema(nullable = true) Long notificationId,
            @Schema(nullable = true) Integer attempt,
            @Schema(nullable = true) String detail) {

        static EventView of(IncidentEvent e) {
            return new EventView(
                    e.id,
                    e.at,
                    e.kind,
                    e.actor,
                    e.step,
                    e.pass,
                    e.dueAt,
                    e.dueAt == null ? null : Duration.between(e.dueAt, e.at).toMillis(),
                    e.channel,
                    e.recipient,
                    e.notificationId,
                    e.attempt,
                    e.detail);
        }
    }
}
