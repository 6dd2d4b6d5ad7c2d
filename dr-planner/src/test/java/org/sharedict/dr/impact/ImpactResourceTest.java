package org.sharedict.dr.impact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.sharedict.dr.testing.Fixtures.approve;
import static org.sharedict.dr.testing.Fixtures.councilActivities;
import static org.sharedict.dr.testing.Fixtures.plan;
import static org.sharedict.dr.testing.Fixtures.publishedTemplate;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

/** Business impact ratings and the backup regime through the API, and what the analysis makes of them. */
@QuarkusTest
class ImpactResourceTest {

    private static Map<String, Object> payrollAssessment(Long version) {
        Map<String, Object> body = new HashMap<>();
        // Statutory duty to pay staff: major by 24 h, so the MTPD proposed is 24 h; payroll's RTO is 4 h.
        body.put(
                "ratings",
                Map.of(
                        "SERVICE_TO_RESIDENTS", List.of(1, 1, 2, 3, 3),
                        "STATUTORY_LEGAL", List.of(1, 2, 4, 5, 5),
                        "FINANCIAL", List.of(1, 2, 3, 4, 5)));
        body.put("backupFrequencyMinutes", 1440);
        body.put("offlineCopy", false);
        // The test clock is at 1 July 2026: this is over twelve months ago.
        body.put("lastRestoreTest", "2025-06-01");
        body.put("version", version);
        return body;
    }

    private static io.restassured.response.ValidatableResponse put(
            String token, long plan, String activity, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/dr/plans/" + plan + "/impact/" + activity)
                .then();
    }

    @Test
    void ratingsProposeTheMtpdAndTheBackupRegimeIsJudged() {
        long id = plan("BBC", publishedTemplate(councilActivities()));
        put(Tokens.drLead("BBC"), id, "payroll", payrollAssessment(null))
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("assessment.ratings.STATUTORY_LEGAL", contains(1, 2, 4, 5, 5))
                .body("assessment.lastRestoreTest", equalTo("2025-06-01"));
        given().auth()
                .oauth2(Tokens.viewer("LCC"))
                .when()
                .get("/api/dr/plans/" + id + "/impact")
                .then()
                .statusCode(200)
                .body("scale.timePointsMinutes", contains(60, 240, 1440, 4320, 10080))
                .body("scale.unacceptableRating", equalTo(4))
                .body("today", equalTo("2026-07-01"))
                .body("assessedCount", equalTo(1))
                .body("activities.key", contains("power", "network", "directory", "payroll", "email"))
                .body("activities.find { it.key == 'payroll' }.proposedMtpdMinutes", equalTo(1440))
                .body("activities.find { it.key == 'payroll' }.worstByTimePoint", contains(1, 2, 4, 5, 5))
                .body("activities.find { it.key == 'payroll' }.unacceptable.categories", contains("STATUTORY_LEGAL"))
                .body(
                        "activities.find { it.key == 'payroll' }.findings.kind",
                        contains("RPO_NOT_MET_BY_BACKUPS", "RESTORE_TEST_STALE"))
                .body("activities.find { it.key == 'email' }.assessed", equalTo(false))
                .body("activities.find { it.key == 'email' }.assessmentVersion", nullValue())
                // Payroll's RTO (4 h) is below its MTPD (24 h): no RTO finding.
                .body("findingCounts.RTO_NOT_BELOW_MTPD", nullValue())
                .body("findingCounts.RESTORE_TEST_STALE", equalTo(1))
                // Power is tier 1 with an RPO and no backups recorded.
                .body("activities.find { it.key == 'power' }.findings.kind", hasItems("NO_BACKUP", "NO_OFFLINE_COPY"));
    }

    @Test
    void inheritedTargetsSayWhereTheyComeFrom() {
        List<Map<String, Object>> as = councilActivities();
        // The directory's own RTO (4 h) is looser than the 2 h payroll needs once tightened.
        as.get(4).put("rtoMinutes", 120);
        as.get(4).put("mtpdMinutes", 1440);
        long id = plan("BBC", publishedTemplate(as));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .get("/api/dr/plans/" + id + "/impact")
                .then()
                .statusCode(200)
                .body("activities.find { it.key == 'directory' }.inheritedRto.minutes", equalTo(120))
                .body("activities.find { it.key == 'directory' }.inheritedRto.fromKey", equalTo("payroll"))
                .body("activities.find { it.key == 'directory' }.targetRtoMinutes", equalTo(120))
                .body("activities.find { it.key == 'power' }.inheritedRto.through", equalTo("network"))
                .body("activities.find { it.key == 'power' }.inheritedRto.minutes", equalTo(120))
                .body("activities.find { it.key == 'network' }.inheritedRto.through", equalTo("directory"))
                .body("activities.find { it.key == 'network' }.inheritedRto.hops", equalTo(2))
                .body("looserRtos.dependencyKey", contains("directory"))
                .body("looserRtos[0].dependantKey", equalTo("payroll"))
                .body("looserRtos[0].neededMinutes", equalTo(120));
    }

