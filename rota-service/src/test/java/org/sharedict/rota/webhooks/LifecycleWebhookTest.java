package org.sharedict.rota.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

/** Signed calls to a partner's subscribers when its incidents change, against a WireMock subscriber. */
@QuarkusTest
class LifecycleWebhookTest {

    @InjectStubs
    WireMockServer stubs;

    private record Subscribed(String partner, Person engineer, long id, String secret, String path) {}

    private Subscribed subscribe(List<String> events) {
        String partner = Fixtures.partner(stubs);
        Person engineer = person(stubs, partner, "Eve Engineer");
        String path = "/subscriber/" + partner.toLowerCase();
        stubs.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
        JsonPath created = given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(Map.of("url", stubs.baseUrl() + path, "events", events, "description", "Service desk"))
                .post("/api/webhooks")
                .then()
                .statusCode(201)
                .body("partner", equalTo(partner))
                .body("events", equalTo(events))
                .body("secret", startsWith("whsec_"))
                .extract()
                .jsonPath();
        return new Subscribed(partner, engineer, created.getLong("id"), created.getString("secret"), path);
    }

    private long raise(Subscribed s, String summary, List<Map<String, Object>> steps) {
        long policy = given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .contentType(ContentType.JSON)
                .body(Map.of("name", unique("Hooks"), "partner", s.partner(), "repeatCount", 0, "steps", steps))
                .post("/api/escalation-policies")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Map<String, Object> body = new HashMap<>();
        body.put("summary", summary);
        body.put("severity", "HIGH");
        body.put("policyId", policy);
        String key = Tokens.as("apikey:9")
                .roles("integration")
                .partner(s.partner())
                .scope("incidents:write")
                .token();
        return given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private List<Map<String, Object>> onePersonStep(Subscribed s, String delay) {
        return List.of(Map.of(
                "delay",
                delay,
                "targets",
                List.of(Map.of("kind", "PERSON", "personId", s.engineer().id()))));
    }

    private List<LoggedRequest> calls(Subscribed s, String event) {
        return stubs.findAll(postRequestedFor(urlPathEqualTo(s.path()))).stream()
                .filter(r -> event.equals(r.getHeader("X-Sharedict-Event")))
                .toList();
    }

    /** The recipe in docs/API.md, written out again here: HMAC-SHA256 over timestamp "." body, keyed with the secret. */
    private static void assertSigned(LoggedRequest r, String secret) throws Exception {
        String timestamp = r.getHeader("X-Sharedict-Timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "v1="
                + HexFormat.of()
                        .formatHex(
                                mac.doFinal((timestamp + "." + r.getBodyAsString()).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, r.getHeader("X-Sharedict-Signature"));
        long age = System.currentTimeMillis() / 1000 - Long.parseLong(timestamp);
        assertTrue(age >= -5 && age < 300, "timestamp " + timestamp);
    }

    @Test
    void subscribersGetSignedTriggeredAndAcknowledgedCallsAndTheTimelineShowsThem() throws Exception {
        Subscribed s = subscribe(List.of("incident.triggered", "incident.acknowledged", "incident.resolved"));
        long id = raise(s, "Firewall cluster down", onePersonStep(s, "PT10M"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> calls(s, "incident.triggered").size() == 1);
        LoggedRequest triggered = calls(s, "incident.triggered").get(0);
        assertSigned(triggered, s.secret());
        JsonPath body = JsonPath.from(triggered.getBodyAsString());
        assertEquals("incident.triggered", body.getString("event"));
        assertEquals(id, body.getLong("incident.id"));
        assertEquals("HIGH", body.getString("incident.severity"));
        assertEquals("Firewall cluster down", body.getString("incident.summary"));
        assertEquals(triggered.getHeader("X-Sharedict-Delivery"), body.getString("id"));

        given().auth()
                .oauth2(Tokens.engineer(s.partner()))
                .post("/api/incidents/" + id + "/acknowledge")
                .then()
                .statusCode(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> calls(s, "incident.acknowledged").size() == 1);
        LoggedRequest acknowledged = calls(s, "incident.acknowledged").get(0);
        assertSigned(acknowledged, s.secret());
        assertEquals(
                "ACKNOWLEDGED", JsonPath.from(acknowledged.getBodyAsString()).getString("incident.status"));

        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.admin())
                        .get("/api/incidents/" + id)
                        .then()
                        .body("timeline.findAll { it.kind == 'WEBHOOK_SENT' }.detail", hasSize(2))
                        .body(
                                "timeline.findAll { it.kind == 'WEBHOOK_SENT' }.recipient",
                                contains(stubs.baseUrl() + s.path(), stubs.baseUrl() + s.path())));
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .get("/api/webhooks/" + s.id() + "/attempts")
                .then()
                .statusCode(200)
                .body("event", contains("incident.acknowledged", "incident.triggered"))
                .body("status", contains("SENT", "SENT"))
                .body("lastStatus", contains(204, 204));
    }

    @Test
    void aFailingSubscriberIsRetriedWithGrowingWaitsAndEveryAttemptIsOnTheTimeline() throws Exception {
        Subscribed s = subscribe(List.of("incident.triggered"));
        stubs.stubFor(post(urlPathEqualTo(s.path()))
                .inScenario(s.path())
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("failed once"));
        stubs.stubFor(post(urlPathEqualTo(s.path()))
                .inScenario(s.path())
                .whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("failed twice"));
        stubs.stubFor(post(urlPathEqualTo(s.path()))
                .inScenario(s.path())
                .whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(200)));
        long id = raise(s, "Flaky subscriber", onePersonStep(s, "PT10M"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.admin())
                        .get("/api/incidents/" + id)
                        .then()
                        .body(
                                "timeline.findAll { it.kind.startsWith('WEBHOOK') }.kind",
                                contains("WEBHOOK_FAILED", "WEBHOOK_FAILED", "WEBHOOK_SENT"))
                        .body("timeline.findAll { it.kind.startsWith('WEBHOOK') }.attempt", contains(1, 2, 3)));
        List<LoggedRequest> calls = calls(s, "incident.triggered");
        assertEquals(3, calls.size());
        // The same event, signed afresh each time; first-retry is 0.5 s in tests, then twice that.
        for (LoggedRequest r : calls) {
            assertSigned(r, s.secret());
            assertEquals(calls.get(0).getHeader("X-Sharedict-Delivery"), r.getHeader("X-Sharedict-Delivery"));
        }
        long first = calls.get(1).getLoggedDate().getTime()
                - calls.get(0).getLoggedDate().getTime();
        long second = calls.get(2).getLoggedDate().getTime()
                - calls.get(1).getLoggedDate().getTime();
        assertTrue(first >= 450, "first retry after " + first + " ms");
        assertTrue(second >= 950, "second retry after " + second + " ms");
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/webhooks/" + s.id() + "/attempts")
                .then()
                .body("[0].attempts", equalTo(3))
                .body("[0].status", equalTo("SENT"))
                .body("[0].lastError", nullValue());
    }

    @Test
    void aSubscriberThatNeverAnswersWellIsGivenUpOnAndTheTimelineSaysSo() {
        Subscribed s = subscribe(List.of("incident.triggered"));
        stubs.stubFor(post(urlPathEqualTo(s.path())).willReturn(aResponse().withStatus(500)));
        long id = raise(s, "Dead subscriber", onePersonStep(s, "PT10M"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.admin())
                        .get("/api/incidents/" + id)
                        .then()
                        .body(
                                "timeline.findAll { it.kind.startsWith('WEBHOOK') }.kind",
                                contains("WEBHOOK_FAILED", "WEBHOOK_FAILED", "WEBHOOK_GAVE_UP")));
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .get("/api/webhooks/" + s.id() + "/attempts")
                .then()
                .body("[0].status", equalTo("FAILED"))
                .body("[0].lastStatus", equalTo(500))
                .body("[0].lastError", equalTo("answered HTTP 500"));
    }

    @Test
    void aStepPastTheFirstTellsEscalatedSubscribers() throws Exception {
        Subscribed s = subscribe(List.of("incident.escalated"));
        long id = raise(
                s,
                "Nobody answers",
                List.of(
                        Map.of(
                                "delay",
                                "PT1S",
                                "targets",
                                List.of(Map.of(
                                        "kind",
                                        "PERSON",
                                        "personId",
                                        s.engineer().id()))),
                        Map.of(
                                "delay",
                                "PT1S",
                                "targets",
                                List.of(Map.of(
                                        "kind",
                                        "PERSON",
                                        "personId",
                                        s.engineer().id())))));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> calls(s, "incident.escalated").size() == 1);
        LoggedRequest r = calls(s, "incident.escalated").get(0);
        assertSigned(r, s.secret());
        JsonPath body = JsonPath.from(r.getBodyAsString());
        assertEquals(2, body.getInt("step"));
        assertEquals(id, body.getLong("incident.id"));
        assertEquals(0, calls(s, "incident.triggered").size());
    }

