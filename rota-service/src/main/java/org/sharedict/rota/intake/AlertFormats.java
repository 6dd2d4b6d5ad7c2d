package org.sharedict.rota.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.rota.incidents.Incident;
import org.sharedict.rota.intake.IntakeAlert.Action;
import org.sharedict.rota.intake.IntakeDtos.AlertmanagerPayload;
import org.sharedict.rota.intake.IntakeDtos.EventInput;
import org.sharedict.rota.intake.IntakeDtos.GrafanaPayload;
import org.sharedict.rota.intake.IntakeDtos.MonitoredAlert;

/**
 * Each format's mapping to trigger / acknowledge / resolve with a dedup key. Alertmanager: one
 * incident per alert group (its groupKey), resolved when the group is. Grafana: one per alert (its
 * fingerprint), each firing or resolved on its own, as Grafana reports them. Generic: as sent.
 */
final class AlertFormats {

    /** One thing to do, in the monitoring system's words: {@code severity} null means the key's default. */
    record Signal(Action action, String dedupKey, String summary, Incident.Severity severity, String details) {}

    private AlertFormats() {}

    static Signal alertmanager(AlertmanagerPayload p) {
        Action action = "resolved".equals(p.status()) ? Action.RESOLVE : Action.TRIGGER;
        MonitoredAlert first = p.alerts().get(0);
        String summary = firstOf(
                get(p.commonAnnotations(), "summary"),
                get(first.annotations(), "summary"),
                get(p.commonLabels(), "alertname"),
                get(first.labels(), "alertname"),
                "Alertmanager group " + p.groupKey());
        long firing =
                p.alerts().stream().filter(a -> "firing".equals(a.status())).count();
        if (p.alerts().size() > 1) {
            summary += " (" + firing + " of " + p.alerts().size() + " firing)";
        }
        StringBuilder details = new StringBuilder();
        appendIfPresent(details, "Description", get(p.commonAnnotations(), "description"));
        for (MonitoredAlert a : p.alerts()) {
            details.append("- ").append(a.status()).append(' ').append(labels(a.labels()));
            String description = get(a.annotations(), "description");
            if (description != null) {
                details.append(": ").append(description);
            }
            if (a.generatorURL() != null) {
                details.append(" ").append(a.generatorURL());
            }
            details.append('\n');
        }
        appendIfPresent(details, "Alertmanager", p.externalURL());
        return new Signal(
                action,
                p.groupKey(),
                summary,
                severity(firstOf(get(p.commonLabels(), "severity"), get(first.labels(), "severity"), null)),
                details.toString());
    }

    static List<Signal> grafana(GrafanaPayload p) {
        List<Signal> signals = new ArrayList<>();
        for (int n = 0; n < p.alerts().size(); n++) {
            MonitoredAlert a = p.alerts().get(n);
            String key = a.fingerprint() != null && !a.fingerprint().isBlank() ? a.fingerprint() : labels(a.labels());
            if (key.isBlank() || key.equals("{}")) {
                throw ProblemException.invalid(
                        "alerts[" + n + "].fingerprint", "is required when an alert has no labels");
            }
            String summary = firstOf(
                    get(a.annotations(), "summary"), get(a.labels(), "alertname"), p.title(), "Grafana alert " + key);
            StringBuilder details = new StringBuilder();
            appendIfPresent(details, "Description", get(a.annotations(), "description"));
            details.append("Labels: ").append(labels(a.labels())).append('\n');
            appendIfPresent(details, "Source", a.generatorURL());
            signals.add(new Signal(
                    "resolved".equals(a.status()) ? Action.RESOLVE : Action.TRIGGER,
                    key,
                    summary,
                    severity(get(a.labels(), "severity")),
                    details.toString()));
        }
        return signals;
    }

    static Signal event(EventInput e) {
        Action action = Action.valueOf(e.action().toUpperCase(Locale.ROOT));
        String key = e.dedupKey();
        if (action != Action.TRIGGER && key == null) {
            throw ProblemException.invalid("dedupKey", "is required to " + e.action());
        }
        if (action == Action.TRIGGER && (e.summary() == null || e.summary().isBlank())) {
            throw ProblemException.invalid("summary", "is required to trigger");
        }
        StringBuilder details = new StringBuilder();
        if (e.details() != null) {
            details.append(e.details().trim()).append('\n');
        }
        if (e.links() != null) {
            e.links()
                    .forEach(l -> details.append(l.text() == null ? l.href() : l.text() + ": " + l.href())
                            .append('\n'));
        }
        return new Signal(
                action,
                key == null ? UUID.randomUUID().toString() : key,
                e.summary() == null || e.summary().isBlank()
                        ? e.action() + " " + key
                        : e.summary().trim(),
                severity(e.severity()),
                details.toString());
    }

    /** Monitoring's severities onto ours; null (the key's default) for one we do not know. */
    static Incident.Severity severity(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "critical", "disaster", "page", "emergency" -> Incident.Severity.CRITICAL;
            case "high", "error", "major" -> Incident.Severity.HIGH;
            case "medium", "warning", "average", "minor" -> Incident.Severity.MEDIUM;
            case "low", "info", "information", "none" -> Incident.Severity.LOW;
            default -> null;
        };
    }

    private static String labels(Map<String, String> labels) {
        return labels == null ? "{}" : new TreeMap<>(labels).toString();
    }

    private static String get(Map<String, String> m, String key) {
        if (m == null) {
            return null;
        }
        String v = m.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String firstOf(String... candidates) {
        for (String c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static void appendIfPresent(StringBuilder b, String label, String value) {
        if (value != null) {
            b.append(label).append(": ").append(value).append('\n');
        }
    }
}
