package org.sharedict.rota.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.rota.incidents.Incident;
import org.sharedict.rota.rotas.RotaDtos;

/** The intake's shapes: what monitoring sends, and the integration keys, alerts and maintenance windows managers see. */
public final class IntakeDtos {

    private IntakeDtos() {}

    static final String FIRING_OR_RESOLVED = "firing|resolved";

    /** Prometheus Alertmanager's webhook body (version 4); fields not listed are ignored. */
    public record AlertmanagerPayload(
            @Schema(description = "\"4\"", nullable = true) @Size(max = 10)
            String version,

            @NotBlank @Size(max = 5000) String groupKey,

            @NotNull
            @Pattern(regexp = FIRING_OR_RESOLVED, message = "must be firing or resolved")
            @Schema(enumeration = {"firing", "resolved"})
            String status,

            @Schema(nullable = true) @Size(max = 500) String receiver,
            @Schema(nullable = true) Map<String, String> groupLabels,
            @Schema(nullable = true) Map<String, String> commonLabels,
            @Schema(nullable = true) Map<String, String> commonAnnotations,
            @Schema(nullable = true) @Size(max = 2000) String externalURL,
            @NotEmpty @Size(max = 10000) List<@Valid @NotNull MonitoredAlert> alerts) {}

    /** Grafana alerting's webhook contact point body; fields not listed are ignored. */
    public record GrafanaPayload(
            @NotNull
            @Pattern(regexp = FIRING_OR_RESOLVED, message = "must be firing or resolved")
            @Schema(enumeration = {"firing", "resolved"})
            String status,

            @Schema(nullable = true) @Size(max = 5000) String groupKey,
            @Schema(nullable = true) @Size(max = 500) String receiver,
            @Schema(nullable = true) @Size(max = 1000) String title,
            @Schema(nullable = true) @Size(max = 200000) String message,
            @Schema(nullable = true) Map<String, String> commonLabels,
            @Schema(nullable = true) @Size(max = 2000) String externalURL,
            @NotEmpty @Size(max = 10000) List<@Valid @NotNull MonitoredAlert> alerts) {}

    /** One alert of an Alertmanager or Grafana group. */
    public record MonitoredAlert(
            @NotNull
            @Pattern(regexp = FIRING_OR_RESOLVED, message = "must be firing or resolved")
            @Schema(enumeration = {"firing", "resolved"})
            String status,

            @Schema(nullable = true) Map<String, String> labels,
            @Schema(nullable = true) Map<String, String> annotations,
            @Schema(nullable = true) @Size(max = 64) String startsAt,
            @Schema(nullable = true) @Size(max = 64) String endsAt,
            @Schema(nullable = true) @Size(max = 2000) String generatorURL,
            @Schema(nullable = true) @Size(max = 200) String fingerprint) {}

    /** The generic format: what a PRTG, Zabbix or Nagios script posts with curl. */
    public record EventInput(
            @NotNull
            @Pattern(regexp = "trigger|acknowledge|resolve", message = "must be trigger, acknowledge or resolve")
            @Schema(enumeration = {"trigger", "acknowledge", "resolve"})
            String action,

            @Schema(
                    nullable = true,
                    description = "Repeats of an open key count on its incident; required to acknowledge or resolve. "
                            + "A trigger without one gets a new key, returned in the answer.")
            @Size(max = 150)
            @Pattern(regexp = "[\\x21-\\x7e]([\\x20-\\x7e]*[\\x21-\\x7e])?", message = "must be printable ASCII")
            String dedupKey,

            @Schema(nullable = true, description = "Required to trigger") @Size(max = 450)
            String summary,

            @Schema(
                    nullable = true,
                    enumeration = {"critical", "high", "medium", "low", "error", "warning", "info"},
                    description = "Default: the integration key's default severity")
            @Pattern(
                    regexp = "(?i)critical|high|medium|low|error|warning|info",
                    message = "must be critical, high, medium, low, error, warning or info")
            String severity,

            @Schema(nullable = true) @Size(max = 8000) String details,
            @Schema(nullable = true) @Size(max = 20) List<@Valid @NotNull Link> links) {}

    public record Link(
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            String href,

            @Schema(nullable = true) @Size(max = 200) String text) {}

    /** What became of each alert in a delivery. */
    public record Accepted(List<Handled> alerts) {}

    public record Handled(
            IntakeAlert.Action action,

            @Schema(description = "The dedup key as sent (or as given to a trigger without one)")
            String dedupKey,

            IntakeAlert.Outcome outcome,
            @Schema(nullable = true) Long incidentId) {}

    public record NewIntegration(
            @NotNull
            @Pattern(regexp = RotaDtos.PARTNER, message = "must be a partner code of 2 to 16 letters or digits")
            String partner,

            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(max = 120) String service,

            @Schema(nullable = true, description = "Default: the partner's default policy when an alert arrives")
            Long policyId,

            @NotNull Incident.Severity defaultSeverity) {}

