package org.sharedict.rota.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.testing.DatabaseFaultProxy;
import org.sharedict.testing.DatabaseOutages;
import org.sharedict.testing.InjectDatabaseProxy;
import org.sharedict.testing.Problems;
import org.sharedict.testing.TcpFaultProxy;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

/**
 * rota-service with its database (Quartz's job store included) behind a fault proxy: killed,
 * frozen, and back; escalations still fire afterwards, with no restart.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ThroughFaultProxy.class)
class DatabaseOutageTest {

    public static class ThroughFaultProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseFaultProxy.class));
        }
    }

    @InjectDatabaseProxy
    TcpFaultProxy database;

    @InjectStubs
    WireMockServer stubs;

    private static Response incidents() {
        return given().auth().oauth2(Tokens.admin()).when().get("/api/incidents");
    }

    @AfterEach
    void databaseBack() {
        database.pass();
    }

    @Test
    void aKilledDatabaseIsA503AndEscalationsFireAgainWhenItIsBack() {
        DatabaseOutages.killedThenBack(database, DatabaseOutageTest::incidents);
        escalatesToTheSecondStep();
    }

    @Test
    void aFrozenDatabaseIsA503WithinBoundsAndEscalationsFireAgainWhenItResumes() {
        DatabaseOutages.frozenThenBack(database, DatabaseOutageTest::incidents);
        escalatesToTheSecondStep();
    }

    @Test
    void raisingAnIncidentDuringAnOutageIsA503() {
        incidents().then().statusCode(200);
        database.kill();
        DatabaseOutages.timed(() -> raise(null)).then().spec(Problems.databaseUnavailable());
    }

    /** A two-step policy of webhooks: step 2 is Quartz's to fire, a second after step 1. */
    private void escalatesToTheSecondStep() {
        String partner = Fixtures.partner(stubs);
        String first = "/hooks/outage/" + partner.toLowerCase() + "/1";
        String second = "/hooks/outage/" + partner.toLowerCase() + "/2";
        stubs.stubFor(post(urlPathEqualTo(first)).willReturn(aResponse().withStatus(200)));
        stubs.stubFor(post(urlPathEqualTo(second)).willReturn(aResponse().withStatus(200)));
        List<Map<String, Object>> steps = List.of(
                Map.of("delay", "PT1S", "targets", List.of(Map.of("kind", "WEBHOOK", "url", stubs.baseUrl() + first))),
                Map.of(
                        "delay",
                        "PT1S",
                        "targets",
                        List.of(Map.of("kind", "WEBHOOK", "url", stubs.baseUrl() + second))));
        long policy = ((Number) given().auth()
                        .oauth2(Tokens.admin())
                        .contentType(ContentType.JSON)
                        .body(Map.of("name", "Outage " + partner, "repeatCount", 0, "steps", steps))
                        .when()
                        .post("/api/escalation-policies")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        raise(policy).then().statusCode(201);
        Awaitility.await("step 2 fired by Quartz")
                .atMost(DatabaseOutages.RECOVERY_WITHIN)
                .untilAsserted(() -> stubs.verify(postRequestedFor(urlPathEqualTo(second))));
    }

    private static Response raise(Long policy) {
        Map<String, Object> body =
                new HashMap<>(Map.of("partner", "BBC", "summary", "Core switch down", "severity", "HIGH"));
        if (policy != null) {
            body.put("policyId", policy);
        }
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/incidents");
    }
}
