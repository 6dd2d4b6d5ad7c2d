package org.sharedict.rota.incidents;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.rota.testing.TestClock;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.rota.testing.Fixtures.createRota;
import static org.sharedict.rota.testing.Fixtures.mailsTo;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.rota;
import static org.sharedict.rota.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class EscalationTest {

    @InjectStubs
    WireMockServer stubs;

    @InjectMailServer
    GreenMail mail;

    @Inject
    TestClock clock;

    private record Setup(String partner, Person primary, Person secondary, Person manager, long rotaId, String hook) {}

    /** A 24x7 rota on call now (primary and secondary) and the partner's manager in the skills stub. */
    private Setup setup() {
        String partner = Fixtures.partner(stubs);
        Person a = person(stubs, partner, "Pat Primary");
        Person b = person(stubs, "NKDC", "Sid Secondary");
        Person m = person(stubs, partner, "Mo Manager", true);
        Fixtures.managersOf(stubs, partner, m);
        long rota = createRota(
                Tokens.admin(),
                rota(
                        unique("Now"),
                        List.of(partner),
                        "ALWAYS",
                        "P7D",
                        "00:00",
                        LocalDate.now(clock.withZone(Fixtures.LONDON)).minusDays(1),
                        List.of(a.id()),
                        List.of(b.id())));
        String hook = "/hooks/" + partner.toLowerCase();
        stubs.stubFor(post(urlPathEqualTo(hook)).willReturn(aResponse().withStatus(200)));
        return new Setup(partner, a, b, m, rota, hook);
    }

    private long policy(Setup s, String delay, int repeat, List<List<Map<String, Object>>> steps) {
        List<Map<String, Object>> stepBodies = steps.stream()
                .map(t -> Map.<String, Object>of("delay", delay, "targets", t))
                .toList();
        return ((Number) given().auth()
                        .oauth2(Tokens.manager(s.partner()))
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "name",
                                unique("Policy"),
                                "partner",
                                s.partner(),
                                "repeatCount",
                                repeat,
                                "steps",
                                stepBodies))
                        .when()
                        .post("/api/escalation-policies")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    private long threeStepPolicy(Setup s) {
        return policy(
                s,
                "PT2S",
                0,
                List.of(
                        List.of(Map.of("kind", "ROTA_LAYER", "rotaId", s.rotaId(), "layer", "PRIMARY")),
                        List.of(
                                Map.of("kind", "ROTA_LAYER", "rotaId", s.rotaId(), "layer", "SECONDARY"),
                                Map.of("kind", "WEBHOOK", "url", stubs.baseUrl() + s.hook())),
                        List.of(Map.of("kind", "PARTNER_MANAGER"))));
    }

    private static long raise(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static Map<String, Object> incident(String partner, String summary, Long policyId) {
        Map<String, Object> m = new HashMap<>();
        m.put("partner", partner);
        m.put("summary", summary);
        m.put("severity", "HIGH");
        if (policyId != null) {
            m.put("policyId", policyId);
        }
        return m;
    }

    private static JsonPath incidentView(long id) {
        return given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/incidents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Instant stepAt(JsonPath i, int step) {
        List<Map<String, Object>> events = i.getList("timeline");
        return events.stream()
                .filter(e -> "STEP_NOTIFIED".equals(e.get("kind"))
                        && Integer.valueOf(step).equals(e.get("step")))
                .map(e -> Instant.parse((String) e.get("at")))
                .findFirst()
                .orElseThrow();
    }

    /** Every page the incident queued, as its deliveries list them (each one is a page). */
    private static long queuedPages(long incidentId) {
        return given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/incidents/" + incidentId + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
    }

    private long pages(String address, long incidentId) {
        return mailsTo(mail, address, "incident #" + incidentId + ":").size();
    }

    @Test
    void escalatesToSecondStepWhenNotAcknowledged() {
        Setup s = setup();
        long policy = threeStepPolicy(s);
        String key = Tokens.as("apikey:7")
                .roles("integration")
                .partner(s.partner())
                .scope("incidents:write")
                .token();
        Map<String, Object> body = incident(null, "Core switch stack down", policy);
        long id = raise(key, body);

        // That step 2 waits for its delay is read from the timeline below, not from when mail happens to arrive.
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> pages(s.primary().email(), id) == 1);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> pages(s.secondary().email(), id) == 1);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> pages(s.manager().email(), id) == 1);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.viewer("BBC"))
                        .when()
                        .get("/api/incidents/" + id)
                        .then()
                        .body(
                                "timeline.kind",
                                hasItems("TRIGGERED", "STEP_NOTIFIED", "NOTIFICATION_SENT", "ESCALATION_EXHAUSTED")));
        stubs.verify(
                1,
                postRequestedFor(urlPathEqualTo(s.hook()))
                        .withRequestBody(equalToJson(
                                "{\"event\": \"incident.escalated\", \"step\": 2, \"incident\": {\"id\": " + id + "}}",
                                true,
                                true)));

        JsonPath i = incidentView(id);
        Duration oneToTwo = Duration.between(stepAt(i, 1), stepAt(i, 2));
        Duration twoToThree = Duration.between(stepAt(i, 2), stepAt(i, 3));
        // Never early; the upper bound only says "on time, give or take a busy machine" (lateness is measured in the
        // metric).
        assertTrue(
                oneToTwo.compareTo(Duration.ofSeconds(2)) >= 0 && oneToTwo.compareTo(Duration.ofSeconds(30)) < 0,
                "step 2 after " + oneToTwo);
        assertTrue(
                twoToThree.compareTo(Duration.ofSeconds(2)) >= 0 && twoToThree.compareTo(Duration.ofSeconds(30)) < 0,
                "step 3 after " + twoToThree);
        assertEquals("TRIGGERED", i.getString("status"));
        assertEquals(3, i.getInt("step"));
        assertEquals("apikey:7", i.getString("raisedBy"));
        // Each step fired once, whatever else was going on.
        assertEquals(1, pages(s.primary().email(), id));
        assertEquals(1, pages(s.secondary().email(), id));
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("rota_escalation_lateness_seconds_count"));
    }

    @Test
    void acknowledgingStopsTheEscalation() {
        Setup s = setup();
        long policy = policy(
                s,
                "PT10S",
                0,
                List.of(
                        List.of(Map.of("kind", "ROTA_LAYER", "rotaId", s.rotaId(), "layer", "PRIMARY")),
                        List.of(Map.of("kind", "ROTA_LAYER", "rotaId", s.rotaId(), "layer", "SECONDARY"))));
        long id = raise(Tokens.manager(s.partner()), incident(s.partner(), "Payroll server unreachable", policy));
        Instant due = Instant.parse(incidentView(id).getString("nextEscalationAt"));
        // The pooled engineer from another partner, paged by this incident (in the request that raised it),
        // acknowledges it.
        String engineer = Tokens.as("pat")
                .roles("engineer")
                .partner("ELDC")
                .person(s.primary().id())
                .token();
        given().auth()
                .oauth2(engineer)
                .when()
                .post("/api/incidents/" + id + "/acknowledge")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo("pat"))
                .body("nextEscalationAt", nullValue())
                .body("timeline.step", not(hasItem(2)));
        // Well after step 2 was due, nobody has been paged for it.
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> Instant.now().isAfter(due.plusSeconds(5)));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> pages(s.primary().email(), id) == 1);
        assertEquals(0, pages(s.secondary().email(), id));
        given().auth()
                .oauth2(engineer)
                .when()
                .post("/api/incidents/" + id + "/acknowledge")
                .then()
                .spec(problem(409));
        // Someone this incident never paged, from another partner, may not resolve it.
        given().auth()
                .oauth2(Tokens.as("x")
                        .roles("engineer")
                        .partner("ELDC")
                        .person(1)
                        .token())
                .when()
                .post("/api/incidents/" + id + "/resolve")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(engineer)
                .when()
                .post("/api/incidents/" + id + "/resolve")
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"));
        JsonPath i = incidentView(id);
        assertEquals(
                List.of("TRIGGERED", "STEP_NOTIFIED", "NOTIFICATION_QUEUED"),
                i.getList("timeline.kind").subList(0, 3));
        assertTrue(i.getList("timeline.kind").containsAll(List.of("ACKNOWLEDGED", "RESOLVED")));
        assertTrue(!i.getList("timeline.step").contains(2), "no step 2 on the timeline");
    }

    @Test
    void severityDecidesWhoAStepPages() {
        Setup s = setup();
        long policy = policy(
                s,
                "PT30M",
                0,
                List.of(List.of(
                        Map.of("kind", "PERSON", "personId", s.primary().id()),
                        Map.of("kind", "PERSON", "personId", s.manager().id(), "minSeverity", "HIGH"))));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/escalation-policies/" + policy)
                .then()
                .statusCode(200)
                .body("steps[0].targets[0].minSeverity", nullValue())
                .body("steps[0].targets[1].minSeverity", equalTo("HIGH"));

        Map<String, Object> medium = incident(s.partner(), "Print queue stuck at Sleaford", policy);
        medium.put("severity", "MEDIUM");
        long quiet = raise(Tokens.admin(), medium);
        assertEquals(1, pagesOf(quiet, s.primary().id()));
        assertEquals(0, pagesOf(quiet, s.manager().id()), "the manager is kept for HIGH and CRITICAL incidents");
        assertTrue(
                incidentView(quiet).getList("timeline.detail", String.class).stream()
                        .anyMatch(d -> d != null && d.contains("1 target not paged for a MEDIUM incident")),
                "the timeline says who was spared and why");

        long loud = raise(Tokens.admin(), incident(s.partner(), "Core switch down at Sleaford", policy));
        assertEquals(1, pagesOf(loud, s.primary().id()));
        assertEquals(1, pagesOf(loud, s.manager().id()));
    }

    @Test
    void aTargetsSeverityMustBeOneOfTheFour() {
        Setup s = setup();
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        unique("Policy"),
                        "partner",
                        s.partner(),
                        "steps",
                        List.of(Map.of(
                                "delay",
                                "PT5M",
                                "targets",
                                List.of(Map.of(
                                        "kind",
                                        "PERSON",
                                        "personId",
                                        s.primary().id(),
                                        "minSeverity",
                                        "URGENT"))))))
                .when()
                .post("/api/escalation-policies")
                .then()
                .spec(invalidField("steps[0].targets[0].minSeverity"));
    }

    /** The pages the incident queued for one person, as its deliveries list them. */
    private static long pagesOf(long incidentId, long personId) {
        return given()
                .auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/incidents/" + incidentId + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("personId", Long.class)
                .stream()
                .filter(p -> p != null && p == personId)
                .count();
    }

    @Test
    void aRepeatWithTheSameOpenDedupKeyAddsToTheIncidentInsteadOfPagingAgain() {
        Setup s = setup();
        long policy = policy(
                s,
                "PT30S",
                0,
                List.of(List.of(Map.of("kind", "PERSON", "personId", s.primary().id()))));
        Map<String, Object> body = incident(s.partner(), "Disk full on FS01", policy);
        body.put("dedupKey", "fs01-disk");
        String admin = Tokens.admin();
        long id = raise(admin, body);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/incidents")
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id))
                .body("occurrences", equalTo(2));
        // Pages are queued with the request that causes them: the repeat queued none.
        assertEquals(1, queuedPages(id));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> pages(s.primary().email(), id) == 1);
        given().auth()
                .oauth2(admin)
                .when()
                .post("/api/incidents/" + id + "/resolve")
                .then()
                .statusCode(200);
        long again = raise(admin, body);
        assertTrue(again != id, "a resolved incident frees its key");
        given().auth()
                .oauth2(admin)
                .when()
                .get("/api/incidents/" + id)
                .then()
                .body("timeline.kind", hasItems("DUPLICATE"));
    }

    @Test
    void aPolicyRepeatsAsManyTimesAsItSays() {
        Setup s = setup();
        long policy = policy(
                s,
                "PT1S",
                1,
                List.of(List.of(Map.of("kind", "PERSON", "personId", s.manager().id()))));
        long id = raise(Tokens.admin(), incident(s.partner(), "UPS on battery", policy));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> pages(s.manager().email(), id) == 2);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.admin())
                        .when()
                        .get("/api/incidents/" + id)
                        .then()
                        .body("timeline.kind", hasItems("ESCALATION_EXHAUSTED")));
        assertEquals(List.of(1, 2), incidentView(id).getList("timeline.findAll { it.kind == 'STEP_NOTIFIED' }.pass"));
    }

    @Test
    void failedWebhooksAreRetriedAndEveryAttemptIsOnTheTimeline() {
        Setup s = setup();
        String flaky = "/hooks/flaky-" + s.partner().toLowerCase();
        String dead = "/hooks/dead-" + s.partner().toLowerCase();
        stubs.stubFor(post(urlPathEqualTo(flaky))
                .inScenario(flaky)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("second"));
        stubs.stubFor(post(urlPathEqualTo(flaky))
                .inScenario(flaky)
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("third"));
        stubs.stubFor(post(urlPathEqualTo(flaky))
                .inScenario(flaky)
                .whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(204)));
        stubs.stubFor(post(urlPathEqualTo(dead)).willReturn(aResponse().withStatus(500)));
        long policy = policy(
                s,
                "PT1H",
                0,
                List.of(List.of(
                        Map.of("kind", "WEBHOOK", "url", stubs.baseUrl() + flaky),
                        Map.of("kind", "WEBHOOK", "url", stubs.baseUrl() + dead))));
        long id = raise(Tokens.admin(), incident(s.partner(), "Teams channel test", policy));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.admin())
                        .when()
                        .get("/api/incidents/" + id)
                        .then()
                        .body("timeline.kind", hasItems("NOTIFICATION_GAVE_UP", "NOTIFICATION_SENT")));
        JsonPath i = incidentView(id);
        List<Map<String, Object>> events = i.getList("timeline");
        List<Integer> flakyAttempts = events.stream()
                .filter(e -> String.valueOf(e.get("recipient")).endsWith(flaky) && e.get("attempt") != null)
                .map(e -> (Integer) e.get("attempt"))
                .toList();
        List<String> flakyKinds = events.stream()
                .filter(e -> String.valueOf(e.get("recipient")).endsWith(flaky) && e.get("attempt") != null)
                .map(e -> (String) e.get("kind"))
                .toList();
        assertEquals(List.of(1, 2, 3), flakyAttempts);
        assertEquals(List.of("NOTIFICATION_FAILED", "NOTIFICATION_FAILED", "NOTIFICATION_SENT"), flakyKinds);
        List<String> deadKinds = events.stream()
                .filter(e -> String.valueOf(e.get("recipient")).endsWith(dead) && e.get("attempt") != null)
                .map(e -> (String) e.get("kind"))
                .toList();
        assertEquals(
                List.of("NOTIFICATION_FAILED", "NOTIFICATION_FAILED", "NOTIFICATION_FAILED", "NOTIFICATION_GAVE_UP"),
                deadKinds);
        stubs.verify(4, postRequestedFor(urlPathEqualTo(dead)));
    }

    @Test
    void whoMayRaiseIncidents() {
        Setup s = setup();
        long policy = policy(
                s,
                "PT1H",
                0,
                List.of(List.of(Map.of("kind", "PERSON", "personId", s.manager().id()))));
        Map<String, Object> body = incident(s.partner(), "Backup job failed", policy);
        given().auth()
                .oauth2(Tokens.as("apikey:8")
                        .roles("integration")
                        .partner(s.partner())
                        .scope("reports:read")
                        .token())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/incidents")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.as("apikey:9")
                        .roles("integration")
                        .partner("OTHER")
                        .scope("incidents:write")
                        .token())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/incidents")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.viewer(s.partner()))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/incidents")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.engineer("OTHER"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/incidents")
                .then()
                .spec(problem(403));
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/incidents")
                .then()
                .spec(problem(401));
        raise(Tokens.engineer(s.partner()), body);
    }

    @Test
    void badIncidentsAndPoliciesAreRefusedNamingTheField() {
        Setup s = setup();
        String admin = Tokens.admin();
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("partner", s.partner(), "summary", "x"))
                .when()
                .post("/api/incidents")
                .then()
                .spec(invalidField("severity"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("partner", s.partner(), "summary", " ", "severity", "HIGH"))
                .when()
                .post("/api/incidents")
                .then()
                .spec(invalidField("summary"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("partner", s.partner(), "summary", "x", "severity", "URGENT"))
                .when()
                .post("/api/incidents")
                .then()
                .spec(invalidField("severity"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(incident(s.partner(), "x", 987_654L))
                .when()
                .post("/api/incidents")
                .then()
                .spec(invalidField("policyId"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(incident(Fixtures.partner(stubs), "nobody set a policy", null))
                .when()
                .post("/api/incidents")
                .then()
                .spec(problem(422))
                .body("type", equalTo("urn:sharedict:problem:no-escalation-policy"));

        String manager = Tokens.manager(s.partner());
        Map<String, Object> target = Map.of("kind", "ROTA_LAYER", "rotaId", s.rotaId());
        postPolicy(manager, s.partner(), List.of(Map.of("delay", "5 minutes", "targets", List.of(target))))
                .then()
                .spec(invalidField("steps[0].delay"));
        postPolicy(manager, s.partner(), List.of(Map.of("delay", "PT0S", "targets", List.of(target))))
                .then()
                .spec(invalidField("steps[0].delay"));
        postPolicy(
                        manager,
                        s.partner(),
                        List.of(Map.of("delay", "PT1M", "targets", List.of(Map.of("kind", "ROTA_LAYER")))))
                .then()
                .spec(invalidField("steps[0].targets[0].rotaId"));
        postPolicy(
                        manager,
                        s.partner(),
                        List.of(
                                Map.of("delay", "PT1M", "targets", List.of(target)),
                                Map.of(
                                        "delay",
                                        "PT1M",
                                        "targets",
                                        List.of(Map.of("kind", "WEBHOOK", "url", "ftp://example.org/x")))))
                .then()
                .spec(invalidField("steps[1].targets[0].url"));
        postPolicy(
                        manager,
                        s.partner(),
                        List.of(Map.of(
                                "delay", "PT1M", "targets", List.of(Map.of("kind", "PERSON", "personId", 99_999_999)))))
                .then()
                .spec(invalidField("steps[0].targets[0].personId"));
        postPolicy(manager, s.partner(), List.of()).then().spec(invalidField("steps"));
        postPolicy(Tokens.manager("OTHER"), s.partner(), List.of(Map.of("delay", "PT1M", "targets", List.of(target))))
                .then()
                .spec(problem(403));
        postPolicy(manager, null, List.of(Map.of("delay", "PT1M", "targets", List.of(target))))
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(admin)
                .queryParam("status", "SLEEPING")
                .when()
                .get("/api/incidents")
                .then()
                .spec(invalidField("status"));
    }

    /** A policy's targets hold the rotas they page (escalation_target's foreign key): the rota goes only once no policy pages it. */
    @Test
    void aRotaThatAPolicyPagesIsKeptUntilThePolicyStopsPagingIt() {
        Setup s = setup();
        long policy = policy(
                s,
                "PT1H",
                0,
                List.of(
                        List.of(Map.of("kind", "PARTNER_MANAGER")),
                        List.of(Map.of("kind", "ROTA_LAYER", "rotaId", s.rotaId(), "layer", "SECONDARY"))));
        JsonPath p = given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/escalation-policies/" + policy)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .delete("/api/rotas/" + s.rotaId())
                .then()
                .spec(problem(409))
                .body("detail", containsString("escalation policy \"" + p.getString("name") + "\""));
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        p.getString("name"),
                        "partner",
                        s.partner(),
                        "version",
                        p.getLong("version"),
                        "steps",
                        List.of(Map.of("delay", "PT1H", "targets", List.of(Map.of("kind", "PARTNER_MANAGER"))))))
                .when()
                .put("/api/escalation-policies/" + policy)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .delete("/api/rotas/" + s.rotaId())
                .then()
                .statusCode(204);
    }

    @Test
    void aPartnersDefaultPolicyIsUsedWhenTheIncidentNamesNone() {
        Setup s = setup();
        long policy = policy(s, "PT1H", 0, List.of(List.of(Map.of("kind", "ROTA_LAYER", "rotaId", s.rotaId()))));
        given().auth()
                .oauth2(Tokens.manager("OTHER"))
                .contentType(ContentType.JSON)
                .body(Map.of("policyId", policy))
                .when()
                .put("/api/escalation-policies/defaults/" + s.partner())
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .contentType(ContentType.JSON)
                .body(Map.of("policyId", policy))
                .when()
                .put("/api/escalation-policies/defaults/" + s.partner())
                .then()
                .statusCode(200)
                .body("policyId", equalTo((int) policy));
        long id = raise(Tokens.engineer(s.partner()), incident(s.partner(), "Website down", null));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/incidents/" + id)
                .then()
                .body("policyId", equalTo((int) policy));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> pages(s.primary().email(), id) == 1);
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .when()
                .delete("/api/escalation-policies/" + policy)
                .then()
                .spec(problem(409));
    }

    @Test
    void concurrentRaisesOfOneNewDedupKeyMakeOneIncident() throws Exception {
        Setup s = setup();
        long policy = policy(
                s,
                "PT1H",
                0,
                List.of(List.of(Map.of("kind", "PERSON", "personId", s.manager().id()))));
        Map<String, Object> body = incident(s.partner(), "Storage array alarm", policy);
        body.put("dedupKey", "array-alarm");
        String key = Tokens.as("apikey:11")
                .roles("integration")
                .partner(s.partner())
                .scope("incidents:write")
                .token();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> given().auth()
                    .oauth2(key)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/incidents")));
        }
        Set<Integer> ids = new HashSet<>();
        int created = 0;
        for (Future<Response> f : answers) {
            Response r = f.get();
            assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + ": " + r.asString());
            created += r.statusCode() == 201 ? 1 : 0;
            ids.add(r.jsonPath().getInt("id"));
        }
        pool.shutdown();
        assertEquals(1, created, "one raise created the incident");
        assertEquals(1, ids.size(), "every raise answered the same incident");
        long id = ids.iterator().next();
        assertEquals(8, incidentView(id).getInt("occurrences"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> pages(s.manager().email(), id) == 1);
        // A rota that a policy pages cannot be deleted from under it.
        long rotaPolicy = policy(s, "PT1H", 0, List.of(List.of(Map.of("kind", "ROTA_LAYER", "rotaId", s.rotaId()))));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .delete("/api/rotas/" + s.rotaId())
                .then()
                .spec(problem(409));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .delete("/api/escalation-policies/" + rotaPolicy)
                .then()
                .statusCode(204);
    }

    @Test
    void aPartnershipWidePolicyPagesTheManagersOfTheIncidentsPartner() {
        Setup s = setup();
        long policy = ((Number) given().auth()
                        .oauth2(Tokens.admin())
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "name",
                                unique("Partnership"),
                                "steps",
                                List.of(Map.of(
                                        "delay", "PT1H", "targets", List.of(Map.of("kind", "PARTNER_MANAGER"))))))
                        .when()
                        .post("/api/escalation-policies")
                        .then()
                        .statusCode(201)
                        .body("partner", nullValue())
                        .extract()
                        .path("id"))
                .longValue();
        // Setting the default is when rota-service learns who the partner's managers are.
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .contentType(ContentType.JSON)
                .body(Map.of("policyId", policy))
                .when()
                .put("/api/escalation-policies/defaults/" + s.partner())
                .then()
                .statusCode(200);
        long id = raise(Tokens.engineer(s.partner()), incident(s.partner(), "Firewall cluster failover", null));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> pages(s.manager().email(), id) == 1);
    }

    @Test
    void incidentsSortBySeverityAndStatusInTheirOwnOrderNotAlphabetically() {
        Setup s = setup();
        long policy = policy(
                s,
                "PT1H",
                0,
                List.of(List.of(Map.of("kind", "PERSON", "personId", s.manager().id()))));
        String admin = Tokens.admin();
        Map<String, Long> ids = new HashMap<>();
        for (String severity : List.of("MEDIUM", "CRITICAL", "LOW", "HIGH")) {
            Map<String, Object> body = incident(s.partner(), severity + " thing", policy);
            body.put("severity", severity);
            ids.put(severity, raise(admin, body));
        }
        given().auth()
                .oauth2(admin)
                .queryParam("partner", s.partner())
                .queryParam("sort", "-severity")
                .when()
                .get("/api/incidents")
                .then()
                .statusCode(200)
                .body("items.severity", contains("CRITICAL", "HIGH", "MEDIUM", "LOW"));
        given().auth()
                .oauth2(admin)
                .queryParam("partner", s.partner())
                .queryParam("sort", "severity")
                .when()
                .get("/api/incidents")
                .then()
                .statusCode(200)
                .body("items.severity", contains("LOW", "MEDIUM", "HIGH", "CRITICAL"));
        given().auth()
                .oauth2(admin)
                .when()
                .post("/api/incidents/" + ids.get("LOW") + "/resolve")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(admin)
                .when()
                .post("/api/incidents/" + ids.get("HIGH") + "/acknowledge")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(admin)
                .queryParam("partner", s.partner())
                .queryParam("sort", "status,-severity")
                .when()
                .get("/api/incidents")
                .then()
                .statusCode(200)
                .body("items.status", contains("TRIGGERED", "TRIGGERED", "ACKNOWLEDGED", "RESOLVED"))
                .body("items.severity", contains("CRITICAL", "MEDIUM", "HIGH", "LOW"));
        given().auth()
                .oauth2(admin)
                .queryParam("partner", s.partner())
                .queryParam("sort", "-status")
                .when()
                .get("/api/incidents")
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("RESOLVED"));
    }

    private static Response postPolicy(String token, String partner, List<Map<String, Object>> steps) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", unique("P"));
        body.put("partner", partner);
        body.put("steps", steps);
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/escalation-policies");
    }
}
