package org.sharedict.rota.escalation.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.sharedict.platform.json.Json;
import org.sharedict.rota.platform.RotaConfig;

/** What a page says: the subject, the e-mail to a person and the JSON a webhook receives (README, "Escalation"). */
@ApplicationScoped
public class PageTexts {

    private final RotaConfig config;
    private final Json json;

    @Inject
    PageTexts(RotaConfig config, Json json) {
        this.config = config;
        this.json = json;
    }

    static String subject(EscalatedIncident i, int step) {
        return "[" + i.severity() + "] " + i.partner() + " incident #" + i.id() + ": " + i.summary() + " (step "
                + (step + 1) + ")";
    }

    String mailBody(EscalatedIncident i, String name, int step, int pass) {
        String base = base();
        return """
                Hello %s,

                You are being paged for %s (severity %s), step %d%s of its escalation policy "%s".

                %s
                %s
                Raised %s by %s%s.

                Acknowledge it to stop the escalation:
                  POST %s/api/incidents/%d/acknowledge
                Its timeline: %s/api/incidents/%d

                -- rota-service, Shared ICT Support platform
                """.formatted(
                        name,
                        i.partner(),
                        i.severity(),
                        step + 1,
                        pass > 0 ? " (repeat " + pass + ")" : "",
                        i.policyName(),
                        i.summary(),
                        i.details() == null ? "" : i.details() + "\n",
                        i.createdAt(),
                        i.raisedBy(),
                        i.occurrences() > 1 ? ", seen " + i.occurrences() + " times" : "",
                        base,
                        i.id(),
                        base,
                        i.id());
    }

    String webhookBody(EscalatedIncident i, int step, int pass) {
        String base = base();
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("id", i.id());
        incident.put("partner", i.partner());
        incident.put("summary", i.summary());
        incident.put("severity", i.severity());
        incident.put("status", i.status());
        incident.put("createdAt", i.createdAt().toString());
        incident.put("url", base + "/api/incidents/" + i.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "incident.escalated");
        body.put("text", subject(i, step) + " - acknowledge at " + base + "/api/incidents/" + i.id());
        body.put("step", step + 1);
        body.put("pass", pass + 1);
        body.put("incident", incident);
        return json.write(body);
    }

    private String base() {
        return config.publicUrl().replaceAll("/+$", "");
    }
}