    @Test
    void theTestCallIsSignedAndListedAndNotOnAnyTimeline() throws Exception {
        Subscribed s = subscribe(List.of("incident.resolved"));
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .post("/api/webhooks/" + s.id() + "/test")
                .then()
                .statusCode(202)
                .body("event", equalTo("test"))
                .body("status", equalTo("PENDING"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> calls(s, "test").size() == 1);
        LoggedRequest r = calls(s, "test").get(0);
        assertSigned(r, s.secret());
        assertTrue(JsonPath.from(r.getBodyAsString()).getBoolean("test"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.manager(s.partner()))
                        .get("/api/webhooks/" + s.id() + "/attempts")
                        .then()
                        .body("status", contains("SENT"))
                        .body("incidentId", contains((Object) null)));
    }

    @Test
    void onlyThePartnersManagersAndAdminsKeepSubscriptionsAndTheSecretIsShownOnce() {
        Subscribed s = subscribe(List.of("incident.triggered"));
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .get("/api/webhooks")
                .then()
                .statusCode(200)
                .body("id", contains((int) s.id()))
                .body("secret", contains((Object) null));
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/webhooks/" + s.id())
                .then()
                .statusCode(200)
                .body("secret", nullValue());
        given().auth()
                .oauth2(Tokens.engineer(s.partner()))
                .get("/api/webhooks")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.manager("OTHER"))
                .get("/api/webhooks/" + s.id())
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.manager("OTHER"))
                .post("/api/webhooks/" + s.id() + "/test")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.manager("OTHER"))
                .delete("/api/webhooks/" + s.id())
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.engineer(s.partner()))
                .contentType(ContentType.JSON)
                .body(Map.of("url", "https://example.org/hook", "events", List.of("incident.triggered")))
                .post("/api/webhooks")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .delete("/api/webhooks/" + s.id())
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/webhooks/" + s.id())
                .then()
                .spec(problem(404));
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheField() {
        String partner = Fixtures.partner(stubs);
        String manager = Tokens.manager(partner);
        Map<String, Object> wrongEvent = Map.of("url", "https://example.org/h", "events", List.of("incident.exploded"));
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(wrongEvent)
                .post("/api/webhooks")
                .then()
                .spec(invalidField("events"));
        Map<String, Object> ftp = Map.of("url", "ftp://example.org/h", "events", List.of("incident.triggered"));
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(ftp)
                .post("/api/webhooks")
                .then()
                .spec(invalidField("url"));
        Map<String, Object> noEvents = Map.of("url", "https://example.org/h", "events", List.of());
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(noEvents)
                .post("/api/webhooks")
                .then()
                .spec(invalidField("events"));
        Map<String, Object> notUrl = Map.of("url", "https://exa mple.org/h", "events", List.of("incident.triggered"));
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(notUrl)
                .post("/api/webhooks")
                .then()
                .spec(invalidField("url"));
        given().auth()
                .oauth2(manager)
                .get("/api/webhooks")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }
}
