package org.sharedict.rota.intake;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.sharedict.rota.testing.Fixtures.createRota;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.rota;
import static org.sharedict.rota.testing.Fixtures.unique;

/** A partner with someone on call now, a one-step policy paging them, and an integration key using it. */
final class IntakeFixtures {

    record Setup(String partner, Person onCall, long policyId, long keyId, String key, JsonPath created) {}

    private IntakeFixtures() {}

    static Setup setup(WireMockServer stubs, LocalDate today) {
        String partner = Fixtures.partner(stubs);
        Person a = person(stubs, partner, "Olive Oncall");
        Person m = person(stubs, partner, "Max Manager", true);
        Fixtures.managersOf(stubs, partner, m);
        long rota = createRota(
                Tokens.admin(),
                rota(
                        unique("Intake"),
                        List.of(partner),
                        "ALWAYS",
                        "P7D",
                        "00:00",
                        today.minusDays(1),
                        List.of(a.id()),
                        null));
        long policy = ((Number) given().auth()
                        .oauth2(Tokens.manager(partner))
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "name",
                                unique("Intake policy"),
                                "partner",
                                partner,
                                "steps",
                                List.of(Map.of(
                                        "delay",
                                        "PT30M",
                                        "targets",
                                        List.of(Map.of("kind", "ROTA_LAYER", "rotaId", rota, "layer", "PRIMARY"))))))
                        .when()
                        .post("/api/escalation-policies")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        JsonPath created = createKey(partner, policy);
        return new Setup(partner, a, policy, created.getLong("integration.id"), created.getString("key"), created);
    }

    static JsonPath createKey(String partner, Long policy) {
        Map<String, Object> body = new HashMap<>();
        body.put("partner", partner);
        body.put("name", unique("Prometheus"));
        body.put("service", "Core network");
        body.put("defaultSeverity", "HIGH");
        body.put("policyId", policy);
        return given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/integrations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** An Alertmanager v4 webhook body, as Alertmanager 0.27 sends it. */
    static String alertmanager(String status, String groupKey, String... alertStatuses) {
        StringBuilder alerts = new StringBuilder();
        for (int i = 0; i < alertStatuses.length; i++) {
            if (i > 0) {
                alerts.append(',');
            }
            alerts.append("""
                    {"status": "%s",
                     "labels": {"alertname": "InstanceDown", "instance": "sw-core-%d:9100", "job": "node", "severity": "critical"},
                     "annotations": {"summary": "Core switch unreachable", "description": "sw-core-%d has not answered for 5 minutes"},
                     "startsAt": "2026-12-07T02:10:00.000Z",
                     "endsAt": "%s",
                     "generatorURL": "http://prometheus.council.example:9090/graph?g0.expr=up+%%3D%%3D+0",
                     "fingerprint": "a1b2c3d4e5f6%04d"}
                    """.formatted(
                            alertStatuses[i],
                            i,
                            i,
                            "resolved".equals(alertStatuses[i]) ? "2026-12-07T02:40:00.000Z" : "0001-01-01T00:00:00Z",
                            i));
        }
        return """
                {"version": "4",
                 "groupKey": "%s",
                 "truncatedAlerts": 0,
                 "status": "%s",
                 "receiver": "sharedict",
                 "groupLabels": {"alertname": "InstanceDown"},
                 "commonLabels": {"alertname": "InstanceDown", "job": "node", "severity": "critical"},
                 "commonAnnotations": {"summary": "Core switch unreachable"},
                 "externalURL": "http://alertmanager.council.example:9093",
                 "alerts": [%s]}
                """.formatted(groupKey.replace("\"", "\\\""), status, alerts);
    }

    /** A Grafana 11 webhook contact point body with one alert. */
    static String grafana(String status, String fingerprint) {
        return """
                {"receiver": "sharedict-webhook",
                 "status": "%1$s",
                 "orgId": 1,
                 "alerts": [{
                   "status": "%1$s",
                   "labels": {"alertname": "Disk almost full", "grafana_folder": "Servers", "instance": "fs01"},
                   "annotations": {"summary": "fs01 /data is 95%% full"},
                   "startsAt": "2026-12-07T01:00:00Z",
                   "endsAt": "0001-01-01T00:00:00Z",
                   "generatorURL": "https://grafana.council.example/alerting/grafana/abc/view",
                   "fingerprint": "%2$s",
                   "silenceURL": "https://grafana.council.example/alerting/silence/new",
                   "dashboardURL": "",
                   "panelURL": "",
                   "values": {"B": 95.2, "C": 1},
                   "valueString": "[ var='B' labels={instance=fs01} value=95.2 ]"
                 }],
                 "groupLabels": {"alertname": "Disk almost full"},
                 "commonLabels": {"alertname": "Disk almost full"},
                 "commonAnnotations": {},
                 "externalURL": "https://grafana.council.example/",
                 "version": "1",
                 "groupKey": "{}:{alertname=\\"Disk almost full\\"}",
                 "truncatedAlerts": 0,
                 "title": "[FIRING:1] Disk almost full Servers",
                 "state": "alerting",
                 "message": "**Firing**\\n\\nValue: B=95.2"}
                """.formatted(status, fingerprint);
    }
}
