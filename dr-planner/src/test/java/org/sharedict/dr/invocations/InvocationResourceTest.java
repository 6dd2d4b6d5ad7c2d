package org.sharedict.dr.invocations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import org.sharedict.dr.testing.TestClock;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.dr.testing.Fixtures.approve;
import static org.sharedict.dr.testing.Fixtures.councilActivities;
import static org.sharedict.dr.testing.Fixtures.plan;
import static org.sharedict.dr.testing.Fixtures.publishedTemplate;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class InvocationResourceTest {

    private static long approvedPlan(String partner) {
        long id = plan(partner, publishedTemplate(councilActivities()));
        approve(partner, id);
        return id;
    }

    private static JsonPath invoke(String partner, long planId, Instant startedAt) {
        return given().auth()
                .oauth2(Tokens.drLead(partner))
                .contentType(ContentType.JSON)
                .body(Map.of("planId", planId, "reason", "Fire at the data centre", "startedAt", startedAt.toString()))
                .when()
                .post("/api/dr/invocations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static JsonPath move(
            String token, long invocation, JsonPath view, String activity, String step, String state, String note) {
        String path = "activities.find { it.key == '" + activity + "' }.steps.find { it.key == '" + step + "' }";
        long stepId = view.getLong(path + ".id");
        int version = view.getInt(path + ".version");
        var body = note == null
                ? Map.of("state", state, "version", version)
                : Map.of("state", state, "note", note, "version", version);
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/dr/invocations/" + invocation + "/steps/" + stepId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void invokingAnApprovedPlanGivesALiveChecklistInRecoveryOrder() {
        long planId = approvedPlan("BBC");
        JsonPath inv = invoke("BBC", planId, TestClock.now().minus(Duration.ofMinutes(90)));
        assertEquals(List.of("power", "network", "directory", "payroll", "email"), inv.getList("activities.key"));
        assertEquals("OPEN", inv.getString("status"));
        assertTrue(inv.getLong("elapsedMinutes") >= 90 && inv.getLong("elapsedMinutes") < 95);
        // Power's RTO (60 min) has passed without recovery; network's (120 min) has not.
        assertEquals("BREACHED", inv.getString("activities[0].rtoStatus"));
        assertEquals("ON_TRACK", inv.getString("activities[1].rtoStatus"));
        assertEquals(List.of("power"), inv.getList("activities[1].waitingFor"));
        assertEquals("INVOKED", inv.getString("timeline[0].kind"));
    }

    @Test
    void stepsMoveThroughTheirStatesWithWhoAndWhenOnTheTimeline() {
        long planId = approvedPlan("LCC");
        JsonPath inv = invoke("LCC", planId, TestClock.now().minus(Duration.ofMinutes(10)));
        long id = inv.getLong("id");
        String engineer = Tokens.engineer("LCC");
        inv = move(engineer, id, inv, "power", "generator", "IN_PROGRESS", null);
        assertEquals("IN_PROGRESS", inv.getString("activities[0].state"));
        assertEquals("engineer-lcc", inv.getString("activities[0].steps[0].updatedBy"));
        inv = move(engineer, id, inv, "power", "generator", "DONE", "Generator on load");
        assertEquals("RECOVERED", inv.getString("activities[0].state"));
        assertEquals("MET", inv.getString("activities[0].rtoStatus"));
        assertEquals(List.of(), inv.getList("activities[1].waitingFor"));
        inv = move(Tokens.drLead("LCC"), id, inv, "payroll", "check", "SKIPPED", "No pay run this week");
        assertEquals(
                "SKIPPED",
                inv.getString("activities.find { it.key == 'payroll' }.steps.find { it.key == 'check' }.state"));
        // No rota-service stub answers this plan's call-out, so the timeline says it was not sent.
        assertEquals(
                List.of(
                        "INVOKED",
                        "CALL_OUT_NOT_SENT",
                        "STEP_IN_PROGRESS",
                        "STEP_DONE",
                        "ACTIVITY_RECOVERED",
                        "STEP_SKIPPED"),
                inv.getList("timeline.kind"));
        assertTrue(inv.getString("timeline[3].message").contains("Generator on load"));
        given().auth()
                .oauth2(engineer)
                .contentType(ContentType.JSON)
                .body(Map.of("message", "Network supplier on site"))
                .when()
                .post("/api/dr/invocations/" + id + "/notes")
                .then()
                .statusCode(200)
                .body("timeline.kind", hasItem("NOTE"));
        // Sent as text, the JSON would otherwise become the note's text as it is.
        given().auth()
                .oauth2(engineer)
                .contentType(ContentType.TEXT)
                .body("{\"message\":\"as text\"}")
                .when()
                .post("/api/dr/invocations/" + id + "/notes")
                .then()
                .spec(problem(415));
        given().auth()
                .oauth2(engineer)
                .contentType(ContentType.JSON)
                .body(Map.of("message", 42))
                .when()
                .post("/api/dr/invocations/" + id + "/notes")
                .then()
                .spec(invalidField("message"));
        assertEquals(1, inv.getInt("progress.done"));
        assertEquals(1, inv.getInt("progress.skipped"));
    }

    @Test
    void impossibleMovesAndSkipsWithoutReasonAreRefused() {
        long planId = approvedPlan("COL");
        JsonPath inv = invoke("COL", planId, TestClock.now());
        long id = inv.getLong("id");
        long stepId = inv.getLong("activities[0].steps[0].id");
        inv = move(Tokens.drLead("COL"), id, inv, "power", "generator", "DONE", null);
        given().auth()
                .oauth2(Tokens.drLead("COL"))
                .contentType(ContentType.JSON)
                .body(Map.of("state", "SKIPPED", "note", "x", "version", inv.getInt("activities[0].steps[0].version")))
                .when()
                .put("/api/dr/invocations/" + id + "/steps/" + stepId)
                .then()
                .spec(problem(409))
                .body("currentState", equalTo("DONE"));
        long other = inv.getLong("activities[1].steps[0].id");
        given().auth()
                .oauth2(Tokens.drLead("COL"))
                .contentType(ContentType.JSON)
                .body(Map.of("state", "SKIPPED", "version", inv.getInt("activities[1].steps[0].version")))
                .when()
                .put("/api/dr/invocations/" + id + "/steps/" + other)
                .then()
                .spec(invalidField("note"));
        given().auth()
                .oauth2(Tokens.drLead("COL"))
                .contentType(ContentType.JSON)
                .body(Map.of("state", "FINISHED", "version", 0))
                .when()
                .put("/api/dr/invocations/" + id + "/steps/" + other)
                .then()
                .spec(invalidField("state"));
        given().auth()
                .oauth2(Tokens.drLead("COL"))
                .contentType(ContentType.JSON)
                .body(Map.of("state", "IN_PROGRESS", "version", 7))
                .when()
                .put("/api/dr/invocations/" + id + "/steps/" + other)
                .then()
                .spec(problem(409));
        given().auth()
                .oauth2(Tokens.drLead("COL"))
                .contentType(ContentType.JSON)
                .body(Map.of("state", "IN_PROGRESS"))
                .when()
                .put("/api/dr/invocations/" + id + "/steps/" + other)
                .then()
                .spec(problem(428));
        given().auth()
                .oauth2(Tokens.drLead("COL"))
                .contentType(ContentType.JSON)
                .body(Map.of("state", "IN_PROGRESS", "version", 0))
                .when()
                .put("/api/dr/invocations/" + id + "/steps/99999999")
                .then()
                .spec(problem(404));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/invocations/" + id)
                .then()
                .body("activities[1].steps[0].state", equalTo("PENDING"));
    }

    @Test
    void closingRecordsASummaryAndFreezesTheInvocation() {
        long planId = approvedPlan("NKDC");
        JsonPath inv = invoke("NKDC", planId, TestClock.now().minus(Duration.ofHours(2)));
        long id = inv.getLong("id");
        inv = move(Tokens.drLead("NKDC"), id, inv, "power", "generator", "DONE", null);
        given().auth()
                .oauth2(Tokens.drLead("NKDC"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "summary",
                        "Power restored; the rest recovered from the secondary site.",
                        "version",
                        inv.getInt("version")))
                .when()
                .post("/api/dr/invocations/" + id + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closedBy", equalTo("drlead-nkdc"))
                .body("summary", containsString("secondary site"))
                .body("timeline[-1].kind", equalTo("CLOSED"))
                .body("timeline[-1].message", containsString("1 of 5 activities recovered"))
                .body("progress.rtosMissed", equalTo(1))
                .body("elapsedMinutes", both(greaterThanOrEqualTo(120)).and(lessThan(125)));
        given().auth()
                .oauth2(Tokens.drLead("NKDC"))
                .contentType(ContentType.JSON)
                .body(Map.of("message", "late"))
                .when()
                .post("/api/dr/invocations/" + id + "/notes")
                .then()
                .spec(problem(409));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/invocations?partner=NKDC&status=CLOSED")
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) id));
        // Closed, it no longer holds the plan: the plan can be invoked again.
        assertEquals("OPEN", invoke("NKDC", planId, TestClock.now()).getString("status"));
    }

    @Test
    void onlyApprovedPlansAreInvokedOncePartnerPeopleOnly() {
        long draft = plan("SHDC", publishedTemplate(councilActivities()));
        given().auth()
                .oauth2(Tokens.drLead("SHDC"))
                .contentType(ContentType.JSON)
                .body(Map.of("planId", draft, "reason", "Flood"))
                .when()
                .post("/api/dr/invocations")
                .then()
                .spec(problem(409));
        long planId = approvedPlan("SHDC");
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("planId", planId, "reason", "Flood"))
                .when()
                .post("/api/dr/invocations")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.engineer("SHDC"))
                .contentType(ContentType.JSON)
                .body(Map.of("planId", planId, "reason", "Flood"))
                .when()
                .post("/api/dr/invocations")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.drLead("SHDC"))
                .contentType(ContentType.JSON)
                .body(Map.of("planId", planId, "reason", ""))
                .when()
                .post("/api/dr/invocations")
                .then()
                .spec(invalidField("reason"));
        given().auth()
                .oauth2(Tokens.drLead("SHDC"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "planId",
                        planId,
                        "reason",
                        "Flood",
                        "startedAt",
                        TestClock.now().plus(Duration.ofHours(3)).toString()))
                .when()
                .post("/api/dr/invocations")
                .then()
                .spec(invalidField("startedAt"));
        JsonPath inv = invoke("SHDC", planId, TestClock.now());
        given().auth()
                .oauth2(Tokens.drLead("SHDC"))
                .contentType(ContentType.JSON)
                .body(Map.of("planId", planId, "reason", "Second"))
                .when()
                .post("/api/dr/invocations")
                .then()
                .spec(problem(409))
                .body("openInvocationId", equalTo(inv.getInt("id")))
                .body("detail", containsString("invocation " + inv.getInt("id") + " is open"));
        long stepId = inv.getLong("activities[0].steps[0].id");
        given().auth()
                .oauth2(Tokens.engineer("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("state", "IN_PROGRESS", "version", 0))
                .when()
                .put("/api/dr/invocations/" + inv.getLong("id") + "/steps/" + stepId)
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.viewer("SHDC"))
                .contentType(ContentType.JSON)
                .body(Map.of("state", "IN_PROGRESS", "version", 0))
                .when()
                .put("/api/dr/invocations/" + inv.getLong("id") + "/steps/" + stepId)
                .then()
                .spec(problem(403));
        given().when().get("/api/dr/invocations/" + inv.getLong("id")).then().spec(problem(401));
        given().auth()
                .oauth2(Tokens.viewer("LCC"))
                .when()
                .get("/api/dr/invocations/" + inv.getLong("id"))
                .then()
                .statusCode(200)
                .body("activities.key", contains("power", "network", "directory", "payroll", "email"));
    }
}
