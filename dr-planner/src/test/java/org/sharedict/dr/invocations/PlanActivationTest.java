package org.sharedict.dr.invocations;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.sharedict.dr.testing.InjectStubs;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.sharedict.dr.invocations.CallOutTest.incident;
import static org.sharedict.dr.invocations.CallOutTest.incidentId;
import static org.sharedict.dr.invocations.CallOutTest.invoke;
import static org.sharedict.dr.invocations.CallOutTest.plan;
import static org.sharedict.dr.invocations.CallOutTest.raiseOf;
import static org.sharedict.testing.Problems.problem;

/** A plan page's activation section: the call tree a call-out would name, and how the last call-out went. */
@QuarkusTest
class PlanActivationTest {

    @InjectStubs
    WireMockServer stubs;

    @Test
    void thePlanShowsItsCallTreeAndItsLastCallOutNotSentThenAcknowledged() {
        CallOutTest.Plan plan = plan();
        given().auth()
                .oauth2(Tokens.viewer("LCC"))
                .when()
                .get("/api/dr/plans/" + plan.id() + "/activation")
                .then()
                .statusCode(200)
                .body("planId", equalTo((int) plan.id()))
                .body("callTree.name", contains("Dana Lead", "Fay Facilities"))
                .body("callTree.role", contains("OWNER", "RESPONDER"))
                .body("callTree.personId", contains(10, 13))
                .body("callTree[1].why", containsString("owns first-wave step"))
                .body("lastCallOut", nullValue());

        stubs.stubFor(raiseOf(plan).willReturn(aResponse().withStatus(503)));
        long id = invoke(plan).getLong("id");
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .get("/api/dr/plans/" + plan.id() + "/activation")
                .then()
                .statusCode(200)
                .body("lastCallOut.invocationId", equalTo((int) id))
                .body("lastCallOut.revision", equalTo(1))
                .body("lastCallOut.invocationStatus", equalTo("OPEN"))
                .body("lastCallOut.callOut.callOut.status", equalTo("NOT_SENT"))
                .body("lastCallOut.callOut.callOut.detail", containsString("rota-service did not answer"))
                .body("lastCallOut.callOut.mayRetry", equalTo(true));

        long incident = incidentId();
        stubs.stubFor(raiseOf(plan)
                .willReturn(okJson(incident(incident, "TRIGGERED", null)).withStatus(201)));
        stubs.stubFor(get(urlPathEqualTo("/api/incidents/" + incident))
                .willReturn(okJson(incident(incident, "ACKNOWLEDGED", "dana.lead"))));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.drLead("BBC"))
                        .when()
                        .post("/api/dr/invocations/" + id + "/call-out/retry")
                        .then()
                        .statusCode(200));
        JsonPath after = given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/" + plan.id() + "/activation")
                .then()
                .statusCode(200)
                .body("lastCallOut.callOut.callOut.status", equalTo("SENT"))
                .body("lastCallOut.callOut.callOut.incidentLink", equalTo("#/incidents/" + incident))
                .body("lastCallOut.callOut.incident.status", equalTo("ACKNOWLEDGED"))
                .body("lastCallOut.callOut.incident.acknowledgedBy", equalTo("dana.lead"))
                .body("lastCallOut.callOut.mayRetry", equalTo(false))
                .extract()
                .jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(
                2, after.getList("lastCallOut.callOut.callOut.people").size(), "the people the call-out named");
    }

    @Test
    void anUnknownPlanIsNotFound() {
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/987654321/activation")
                .then()
                .spec(problem(404));
    }
}
