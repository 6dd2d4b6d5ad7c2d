package org.sharedict.rota.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.rota.contacts.Urgency;
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
            Long policyId,

            @Valid
            @Schema(
                    nullable = true,
                    description = "A call-out: the people to page and what raised it; "
                            + "without a policyId it follows the partner's (else the partnership's) call-out policy")
            CallOut callOut) {

        public IncidentInput(
                String partner,
                String summary,
                Incident.Severity severity,
                String dedupKey,
                String details,
                Long policyId) {
            this(partner, summary, severity, dedupKey, details, policyId, null);
        }
    }

    /**
     * What raised a call-out and whom it names. {@code owner} is paged by INCIDENT_OWNER targets,
     * {@code responders} by INCIDENT_RESPONDERS targets; {@code link} leads back to what raised it.
     */
    public record CallOut(
            @NotBlank @Size(max = 200) @Schema(description = "What raised it, e.g. dr-invocation:42")
            String reference,

            @Size(max = 1000)
            @Pattern(regexp = "^(/|https?://)\\S*$", message = "must be a path starting with / or an http(s) URL")
            @Schema(nullable = true, description = "Where to read about it, e.g. /#/dr/invocations/42")
            String link,

            @Valid @Schema(nullable = true) Responder owner,
            @Size(max = 50) List<@Valid @NotNull Responder> responders) {

        public CallOut {
            responders = responders == null ? List.of() : responders;
        }
    }

    /** A person (skills-service ID) a call-out names, and why them ("owner of step 'Restore core switch'"). */
    public record Responder(
            @NotNull @Min(1) Long personId,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 300) @Schema(nullable = true) String why) {}

    /** One person the incident names: its OWNER or a RESPONDER. */
    public record ResponderView(
            String role,
            long personId,
            String name,
            @Schema(nullable = true) String why) {}

    public record NoteInput(@NotBlank @Size(max = 2000) String message) {}

    public record IncidentView(
            long id,
            String partner,
            String summary,
            @Schema(nullable = true) String details,
            Incident.Severity severity,

            @Schema(description = "From the severity, by the escalation policy")
            Urgency urgency,

            Incident.Status status,
            @Schema(nullable = true) String dedupKey,
            int occurrences,

            @Schema(description = "When this dedup key was last raised again; createdAt is when it was first seen")
            Instant lastSeenAt,

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
            @Schema(nullable = true) List<EventView> timeline,

            @Schema(nullable = true, description = "What raised the call-out, e.g. dr-invocation:42")
            String externalRef,

            @Schema(nullable = true, description = "Where to read about what raised it")
            String externalUrl,

            @Schema(description = "The owner and responders a call-out names (empty for other incidents)")
            List<ResponderView> responders) {

        static IncidentView of(Incident i, List<EventView> timeline) {
            return of(i, timeline, List.of());
        }

        static IncidentView of(Incident i, List<EventView> timeline, List<ResponderView> responders) {
            return new IncidentView(
                    i.id,
                    i.partner,
                    i.summary,
                    i.details,
                    i.severity,
                    i.urgency,
                    i.status,
                    i.dedupKey,
                    i.occurrences,
                    i.lastSeenAt,
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
                    timeline,
                    i.externalRef,
                    i.externalUrl,
                    responders);
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

    /** One message an incident sent, or will send, through one method; {@code receipt} is the provider's last word (SMS). */
    public record DeliveryView(
            long id,
            @Schema(nullable = true) Long personId,
            @Schema(nullable = true) String personName,
            @Schema(nullable = true) Integer step,

            @Schema(description = "EMAIL, SMS, VOICE, TEAMS, SLACK or WEBHOOK")
            String channel,

            String address,

            @Schema(description = "PENDING, SENT, FAILED or CANCELLED")
            String status,

            int attempts,
            Instant createdAt,

            @Schema(description = "When it is (or was) due to go")
            Instant dueAt,

            @Schema(nullable = true) Instant sentAt,
            @Schema(nullable = true) String receipt,
            @Schema(nullable = true) String lastError) {}
}
