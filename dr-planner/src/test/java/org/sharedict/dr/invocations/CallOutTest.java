package org.sharedict.dr.invocations;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.sharedict.dr.testing.InjectStubs;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.sharedict.dr.testing.Fixtures.approve;
import static org.sharedict.dr.testing.Fixtures.councilActivities;
import static org.sharedict.dr.testing.Fixtures.publishedTemplate;
import static org.sharedict.dr.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.problem;

/** The call-out against a WireMock stand-in of rota-service: sent, rota-service failing, slow or down, and at close. */
@QuarkusTest
class CallOutTest {

    @InjectStubs
    WireMockServer stubs;

    record Plan(long id, String name) {}

    /**
     * An approved BBC plan whose owner (Dana Lead) and first-wave owner (Fay Facilities, who starts
     * the generator: power depends on nothing) have person IDs; the network engineer is second wave.
     */
    static Plan plan() {
        String name = unique("BBC call-out plan");
        Map<String, Object> body = new HashMap<>();
        body.put("partner", "BBC");
        body.put("name", name);
        body.put("templateId", publishedTemplate(councilActivities()));
        body.put("ownerName", "Dana Lead");
        body.put("ownerEmail", "dana.lead@bbc.example.gov.uk");
        body.put(
                "specifics",
                Map.of(
                        "owners",
                        List.of(
                                Map.of(
                                        "role",
                                        "DR lead",
                                        "name",
                                        "Dana Lead",
                                        "personId",
                                        10,
                                        "email",
                                        "dana.lead@bbc.example.gov.uk"),
                                Map.of("role", "Facilities manager", "name", "Fay Facilities", "personId", 13),
                                Map.of("role", "Network engineer", "name", "Nia Network", "personId", 11))));
        long id = ((Number) given().auth()
                        .oauth2(Tokens.drLead("BBC"))
                        .contentType(ContentType.JSON)
                        .body(body)
                        .when()
                        .post("/api/dr/plans")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        approve("BBC", id);
        return new Plan(id, name);
    }

    /** rota-service's POST /api/incidents for this plan's call-outs only (other tests invoke too). */
    static MappingBuilder raiseOf(Plan plan) {
        return post(urlPathEqualTo("/api/incidents"))
                .withRequestBody(matchingJsonPath("$.summary", containing(plan.name())));
    }

    static String incident(long id, String status, String acknowledgedBy) {
        return """
                {"id": %d, "partner": "BBC", "status": "%s", "policyName": "DR call-out", "acknowledgedBy": %s,
                 "acknowledgedAt": %s, "responders": [{"role": "OWNER", "personId": 10, "name": "Dana Lead"}]}
                """.formatted(
                        id,
                        status,
                        acknowledgedBy == null ? "null" : "\"" + acknowledgedBy + "\"",
                        acknowledgedBy == null ? "null" : "\"2026-12-07T02:20:00Z\"");
    }

    static JsonPath invoke(Plan plan) {
        return given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("planId", plan.id(), "reason", "Ransomware: file servers encrypted"))
                .when()
                .post("/api/dr/invocations")
                .then()
                .statusCode(201)
                .body("status", equalTo("OPEN"))
                .extract()
                .jsonPath();
    }

    private static JsonPath close(long id, int version) {
        return given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("summary", "Recovered from backups", "version", version))
                .when()
                .post("/api/dr/invocations/" + id + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .extract()
                .jsonPath();
    }

