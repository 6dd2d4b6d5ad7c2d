package org.sharedict.rota.escalation.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.sharedict.platform.json.Json;
import org.sharedict.rota.notify.PageMessages;
import org.sharedict.rota.platform.RotaConfig;

/** What a policy's WEBHOOK step posts, and the subject of every page (README, "Escalation"); people's pages are notify's PageMessages. */
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

    String webhookBody(EscalatedIncident i, int step, int pass) {
        String base = base();
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("id", i.id());
        incident.put("partner", i.partner());
        incident.put("summary", i.summary());
        incident.put("severity", i.severity());
        incident.put("status", i.status());
        incident.put("createdAt", i.createdAt().toString());
        incident.put("url", base + "/#/incidents/" + i.id());
        incident.put("api", base + "/api/incidents/" + i.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "incident.escalated");
        body.put(
                "text",
                subject(i, step) + " - raised " + PageMessages.when(i.createdAt()) + " by " + PersonPages.raisedBy(i)
                        + "; acknowledge at " + base + "/#/incidents/" + i.id());
        body.put("step", step + 1);
        body.put("pass", pass + 1);
        body.put("incident", incident);
        return json.write(body);
    }

    private String base() {
        return config.publicUrl().replaceAll("/+$", "");
    }
}
