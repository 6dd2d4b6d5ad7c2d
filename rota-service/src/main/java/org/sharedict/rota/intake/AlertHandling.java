package org.sharedict.rota.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.rota.escalation.PolicyService;
import org.sharedict.rota.incidents.Incident;
import org.sharedict.rota.incidents.IncidentDtos.IncidentInput;
import org.sharedict.rota.incidents.IncidentService;
import org.sharedict.rota.incidents.MonitoredIncidents;
import org.sharedict.rota.intake.AlertFormats.Signal;
import org.sharedict.rota.intake.IntakeAlert.Action;
import org.sharedict.rota.intake.IntakeAlert.Outcome;
import org.sharedict.rota.intake.IntakeDtos.Handled;

/**
 * One alert, in one transaction: the incident it raises, repeats, acknowledges or resolves, and the
 * record of it commit together, so a failed alert leaves neither (the monitoring system retries it).
 * A heartbeat's state change joins that transaction too.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AlertHandling {

    /** Who raised it: an integration key or a heartbeat monitor, with what the incident needs. */
    record Origin(
            String partner,
            Long integrationKeyId,
            Long heartbeatId,
            String actor,
            String service,
            Long policyId,
            Incident.Severity defaultSeverity) {}

    /** Incidents of different keys never share a dedup key: each key's (or monitor's) are its own. */
    static String scopedKey(Origin o, String dedupKey) {
        String raw = dedupKey.length() <= 150 ? dedupKey : "sha256:" + KeySecrets.sha256(dedupKey);
        return (o.integrationKeyId() != null ? "ik" + o.integrationKeyId() : "hb" + o.heartbeatId()) + ":" + raw;
    }

    private static final Map<String, String> SORTS = Map.of("receivedAt", "receivedAt", "outcome", "outcome");

    private final Clock clock;
    private final IncidentService incidents;
    private final MonitoredIncidents monitored;
    private final MaintenanceWindows maintenance;
    private final PolicyService policies;

    AlertHandling(
            Clock clock,
            IncidentService incidents,
            MonitoredIncidents monitored,
            MaintenanceWindows maintenance,
            PolicyService policies) {
        this.clock = clock;
        this.incidents = incidents;
        this.monitored = monitored;
        this.maintenance = maintenance;
        this.policies = policies;
    }

    public Handled handle(Origin o, IntakeAlert.Source source, Signal s) {
        String key = scopedKey(o, s.dedupKey());
        Incident.Severity severity = s.severity() != null ? s.severity() : o.defaultSeverity();
        Outcome outcome;
        Long incidentId = null;
        Long window = null;
        switch (s.action()) {
            case TRIGGER -> {
                window = maintenance
                        .activeWindow(o.partner(), o.integrationKeyId())
                        .orElse(null);
                if (window != null) {
                    outcome = Outcome.SUPPRESSED;
                } else {
                    // A deleted policy falls back to the partner's default rather than refusing the alert.
                    Long policy = o.policyId() != null && policies.exists(o.policyId()) ? o.policyId() : null;
                    IncidentService.Alerted r = incidents.openForAlert(
                            o.partner(),
                            new IncidentInput(
                                    o.partner(),
                                    truncate(o.service() + ": " + s.summary(), 500),
                                    severity,
                                    key,
                                    s.details() == null || s.details().isBlank() ? null : truncate(s.details(), 10000),
                                    policy),
                            o.actor());
                    outcome = r.created() ? Outcome.RAISED : Outcome.REPEATED;
                    incidentId = r.incidentId();
                }
            }
            case ACKNOWLEDGE -> {
                MonitoredIncidents.Keyed k = monitored.acknowledge(o.partner(), key, o.actor());
                outcome = k.incidentId().isEmpty() ? Outcome.NOT_OPEN : Outcome.ACKNOWLEDGED;
                incidentId = k.incidentId().orElse(null);
            }
            default -> {
                MonitoredIncidents.Keyed k = monitored.resolve(o.partner(), key, o.actor());
                outcome = k.incidentId().isEmpty() ? Outcome.NOT_OPEN : Outcome.RESOLVED;
                incidentId = k.incidentId().orElse(null);
            }
        }
        record(o, source, s.action(), s.dedupKey(), s.summary(), severity, outcome, incidentId, window);
        return new Handled(s.action(), s.dedupKey(), outcome, incidentId);
    }

    public IntakeAlert record(
            Origin o,
            IntakeAlert.Source source,
            Action action,
            String dedupKey,
            String summary,
            Incident.Severity severity,
            Outcome outcome,
            Long incidentId,
            Long window) {
        IntakeAlert a = new IntakeAlert();
        a.partner = o.partner();
        a.integrationKeyId = o.integrationKeyId();
        a.heartbeatId = o.heartbeatId();
        a.receivedAt = Instant.now(clock);
        a.source = source;
        a.action = action;
        a.dedupKey = truncate(dedupKey, 200);
        a.summary = truncate(summary, 500);
        a.severity = severity;
        a.outcome = outcome;
        a.incidentId = incidentId;
        a.maintenanceId = window;
        a.persist();
        return a;
    }

    /** A test alert for a key: recorded with outcome TEST, so the screen shows it arrived; nobody paged. */
    public IntakeDtos.AlertView test(IntegrationKey k) {
        Origin o = new Origin(k.partner, k.id, null, "test", k.service, k.policyId, k.defaultSeverity);
        return IntakeDtos.AlertView.of(record(
                o,
                IntakeAlert.Source.TEST,
                Action.TRIGGER,
                "test",
                "Test alert for " + k.name + " (nobody paged)",
                k.defaultSeverity,
                Outcome.TEST,
                null,
                null));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<IntakeDtos.AlertView> page(String where, Parameters params, PageRequest page) {
        return Page.of(
                IntakeAlert.<IntakeAlert>find(where, page.toSort(SORTS, "-receivedAt", "id"), params.map()),
                page,
                IntakeDtos.AlertView::of);
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** True while any trigger of this origin would be suppressed (for callers that report it). */
    Optional<Long> suppressedBy(Origin o) {
        return maintenance.activeWindow(o.partner(), o.integrationKeyId());
    }
}