    public record IntegrationView(
            long id,
            String partner,
            String name,
            String service,
            @Schema(nullable = true) Long policyId,
            Incident.Severity defaultSeverity,

            @Schema(description = "The key's first characters, to tell keys apart")
            String prefix,

            String createdBy,
            Instant createdAt,
            @Schema(nullable = true) Instant lastAlertAt,
            boolean revoked,
            @Schema(nullable = true) Instant revokedAt,
            @Schema(nullable = true) String revokedBy,
            long version) {}

    /** Where each format is posted, with the key in the path (or send it as Authorization: Bearer to the key-less ones). */
    public record IntakeUrls(String alertmanager, String grafana, String events) {}

    /** The answer to creating a key: the only time the key (and its URLs) are shown. */
    public record CreatedIntegration(String key, IntakeUrls urls, IntegrationView integration) {}

    public record AlertView(
            long id,
            String partner,
            @Schema(nullable = true) Long integrationId,
            @Schema(nullable = true) Long heartbeatId,
            Instant receivedAt,
            IntakeAlert.Source source,
            IntakeAlert.Action action,
            String dedupKey,
            String summary,
            @Schema(nullable = true) Incident.Severity severity,
            IntakeAlert.Outcome outcome,
            @Schema(nullable = true) Long incidentId,
            @Schema(nullable = true) Long maintenanceWindowId) {

        static AlertView of(IntakeAlert a) {
            return new AlertView(
                    a.id,
                    a.partner,
                    a.integrationKeyId,
                    a.heartbeatId,
                    a.receivedAt,
                    a.source,
                    a.action,
                    a.dedupKey,
                    a.summary,
                    a.severity,
                    a.outcome,
                    a.incidentId,
                    a.maintenanceId);
        }
    }

    /** A window starting now for {@code minutes}, or from {@code startsAt} until {@code endsAt}. */
    public record NewMaintenance(
            @NotNull
            @Pattern(regexp = RotaDtos.PARTNER, message = "must be a partner code of 2 to 16 letters or digits")
            String partner,

            @Schema(nullable = true, description = "Only this integration key's alerts; default: all of the partner's")
            Long integrationId,

            @NotBlank @Size(max = 500) String reason,

            @Schema(nullable = true, description = "Start now and last this long (give this or startsAt and endsAt)")
            @Min(value = 1, message = "must be at least 1")
            @Max(value = 10080, message = "must be at most 10080 (a week)")
            Integer minutes,

            @Schema(nullable = true, format = "date-time") Instant startsAt,
            @Schema(nullable = true, format = "date-time") Instant endsAt) {}

    public record MaintenanceView(
            long id,
            String partner,
            @Schema(nullable = true) Long integrationId,
            String reason,
            Instant startsAt,
            Instant endsAt,

            @Schema(description = "True while alerts are being suppressed")
            boolean active,

            String createdBy,
            Instant createdAt,
            @Schema(nullable = true) String endedEarlyBy,
            long version) {}

    public record NewHeartbeat(
            @NotNull
            @Pattern(regexp = RotaDtos.PARTNER, message = "must be a partner code of 2 to 16 letters or digits")
            String partner,

            @NotBlank @Size(max = 120) String name,

            @Schema(nullable = true, description = "Default: the partner's default policy")
            Long policyId,

            @NotNull Incident.Severity severity,

            @NotNull
            @Min(value = 30, message = "must be at least 30")
            @Max(value = 604800, message = "must be at most 604800 (a week)")
            Integer intervalSeconds,

            @Schema(nullable = true, description = "Extra wait after a missed interval; default 0")
            @Min(value = 0, message = "must be 0 or more")
            @Max(value = 86400, message = "must be at most 86400 (a day)")
            Integer graceSeconds) {}

    public record HeartbeatView(
            long id,
            String partner,
            String name,
            @Schema(nullable = true) Long policyId,
            Incident.Severity severity,
            int intervalSeconds,
            int graceSeconds,

            @Schema(description = "The ping URL's key's first characters")
            String prefix,

            HeartbeatMonitor.State state,
            @Schema(nullable = true) Instant lastPingAt,

            @Schema(description = "Silent after this instant, it raises an incident")
            Instant dueAt,

            @Schema(nullable = true, description = "The incident raised when it last fell silent")
            Long incidentId,

            String createdBy,
            Instant createdAt,
            long version) {}

    /** The answer to creating a monitor: its ping URL is shown this once. */
    public record CreatedHeartbeat(String pingUrl, HeartbeatView monitor) {}

    /** The answer to a ping. */
    public record Ping(HeartbeatMonitor.State state, Instant nextDueAt) {}
}
