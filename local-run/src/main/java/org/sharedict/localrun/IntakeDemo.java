package org.sharedict.localrun;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Monitoring intake for the demo, through rota-service's API as Boston's ICT manager: an integration
 * key for Boston's Prometheus Alertmanager (and an Alertmanager-style alert group sent with it, which
 * raises an incident), a heartbeat monitor for the nightly backup (pinged once), and a maintenance
 * window for next Saturday's firmware upgrade.
 */
final class IntakeDemo {

    private final DemoSeeder.Urls urls;

    IntakeDemo(DemoSeeder.Urls urls) {
        this.urls = urls;
    }

    void seed() throws Exception {
        String rota = urls.rota();
        PrivateKey key =
                LocalKeys.readPrivate(Path.of(DemoSeeder.env("JWT_PRIVATE_KEY_LOCATION", ".data/keys/privateKey.pem")));
        String issuer = DemoSeeder.env("JWT_ISSUER", "https://sharedict.local/gateway");
        Api manager = new Api(LocalToken.mint(key, issuer, "harriet.dunmore", "BBC", List.of("manager")));
        if (manager.get(rota + "/api/integrations?partner=BBC").size() > 0) {
            DemoSeeder.say("rota-service already has integration keys; left as they are");
            return;
        }
        JsonNode created = manager.post(
                rota + "/api/integrations",
                Map.of(
                        "partner", "BBC",
                        "name", "Prometheus Alertmanager (Boston)",
                        "service", "Municipal Buildings network",
                        "defaultSeverity", "HIGH"));
        // Alertmanager sends its key as a bearer token (http_config.authorization).
        Api alertmanager = new Api(created.get("key").asText());
        JsonNode raised = alertmanager.postText(rota + "/api/intake/alertmanager", "application/json", """
                {"version": "4", "groupKey": "{}:{alertname=\\"InstanceDown\\"}", "status": "firing",
                 "receiver": "sharedict", "groupLabels": {"alertname": "InstanceDown"},
                 "commonLabels": {"alertname": "InstanceDown", "job": "snmp", "severity": "critical"},
                 "commonAnnotations": {"summary": "Library wireless controller unreachable"},
                 "externalURL": "http://alertmanager.boston.example:9093",
                 "alerts": [{"status": "firing",
                   "labels": {"alertname": "InstanceDown", "instance": "wlc-library:161", "job": "snmp", "severity": "critical"},
                   "annotations": {"description": "wlc-library has not answered SNMP for 5 minutes"},
                   "startsAt": "2026-01-01T02:10:00Z", "endsAt": "0001-01-01T00:00:00Z",
                   "generatorURL": "http://prometheus.boston.example:9090/graph", "fingerprint": "6f1c2a9e0b7d4c35"}]}
                """);
        JsonNode heartbeat = manager.post(
                rota + "/api/integrations/heartbeats",
                Map.of(
                        "partner", "BBC",
                        "name", "Nightly backup (Boston)",
                        "severity", "MEDIUM",
                        "intervalSeconds", 86400,
                        "graceSeconds", 3600));
        manager.post(heartbeat.get("pingUrl").asText().replaceFirst("^https?://[^/]+", rota), Map.of());
        LocalDate saturday = DemoSeeder.today().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        manager.post(
                rota + "/api/integrations/maintenance-windows",
                Map.of(
                        "partner", "BBC",
                        "integrationId", created.get("integration").get("id").asLong(),
                        "reason", "Core switch firmware upgrade",
                        "startsAt",
                                saturday.atTime(LocalTime.of(7, 0))
                                        .atZone(DemoSeeder.ZONE)
                                        .toInstant()
                                        .toString(),
                        "endsAt",
                                saturday.atTime(LocalTime.of(9, 0))
                                        .atZone(DemoSeeder.ZONE)
                                        .toInstant()
                                        .toString()));
        DemoSeeder.say("monitoring intake: Boston's Alertmanager key (its alert raised incident "
                + raised.path("alerts").path(0).path("incidentId").asText() + "), a nightly-backup heartbeat monitor, "
                + "a maintenance window on Saturday " + saturday);
    }
}
