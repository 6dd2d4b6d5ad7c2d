package org.sharedict.gateway.routing;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.sharedict.gateway.testing.Backends;
import org.sharedict.gateway.testing.InjectBackends;
import org.sharedict.testing.Problems;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A service that stops or hangs costs its own routes only: they answer 503 problem+json without
 * waiting for it (refused at once, then paused by the circuit breaker), while the rest of the
 * platform keeps answering; health and the merged OpenAPI say what is missing.
 */
@QuarkusTest
class ResilienceTest {

    @InjectBackends
    Backends.Servers backends;

    @Test
    void aStoppedServiceAnswers503QuicklyWhileTheOtherRoutesKeepWorking() {
        stub(backends.rota, "/api/oncall");
        stub(backends.skills, "/api/partners");
        stub(backends.dr, "/api/dr/plans");
        String token = Tokens.viewer("BBC");
        given().auth().oauth2(token).when().get("/api/oncall").then().statusCode(200);

        backends.rota.stop();
        try {
            // Far less than the route's 10 s timeout: a refused connection is answered at once.
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/oncall")
                    .then()
                    .spec(Problems.problem(503))
                    .body("type", equalTo("urn:sharedict:problem:dependency-unavailable"))
                    .body("service", equalTo("rota-service"))
                    .body("requestId", notNullValue())
                    .time(lessThan(5_000L));
            given().auth().oauth2(token).when().get("/api/partners").then().statusCode(200);
            given().auth().oauth2(token).when().get("/api/dr/plans").then().statusCode(200);
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/auth/providers")
                    .then()
                    .statusCode(200);

            // After repeated failures the breaker opens: answered without trying, with a time to retry.
            for (int i = 0; i < 6; i++) {
                given().auth().oauth2(token).when().get("/api/oncall").then().statusCode(503);
            }
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/oncall")
                    .then()
                    .spec(Problems.problem(503))
                    .body("circuit", equalTo("open"))
                    .header("Retry-After", notNullValue());

            // Readiness keeps the gateway in service and says which service is down; the strict group does not.
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> given().when()
                            .get("/q/health/ready")
                            .then()
                            .statusCode(200)
                            .body(
                                    "checks.find { it.name == 'platform services' }.data.'rota-service'",
                                    containsString("DOWN"))
                            .body(
                                    "checks.find { it.name == 'platform services' }.data.'skills-service'",
                                    equalTo("UP")));
            given().when().get("/q/health/group/platform").then().statusCode(503);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> given().queryParam("format", "json")
                            .when()
                            .get("/q/openapi")
                            .then()
                            .statusCode(200)
                            .body("info.description", containsString("rota-service"))
                            .body("'x-sharedict-services'.find { it.name == 'rota-service' }.included", equalTo(false))
                            .body("paths", Matchers.hasKey("/api/experts"))
                            .body("paths", Matchers.not(Matchers.hasKey("/api/oncall"))));
        } finally {
            backends.restart(backends.rota, "rota-service");
            stub(backends.rota, "/api/oncall");
        }
        // The breaker lets a request through after its reset time (1 s in tests) and closes again.
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(300))
                .until(() ->
                        given().auth().oauth2(token).when().get("/api/oncall").statusCode() == 200);
        given().when().get("/q/health/group/platform").then().statusCode(200);
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsCutOffAndThenNotAskedAgainForAWhile() {
        String token = Tokens.viewer("BBC");
        int before = backends.probe.hangs.get();
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/slow/hang")
                .then()
                .spec(Problems.problem(503))
                .body("detail", containsString("did not answer within 1000 ms"));
        given().auth().oauth2(token).when().get("/api/slow/hang").then().statusCode(503);
        assertEquals(before + 2, backends.probe.hangs.get());
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/slow/hang")
                .then()
                .spec(Problems.problem(503))
                .body("circuit", equalTo("open"))
                .header("Retry-After", "30");
        assertEquals(before + 2, backends.probe.hangs.get(), "an open circuit does not reach the service at all");
        // The same probe behind its other route is unaffected.
        backends.probe.armStream();
        backends.probe.releaseStream();
        given().auth().oauth2(token).when().get("/api/probe/stream").then().statusCode(200);
    }

    static void stub(WireMockServer server, String path) {
        server.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[]}")));
    }
}
