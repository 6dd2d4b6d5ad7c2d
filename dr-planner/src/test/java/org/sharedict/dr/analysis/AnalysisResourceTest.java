package org.sharedict.dr.analysis;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.sharedict.dr.testing.InjectStubs;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.sharedict.dr.testing.Fixtures.councilActivities;
import static org.sharedict.dr.testing.Fixtures.plan;
import static org.sharedict.dr.testing.Fixtures.publishedTemplate;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class AnalysisResourceTest {

    @InjectStubs
    WireMockServer stubs;

    @Inject
    CircuitBreakerMaintenance breakers;

    private static String expert(long id, String name, String partner, String skill, int level) {
        return """
                { "person": { "id": %d, "name": "%s", "partner": "%s", "partnerName": "%s council", "jobTitle": "Engineer",
                              "email": "p%d@example.gov.uk", "workPhone": "01632 960000", "mobile": "07700 900000",
                              "helpOtherPartners": true, "helpHoursPerMonth": 8, "outOfHours": true },
                  "score": 80.0, "matched": [ { "skill": "%s", "name": "x", "level": %d, "verified": true } ],
                  "missing": [], "reasons": [], "stale": false, "available": true }
                """.formatted(id, name, partner, partner, id, skill, level);
    }

    private static String page(long total, String... items) {
        return "{ \"items\": [" + String.join(",", items) + "], \"page\": 0, \"size\": 50, \"totalItems\": " + total
                + ", \"totalPages\": 1 }";
    }

    @BeforeEach
    void skillsServiceKnowsTheBostonTeam() {
        // Each test starts with closed circuit breakers, whatever the previous one did to them.
        breakers.resetAll();
        stubs.resetAll();
        // By default: two holders at the partner, three elsewhere.
        stubs.stubFor(get(urlPathEqualTo("/api/experts"))
                .withQueryParam("partner", matching(".+"))
                .willReturn(
                        okJson(page(2, expert(1, "Ann Able", "BBC", "X", 4), expert(2, "Ben Baker", "BBC", "X", 3)))));
        stubs.stubFor(get(urlPathEqualTo("/api/experts"))
                .withQueryParam("excludePartner", matching(".+"))
                .willReturn(okJson(page(3, expert(7, "Cat Cole", "LCC", "X", 5)))));
        // Only Sam holds SQL Server at Boston; nobody holds PAYROLL.
        stubs.stubFor(get(urlPathEqualTo("/api/experts"))
                .withQueryParam("skill", equalTo("SQL_SERVER"))
                .withQueryParam("partner", equalTo("BBC"))
                .willReturn(okJson(page(1, expert(12, "Sam Carter", "BBC", "SQL_SERVER", 4)))));
        stubs.stubFor(get(urlPathEqualTo("/api/experts"))
                .withQueryParam("skill", equalTo("PAYROLL"))
                .withQueryParam("partner", equalTo("BBC"))
                .willReturn(okJson(page(0))));
        stubs.stubFor(
                get(urlPathEqualTo("/api/skills/PAYROLL"))
                        .willReturn(
                                okJson(
                                        "{\"code\": \"PAYROLL\", \"name\": \"Payroll systems\", \"category\": \"BUSINESS_APPLICATIONS\", \"aliases\": []}")));
        stubs.stubFor(get(urlPathEqualTo("/api/oncall"))
                .withQueryParam("partner", equalTo("BBC"))
                .willReturn(okJson("""
                        { "partner": "BBC", "at": "2026-11-22T23:00:00Z", "covered": true,
                          "primary": { "personId": 12, "name": "Sam Carter", "partner": "BBC", "phone": "07700 900123",
                                       "email": "sam@example.gov.uk", "rotaId": 3, "rotaName": "Districts out of hours",
                                       "reason": "SCHEDULED", "shiftStart": "2026-11-22T17:30:00Z", "shiftEnd": "2026-11-23T08:30:00Z" },
                          "secondary": null }""")));
    }

    @Test
    void recoveryOrderFollowsDependenciesThenTierThenRto() {
        long id = plan("BBC", publishedTemplate(councilActivities()));
        given().auth()
                .oauth2(Tokens.viewer("LCC"))
                .when()
                .get("/api/dr/plans/" + id + "/analysis?skills=false")
                .then()
                .statusCode(200)
                // email (tier 2, RTO 480) and payroll (tier 2, RTO 240) both wait for the directory: payroll first.
                .body("recoveryOrder.key", contains("power", "network", "directory", "payroll", "email"))
                .body("recoveryOrder[2].earliestRecoveryMinutes", Matchers.equalTo(135))
                .body("recoveryOrder[3].earliestRecoveryMinutes", Matchers.equalTo(375));
    }

    @Test
    void rtoMissesNameTheChainThatCausesThem() {
        long id = plan("BBC", publishedTemplate(councilActivities()));
        given().auth()
                .oauth2(Tokens.viewer("LCC"))
                .when()
                .get("/api/dr/plans/" + id + "/analysis?skills=false")
                .then()
                .statusCode(200)
                .body("feasibility.allRtosMet", Matchers.equalTo(false))
                .body("feasibility.misses.key", contains("payroll"))
                .body("feasibility.misses[0].shortfallMinutes", Matchers.equalTo(135))
                .body("feasibility.misses[0].chain", contains("power", "network", "directory", "payroll"))
                .body("feasibility.misses[0].earliestRecoveryMinutes", Matchers.equalTo(375))
                .body("recoveryOrder.earliestRecoveryMinutes", contains(30, 75, 135, 375, 255));
    }

    @Test
    void singlePointsOfFailureCoverActivitiesOwnersAndSkillsHeldByOnePerson() {
        long id = plan("BBC", publishedTemplate(councilActivities()));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .get("/api/dr/plans/" + id + "/analysis")
                .then()
                .statusCode(200)
                .body("singlePointsOfFailure.activities.key", contains("power", "network"))
                .body("singlePointsOfFailure.activities[0].totalDependents", Matchers.equalTo(4))
                .body("singlePointsOfFailure.unownedSteps.stepKey", contains("restore-db", "check"))
                .body("singlePointsOfFailure.skills.status", Matchers.equalTo("KNOWN"))
                .body(
                        "singlePointsOfFailure.skills.skills.find { it.skill == 'SQL_SERVER' }.singlePoint",
                        Matchers.equalTo(true))
                .body(
                        "singlePointsOfFailure.skills.skills.find { it.skill == 'SQL_SERVER' }.soleHolder",
                        Matchers.equalTo("Sam Carter"))
                .body(
                        "singlePointsOfFailure.skills.skills.find { it.skill == 'PAYROLL' }.noHolder",
                        Matchers.equalTo(true))
                .body(
                        "singlePointsOfFailure.skills.skills.find { it.skill == 'PAYROLL' }.skillName",
                        Matchers.equalTo("Payroll systems"))
                .body(
                        "singlePointsOfFailure.skills.skills.find { it.skill == 'NETWORKING' }.singlePoint",
                        Matchers.equalTo(false));
        stubs.verify(getRequestedFor(urlPathEqualTo("/api/experts"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withQueryParam("partner", equalTo("BBC")));
    }

    @Test
    void aSkillCodeSkillsServiceDoesNotKnowIsToldApartFromAGap() {
        long id = plan("BBC", publishedTemplate(councilActivities()));
        stubs.stubFor(get(urlPathEqualTo("/api/experts"))
                .withQueryParam("skill", equalTo("EXCHANGE"))
                .withQueryParam("partner", equalTo("BBC"))
                .willReturn(okJson(page(0))));
        stubs.stubFor(get(urlPathEqualTo("/api/skills/EXCHANGE"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"title\":\"Not found\"}")));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .get("/api/dr/plans/" + id + "/analysis")
                .then()
                .statusCode(200)
                .body(
                        "singlePointsOfFailure.skills.skills.find { it.skill == 'EXCHANGE' }.status",
                        Matchers.equalTo("NOT_FOUND"))
                .body(
                        "singlePointsOfFailure.skills.skills.find { it.skill == 'EXCHANGE' }.reason",
                        Matchers.containsString("no skill with the code EXCHANGE"));
    }

    @Test
    void staffingListsOwnPartnerFirstThenOthersAndWhoIsOnCall() {
        long id = plan("BBC", publishedTemplate(councilActivities()));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .get("/api/dr/plans/" + id + "/staffing")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("onCallNow.status", Matchers.equalTo("KNOWN"))
                .body("onCallNow.primary.name", Matchers.equalTo("Sam Carter"))
                .body("skills.skill", hasItem("NETWORKING"))
                .body(
                        "skills.find { it.skill == 'NETWORKING' }.ownPartner.candidates.name",
                        contains("Ann Able", "Ben Baker"))
                .body("skills.find { it.skill == 'NETWORKING' }.otherPartners.candidates.partner", contains("LCC"))
                .body("skills.find { it.skill == 'NETWORKING' }.steps[0].stepKey", Matchers.equalTo("core-switch"));
        stubs.verify(getRequestedFor(urlPathEqualTo("/api/experts"))
                .withQueryParam("excludePartner", equalTo("BBC"))
                .withHeader("Authorization", matching("Bearer .+")));
        stubs.verify(getRequestedFor(urlPathEqualTo("/api/oncall")).withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void servicesDownGiveAClearUnknownQuicklyNotAnError() {
        long id = plan("BBC", publishedTemplate(councilActivities()));
        stubs.resetAll();
        stubs.stubFor(
                get(urlPathEqualTo("/api/experts")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        stubs.stubFor(get(urlPathEqualTo("/api/oncall")).willReturn(aResponse().withStatus(503)));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .get("/api/dr/plans/" + id + "/analysis")
                .then()
                .statusCode(200)
                .time(lessThan(5000L))
                .body("singlePointsOfFailure.skills.status", Matchers.equalTo("UNKNOWN"))
                .body("singlePointsOfFailure.skills.reason", Matchers.startsWith("skills-service did not answer"))
                .body("singlePointsOfFailure.skills.skills.status", not(hasItem("KNOWN")))
                .body("feasibility.misses.key", contains("payroll"));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .get("/api/dr/plans/" + id + "/staffing")
                .then()
                .statusCode(200)
                .time(lessThan(5000L))
                .body("onCallNow.status", Matchers.equalTo("UNKNOWN"))
                .body("onCallNow.reason", Matchers.startsWith("rota-service did not answer"))
                .body("onCallNow.primary", nullValue())
                .body("skills[0].ownPartner.status", Matchers.equalTo("UNKNOWN"));
    }

    @Test
    void aServiceThatHangsTimesOutIntoUnknown() {
        long id = plan("BBC", publishedTemplate(councilActivities()));
        stubs.resetAll();
        stubs.stubFor(get(urlPathEqualTo("/api/oncall"))
                .willReturn(okJson("{\"covered\": false}").withFixedDelay(8000)));
        stubs.stubFor(
                get(urlPathEqualTo("/api/experts")).willReturn(okJson(page(0)).withFixedDelay(8000)));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .get("/api/dr/plans/" + id + "/staffing")
                .then()
                .statusCode(200)
                .time(lessThan(7000L))
                .body("onCallNow.status", Matchers.equalTo("UNKNOWN"))
                .body("onCallNow.reason", Matchers.containsString("timed out"))
                .body("skills.ownPartner.status", not(hasItem("KNOWN")));
    }

    @Test
    void analysisNeedsSignInAndAnExistingPlan() {
        given().when().get("/api/dr/plans/1/analysis").then().spec(problem(401));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/99999999/analysis")
                .then()
                .spec(problem(404));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/x/staffing")
                .then()
                .spec(problem(400));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/1/analysis?skills=perhaps")
                .then()
                .spec(problem(400));
    }
}
