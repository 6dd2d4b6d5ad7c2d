package org.sharedict.rota.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.intake.IntakeFixtures.Setup;
import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.rota.testing.TestClock;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class IntakeTest {

    @InjectStubs
    WireMockServer stubs;

    @InjectMailServer
    GreenMail mail;

    @Inject
    TestClock clock;

    private Setup setup() {
        return IntakeFixtures.setup(stubs, LocalDate.now(clock.withZone(Fixtures.LONDON)));
    }

    private static JsonPath post(String path, String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
    }

    private static JsonPath incident(long id) {
        return given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/incidents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Waits for the first page; when it does not come, says what the incident and its deliveries show. */
    private void awaitOnePage(Setup s, long id) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> pages(s, id) == 1);
        } catch (ConditionTimeoutException e) {
            String deliveries = given().auth()
                    .oauth2(Tokens.admin())
                    .get("/api/incidents/" + id + "/deliveries")
                    .asString();
            throw new AssertionError(
                    "no page within 60 s; incident: " + incident(id).prettify() + "\ndeliveries: " + deliveries, e);
        }
    }

    private long pages(Setup s, long incident) {
        return Fixtures.mailsTo(mail, s.onCall().email(), "incident #" + incident + ":")
                .size();
    }

    @Test
    void aManagerCreatesAKeyShownOnceWithItsUrlsAndOnlyManagersSeeKeys() {
        Setup s = setup();
        assertTrue(s.key().startsWith("rik_"), s.key());
        assertTrue(s.created().getString("urls.alertmanager").endsWith("/api/intake/" + s.key() + "/alertmanager"));
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .when()
                .get("/api/integrations?partner=" + s.partner())
                .then()
                .statusCode(200)
                .body("id", hasItem((int) s.keyId()))
                .body("toString()", not(containsString(s.key())))
                .body("find { it.id == " + s.keyId() + " }.lastAlertAt", nullValue());
        given().auth()
                .oauth2(Tokens.engineer(s.partner()))
                .when()
                .get("/api/integrations?partner=" + s.partner())
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.manager("OTHER"))
                .contentType(ContentType.JSON)
                .body(Map.of("partner", s.partner(), "name", "x", "service", "y", "defaultSeverity", "LOW"))
                .when()
                .post("/api/integrations")
                .then()
                .spec(problem(403));
    }

    @Test
    void anAlertmanagerGroupFiringRaisesOnceCountsRepeatsAndItsResolutionResolvesIt() {
        Setup s = setup();
        String group = "{}/{severity=\"critical\"}:{alertname=\"InstanceDown\"}";
        JsonPath first = post(
                "/api/intake/" + s.key() + "/alertmanager", IntakeFixtures.alertmanager("firing", group, "firing"));
        assertEquals("RAISED", first.getString("alerts[0].outcome"));
        long id = first.getLong("alerts[0].incidentId");
        JsonPath i = incident(id);
        assertEquals("CRITICAL", i.getString("severity"), "the alert's severity label wins over the key's default");
        assertTrue(i.getString("summary").startsWith("Core network: Core switch unreachable"), i.getString("summary"));
        assertEquals("integration:" + s.created().getString("integration.name"), i.getString("raisedBy"));
        awaitOnePage(s, id);

        JsonPath again = post(
                "/api/intake/" + s.key() + "/alertmanager",
                IntakeFixtures.alertmanager("firing", group, "firing", "firing"));
        assertEquals("REPEATED", again.getString("alerts[0].outcome"));
        assertEquals(id, again.getLong("alerts[0].incidentId"));
        i = incident(id);
        assertEquals(2, i.getInt("occurrences"));
        assertTrue(
                Instant.parse(i.getString("lastSeenAt")).isAfter(Instant.parse(i.getString("createdAt"))),
                "last seen at the repeat, first seen at creation");

        JsonPath partly = post(
                "/api/intake/" + s.key() + "/alertmanager",
                IntakeFixtures.alertmanager("firing", group, "resolved", "firing"));
        assertEquals("REPEATED", partly.getString("alerts[0].outcome"), "a group still firing stays open");

        JsonPath resolved = post(
                "/api/intake/" + s.key() + "/alertmanager",
                IntakeFixtures.alertmanager("resolved", group, "resolved", "resolved"));
        assertEquals("RESOLVED", resolved.getString("alerts[0].outcome"));
        assertEquals("RESOLVED", incident(id).getString("status"));
        assertEquals(1, pages(s, id), "repeats never paged again");

        JsonPath refiring = post(
                "/api/intake/" + s.key() + "/alertmanager", IntakeFixtures.alertmanager("firing", group, "firing"));
        assertEquals("RAISED", refiring.getString("alerts[0].outcome"), "after resolution the group raises anew");
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .when()
                .get("/api/integrations/" + s.keyId())
                .then()
                .statusCode(200)
                .body("lastAlertAt", startsWith("20"));
    }

    @Test
    void alertmanagerMaySendTheKeyAsABearerToken() {
        Setup s = setup();
        JsonPath r = given().auth()
                .oauth2(s.key())
                .contentType(ContentType.JSON)
                .body(IntakeFixtures.alertmanager("firing", "{}:{alertname=\"Bearer\"}", "firing"))
                .when()
                .post("/api/intake/alertmanager")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        assertEquals("RAISED", r.getString("alerts[0].outcome"));
    }

    @Test
    void aGrafanaAlertFiresAndResolvesByItsFingerprint() {
        Setup s = setup();
        JsonPath fired = given().header("Authorization", "Bearer " + s.key())
                .contentType(ContentType.JSON)
                .body(IntakeFixtures.grafana("firing", "9f8e7d6c5b4a3210"))
                .when()
                .post("/api/intake/grafana")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        assertEquals("RAISED", fired.getString("alerts[0].outcome"));
        long id = fired.getLong("alerts[0].incidentId");
        assertTrue(incident(id).getString("summary").contains("fs01 /data is 95% full"));
        JsonPath resolved =
                post("/api/intake/" + s.key() + "/grafana", IntakeFixtures.grafana("resolved", "9f8e7d6c5b4a3210"));
        assertEquals("RESOLVED", resolved.getString("alerts[0].outcome"));
        assertEquals(id, resolved.getLong("alerts[0].incidentId"));
        assertEquals("RESOLVED", incident(id).getString("status"));
    }

    @Test
    void theGenericFormatTriggersAcknowledgesAndResolves() {
        Setup s = setup();
        String url = "/api/intake/" + s.key() + "/events";
        JsonPath t = post(url, """
                {"action": "trigger", "dedupKey": "prtg-sensor-2231", "summary": "Ping to library router failed",
                 "severity": "warning", "details": "Sensor 2231, down for 3 checks",
                 "links": [{"href": "https://prtg.council.example/sensor.htm?id=2231", "text": "PRTG sensor"}]}
                """);
        assertEquals("RAISED", t.getString("alerts[0].outcome"));
        long id = t.getLong("alerts[0].incidentId");
        JsonPath i = incident(id);
        assertEquals("MEDIUM", i.getString("severity"));
        assertTrue(i.getString("details").contains("PRTG sensor: https://prtg.council.example/sensor.htm?id=2231"));
        JsonPath ack = post(url, "{\"action\": \"acknowledge\", \"dedupKey\": \"prtg-sensor-2231\"}");
        assertEquals("ACKNOWLEDGED", ack.getString("alerts[0].outcome"));
        assertEquals("ACKNOWLEDGED", incident(id).getString("status"));
        assertNull(incident(id).getString("nextEscalationAt"), "acknowledging stopped the escalation");
        JsonPath res = post(url, "{\"action\": \"resolve\", \"dedupKey\": \"prtg-sensor-2231\"}");
        assertEquals("RESOLVED", res.getString("alerts[0].outcome"));
        assertEquals("RESOLVED", incident(id).getString("status"));

        JsonPath keyless = post(url, "{\"action\": \"trigger\", \"summary\": \"Nagios: disk\"}");
        assertEquals("RAISED", keyless.getString("alerts[0].outcome"));
        assertTrue(keyless.getString("alerts[0].dedupKey").length() > 10, "a trigger without a key is given one");
    }

    @Test
    void aResolveForAKeyNothingRaisedIsAcceptedAndRecorded() {
        Setup s = setup();
        JsonPath r =
                post("/api/intake/" + s.key() + "/events", "{\"action\": \"resolve\", \"dedupKey\": \"never-raised\"}");
        assertEquals("NOT_OPEN", r.getString("alerts[0].outcome"));
        assertNull(r.get("alerts[0].incidentId"));
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .when()
                .get("/api/integrations/alerts?integrationId=" + s.keyId())
                .then()
                .statusCode(200)
                .body("items[0].dedupKey", equalTo("never-raised"))
                .body("items[0].outcome", equalTo("NOT_OPEN"))
                .body("items[0].action", equalTo("RESOLVE"));
    }

    @Test
    void twoIdenticalTriggersAtOnceMakeOneIncident() throws Exception {
        Setup s = setup();
        String body = "{\"action\": \"trigger\", \"dedupKey\": \"race\", \"summary\": \"Both at once\"}";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Response>> answers = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            answers.add(pool.submit(() -> given().contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/intake/" + s.key() + "/events")));
        }
        List<Long> incidents = new ArrayList<>();
        int raised = 0;
        for (Future<Response> f : answers) {
            Response r = f.get();
            assertEquals(202, r.statusCode(), r.asString());
            incidents.add(r.jsonPath().getLong("alerts[0].incidentId"));
            raised += "RAISED".equals(r.jsonPath().getString("alerts[0].outcome")) ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, incidents.stream().distinct().count(), "one incident: " + incidents);
        assertEquals(1, raised);
        assertEquals(6, incident(incidents.get(0)).getInt("occurrences"));
    }

    @Test
    void alertsDuringAMaintenanceWindowAreSuppressedNotPagedUntilItEnds() {
        Setup s = setup();
        long window = given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "partner",
                        s.partner(),
                        "integrationId",
                        s.keyId(),
                        "reason",
                        "Core switch firmware",
                        "minutes",
                        60))
                .when()
                .post("/api/integrations/maintenance-windows")
                .then()
                .statusCode(201)
                .body("active", equalTo(true))
                .extract()
                .jsonPath()
                .getLong("id");
        String url = "/api/intake/" + s.key() + "/alertmanager";
        JsonPath r = post(url, IntakeFixtures.alertmanager("firing", "{}:{alertname=\"Planned\"}", "firing"));
        assertEquals("SUPPRESSED", r.getString("alerts[0].outcome"));
        assertNull(r.get("alerts[0].incidentId"));
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .when()
                .get("/api/integrations/alerts?partner=" + s.partner() + "&outcome=suppressed")
                .then()
                .statusCode(200)
                .body("items[0].maintenanceWindowId", equalTo((int) window))
                .body("items[0].summary", equalTo("Core switch unreachable"));
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .when()
                .post("/api/integrations/maintenance-windows/" + window + "/end")
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("endedEarlyBy", not(nullValue()));
        JsonPath after = post(url, IntakeFixtures.alertmanager("firing", "{}:{alertname=\"Planned\"}", "firing"));
        assertEquals("RAISED", after.getString("alerts[0].outcome"));
    }

    @Test
    void badPayloadsAre400ProblemsNamingTheField() {
        Setup s = setup();
        String base = "/api/intake/" + s.key();
        given().contentType(ContentType.JSON)
                .body(IntakeFixtures.alertmanager("burning", "g", "firing"))
                .when()
                .post(base + "/alertmanager")
                .then()
                .spec(invalidField("status"));
        given().contentType(ContentType.JSON)
                .body(IntakeFixtures.alertmanager("firing", "g", "firing")
                        .replace("\"status\": \"firing\",\n ", "\"status\": \"sideways\",\n "))
                .when()
                .post(base + "/alertmanager")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body("{\"status\": \"firing\", \"groupKey\": \"g\", \"alerts\": []}")
                .when()
                .post(base + "/alertmanager")
                .then()
                .spec(invalidField("alerts"));
        given().contentType(ContentType.JSON)
                .body("{\"action\": \"explode\", \"dedupKey\": \"x\"}")
                .when()
                .post(base + "/events")
                .then()
                .spec(invalidField("action"));
        given().contentType(ContentType.JSON)
                .body("{\"action\": \"resolve\"}")
                .when()
                .post(base + "/events")
                .then()
                .spec(invalidField("dedupKey"));
        given().contentType(ContentType.JSON)
                .body("{\"action\": \"trigger\", \"dedupKey\": \"x\"}")
                .when()
                .post(base + "/events")
                .then()
                .spec(invalidField("summary"));
        given().contentType(ContentType.JSON)
                .body("{\"status\": \"firing\", \"alerts\": [{\"status\": \"firing\"}]}")
                .when()
                .post(base + "/grafana")
                .then()
                .spec(invalidField("alerts[0].fingerprint"));
    }

    @Test
    void unknownAndRevokedKeysAre401Problems() {
        Setup s = setup();
        String trigger = "{\"action\": \"trigger\", \"summary\": \"x\"}";
        given().contentType(ContentType.JSON)
                .body(trigger)
                .when()
                .post("/api/intake/rik_AAAAAAAAAAAA_notarealsecretnotarealsecret/events")
                .then()
                .spec(problem(401))
                .header("WWW-Authenticate", "Bearer");
        given().contentType(ContentType.JSON)
                .body(trigger)
                .when()
                .post("/api/intake/events")
                .then()
                .spec(problem(401));
        String wrongSecret = s.key().substring(0, s.key().length() - 3) + "zzz";
        given().contentType(ContentType.JSON)
                .body(trigger)
                .when()
                .post("/api/intake/" + wrongSecret + "/events")
                .then()
                .spec(problem(401));
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .when()
                .post("/api/integrations/" + s.keyId() + "/revoke")
                .then()
                .statusCode(200)
                .body("revoked", equalTo(true));
        given().contentType(ContentType.JSON)
                .body(trigger)
                .when()
                .post("/api/intake/" + s.key() + "/events")
                .then()
                .spec(problem(401));
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .when()
                .post("/api/integrations/" + s.keyId() + "/revoke")
                .then()
                .spec(problem(409));
    }

    @Test
    void aTestAlertFromTheScreenIsRecordedAndPagesNobody() {
        Setup s = setup();
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .when()
                .post("/api/integrations/" + s.keyId() + "/test")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("TEST"))
                .body("incidentId", nullValue());
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .when()
                .get("/api/integrations/" + s.keyId())
                .then()
                .body("lastAlertAt", startsWith("20"));
    }
}