    @Test
    void anAssessmentOutlivesTheRevisionAndEditsNeedTheVersionRead() {
        long id = plan("BBC", publishedTemplate(councilActivities()));
        put(Tokens.drLead("BBC"), id, "payroll", payrollAssessment(null)).statusCode(200);
        put(Tokens.drLead("BBC"), id, "payroll", payrollAssessment(null)).spec(problem(428));
        put(Tokens.drLead("BBC"), id, "payroll", payrollAssessment(7L)).spec(problem(409));
        Map<String, Object> tested = payrollAssessment(0L);
        tested.put("backupFrequencyMinutes", 30);
        tested.put("lastRestoreTest", "2026-05-01");
        put(Tokens.drLead("BBC"), id, "payroll", tested).statusCode(200).body("version", equalTo(1));
        given().auth()
                .oauth2(Tokens.viewer("LCC"))
                .when()
                .get("/api/dr/plans/" + id + "/impact/payroll")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("assessment.backupFrequencyMinutes", equalTo(30));
        given().auth()
                .oauth2(Tokens.viewer("LCC"))
                .when()
                .get("/api/dr/plans/" + id + "/impact/email")
                .then()
                .spec(problem(404));
        approve("BBC", id);
        long next = ((Number) given().auth()
                        .oauth2(Tokens.drLead("BBC"))
                        .when()
                        .post("/api/dr/plans/" + id + "/revisions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .get("/api/dr/plans/" + next + "/impact")
                .then()
                .statusCode(200)
                .body("activities.find { it.key == 'payroll' }.backupFrequencyMinutes", equalTo(30))
                .body("activities.find { it.key == 'payroll' }.assessmentVersion", equalTo(1))
                .body("activities.find { it.key == 'payroll' }.findings", org.hamcrest.Matchers.empty());
    }

    @Test
    void onlyThePartnersDrLeadAssessesAndBadInputNamesTheField() {
        long id = plan("BBC", publishedTemplate(councilActivities()));
        put(Tokens.drLead("LCC"), id, "payroll", payrollAssessment(null)).spec(problem(403));
        put(Tokens.viewer("BBC"), id, "payroll", payrollAssessment(null)).spec(problem(403));
        put(Tokens.drLead("BBC"), id, "no-such-activity", payrollAssessment(null))
                .spec(problem(404));
        put(Tokens.drLead("BBC"), 99999999, "payroll", payrollAssessment(null)).spec(problem(404));
        Map<String, Object> six = payrollAssessment(null);
        six.put("ratings", Map.of("FINANCIAL", List.of(1, 2, 3, 4, 6)));
        put(Tokens.drLead("BBC"), id, "payroll", six).spec(problem(400));
        Map<String, Object> four = payrollAssessment(null);
        four.put("ratings", Map.of("FINANCIAL", List.of(1, 2, 3, 4)));
        put(Tokens.drLead("BBC"), id, "payroll", four).spec(problem(400));
        Map<String, Object> future = payrollAssessment(null);
        future.put("lastRestoreTest", "2026-07-02");
        put(Tokens.drLead("BBC"), id, "payroll", future).spec(invalidField("lastRestoreTest"));
        Map<String, Object> zero = payrollAssessment(null);
        zero.put("backupFrequencyMinutes", 0);
        put(Tokens.drLead("BBC"), id, "payroll", zero).spec(problem(400));
        Map<String, Object> unknown = payrollAssessment(null);
        unknown.put("ratings", Map.of("WEATHER", List.of(1, 2, 3, 4, 5)));
        put(Tokens.drLead("BBC"), id, "payroll", unknown).spec(problem(400));
        // Nothing half-written: the activity is still unassessed.
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .get("/api/dr/plans/" + id + "/impact")
                .then()
                .statusCode(200)
                .body("assessedCount", equalTo(0));
        given().when().get("/api/dr/plans/" + id + "/impact").then().spec(problem(401));
    }
}