    static long incidentId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
    }

    @Test
    void invokingCallsTheOwnerAndTheFirstWaveOwnersOutThroughRotaService() {
        Plan plan = plan();
        long incident = incidentId();
        stubs.stubFor(raiseOf(plan)
                .willReturn(okJson(incident(incident, "TRIGGERED", null)).withStatus(201)));
        JsonPath inv = invoke(plan);
        long id = inv.getLong("id");
        assertEquals("SENT", inv.getString("callOut.status"));
        assertEquals(incident, inv.getLong("callOut.incidentId"));
        assertEquals("#/incidents/" + incident, inv.getString("callOut.incidentLink"));
        assertEquals(List.of("Dana Lead", "Fay Facilities"), inv.getList("callOut.people.name"));
        assertEquals(List.of("OWNER", "RESPONDER"), inv.getList("callOut.people.role"));
        assertEquals("CALL_OUT_SENT", inv.getString("timeline[1].kind"));
        stubs.verify(postRequestedFor(urlPathEqualTo("/api/incidents"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withRequestBody(equalToJson("""
                        {"partner": "BBC", "dedupKey": "dr-invocation-%d",
                         "callOut": {"reference": "dr-invocation-%d", "link": "/#/dr/invocations/%d",
                                     "owner": {"personId": 10, "name": "Dana Lead"},
                                     "responders": [{"personId": 13, "name": "Fay Facilities"}]}}
                        """.formatted(id, id, id), true, true)));

        // Acknowledged in rota-service like any page: the invocation shows by whom.
        stubs.stubFor(get(urlPathEqualTo("/api/incidents/" + incident))
                .willReturn(okJson(incident(incident, "ACKNOWLEDGED", "fay.facilities"))));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/invocations/" + id + "/call-out")
                .then()
                .statusCode(200)
                .body("callOut.status", equalTo("SENT"))
                .body("incident.status", equalTo("ACKNOWLEDGED"))
                .body("incident.acknowledgedBy", equalTo("fay.facilities"))
                .body("incidentUnknown", nullValue())
                .body("mayRetry", equalTo(false));

        // Closing the invocation resolves the incident.
        stubs.stubFor(post(urlPathEqualTo("/api/incidents/" + incident + "/resolve"))
                .willReturn(okJson(incident(incident, "RESOLVED", "fay.facilities"))));
        JsonPath closed = close(id, inv.getInt("version"));
        assertEquals("RESOLVED", closed.getString("callOut.status"));
        stubs.verify(postRequestedFor(urlPathEqualTo("/api/incidents/" + incident + "/resolve"))
                .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void whenRotaServiceFailsTheInvocationStillOpensSaysSoAndMayBeRetried() {
        Plan plan = plan();
        stubs.stubFor(raiseOf(plan).willReturn(aResponse().withStatus(503)));
        JsonPath inv = invoke(plan);
        long id = inv.getLong("id");
        assertEquals("NOT_SENT", inv.getString("callOut.status"));
        assertNull(inv.get("callOut.incidentId"));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .get("/api/dr/invocations/" + id)
                .then()
                .body("callOut.detail", containsString("could not be sent"))
                .body("callOut.detail", containsString("rota-service did not answer"))
                .body("timeline.kind", hasItem("CALL_OUT_NOT_SENT"));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .get("/api/dr/invocations/" + id + "/call-out")
                .then()
                .body("mayRetry", equalTo(true));
        // Who may not invoke the plan may not send its call-out either (and sees no retry).
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/invocations/" + id + "/call-out")
                .then()
                .body("mayRetry", equalTo(false));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .post("/api/dr/invocations/" + id + "/call-out/retry")
                .then()
                .spec(problem(403))
                .body("mayInvoke.role", hasItem("dr-lead"));

        long incident = incidentId();
        stubs.stubFor(raiseOf(plan)
                .willReturn(okJson(incident(incident, "TRIGGERED", null)).withStatus(201)));
        // The circuit may pause calls for a moment after the failure: retry until rota-service is asked.
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.drLead("BBC"))
                        .when()
                        .post("/api/dr/invocations/" + id + "/call-out/retry")
                        .then()
                        .statusCode(200)
                        .body("callOut.status", equalTo("SENT"))
                        .body("callOut.incidentId", equalTo((int) incident)));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .post("/api/dr/invocations/" + id + "/call-out/retry")
                .then()
                .spec(problem(409));
    }

    @Test
    void whenRotaServiceHangsOrDropsTheConnectionTheInvocationOpensInTime() {
        Plan slow = plan();
        stubs.stubFor(raiseOf(slow)
                .willReturn(okJson(incident(incidentId(), "TRIGGERED", null))
                        .withStatus(201)
                        .withFixedDelay(8000)));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("planId", slow.id(), "reason", "Core switch stack down"))
                .when()
                .post("/api/dr/invocations")
                .then()
                .statusCode(201)
                .time(lessThan(7000L))
                .body("callOut.status", equalTo("NOT_SENT"))
                .body("callOut.detail", containsString("timed out"));

        Plan down = plan();
        stubs.stubFor(raiseOf(down).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        JsonPath inv = invoke(down);
        assertEquals("NOT_SENT", inv.getString("callOut.status"));
        assertEquals(
                List.of("Dana Lead", "Fay Facilities"),
                inv.getList("callOut.people.name"),
                "who should have been called is still listed, to be called by hand");
    }

    @Test
    void whenRotaServiceIsDownAtCloseTheInvocationClosesAndSaysTheIncidentStillPages() {
        Plan plan = plan();
        long incident = incidentId();
        stubs.stubFor(raiseOf(plan)
                .willReturn(okJson(incident(incident, "TRIGGERED", null)).withStatus(201)));
        JsonPath inv = invoke(plan);
        long id = inv.getLong("id");
        stubs.stubFor(post(urlPathEqualTo("/api/incidents/" + incident + "/resolve"))
                .willReturn(aResponse().withStatus(500)));
        JsonPath closed = close(id, inv.getInt("version"));
        assertEquals("NOT_RESOLVED", closed.getString("callOut.status"));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .get("/api/dr/invocations/" + id)
                .then()
                .body("callOut.detail", containsString("could not be resolved"))
                .body("timeline.kind", contains("INVOKED", "CALL_OUT_SENT", "CLOSED", "CALL_OUT_NOT_RESOLVED"));
        stubs.stubFor(post(urlPathEqualTo("/api/incidents/" + incident + "/resolve"))
                .willReturn(okJson(incident(incident, "RESOLVED", null))));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.drLead("BBC"))
                        .when()
                        .post("/api/dr/invocations/" + id + "/call-out/retry")
                        .then()
                        .statusCode(200)
                        .body("callOut.status", equalTo("RESOLVED")));
    }
}
