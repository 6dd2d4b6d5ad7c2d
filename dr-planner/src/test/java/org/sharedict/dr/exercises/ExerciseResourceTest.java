package org.sharedict.dr.exercises;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.sharedict.dr.testing.TestClock;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.sharedict.dr.testing.Fixtures.councilActivities;
import static org.sharedict.dr.testing.Fixtures.plan;
import static org.sharedict.dr.testing.Fixtures.publishedTemplate;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class ExerciseResourceTest {

    private static Map<String, Object> exercise(long planId) {
        Map<String, Object> e = new HashMap<>();
        e.put("planId", planId);
        e.put("heldOn", TestClock.today().minusDays(7).toString());
        e.put("type", "TABLETOP");
        e.put("scope", "Loss of the Municipal Buildings data centre");
        e.put("summary", "Recovery order held; payroll misses its RTO.");
        e.put("findings", List.of("Generator fuel contract out of date", "Payroll restore takes 3 hours"));
        e.put(
                "actions",
                List.of(Map.of(
                        "description",
                        "Renew the fuel contract",
                        "owner",
                        "Fay Facilities",
                        "dueDate",
                        TestClock.today().plusMonths(1).toString())));
        return e;
    }

    @Test
    void drLeadRecordsAnExerciseWithFindingsAndActions() {
        long planId = plan("SKDC", publishedTemplate(councilActivities()));
        long id = given().auth()
                .oauth2(Tokens.drLead("SKDC"))
                .contentType(ContentType.JSON)
                .body(exercise(planId))
                .when()
                .post("/api/dr/exercises")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("partner", equalTo("SKDC"))
                .body("openActions", equalTo(1))
                .body("findings", contains("Generator fuel contract out of date", "Payroll restore takes 3 hours"))
                .body("actions[0].status", equalTo("OPEN"))
                .extract()
                .jsonPath()
                .getLong("id");
        Map<String, Object> update = exercise(planId);
        update.put(
                "actions",
                List.of(Map.of("description", "Renew the fuel contract", "owner", "Fay Facilities", "status", "DONE")));
        given().auth()
                .oauth2(Tokens.drLead("SKDC"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(update)
                .when()
                .put("/api/dr/exercises/" + id)
                .then()
                .statusCode(200)
                .body("openActions", equalTo(0));
        given().auth()
                .oauth2(Tokens.drLead("SKDC"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(update)
                .when()
                .put("/api/dr/exercises/" + id)
                .then()
                .spec(problem(412));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/exercises?planId=" + planId)
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) id));
    }

    @Test
    void otherPartnersCannotRecordExercisesAndBadInputNamesTheField() {
        long planId = plan("SKDC", publishedTemplate(councilActivities()));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .body(exercise(planId))
                .when()
                .post("/api/dr/exercises")
                .then()
                .spec(problem(403));
        Map<String, Object> bad = exercise(planId);
        bad.put("type", "DRILL");
        given().auth()
                .oauth2(Tokens.drLead("SKDC"))
                .contentType(ContentType.JSON)
                .body(bad)
                .when()
                .post("/api/dr/exercises")
                .then()
                .spec(invalidField("type"));
        bad = exercise(planId);
        bad.put("heldOn", TestClock.today().plusDays(3).toString());
        bad.put("scope", "");
        bad.put("actions", List.of(Map.of("description", "Fix it", "owner", "")));
        given().auth()
                .oauth2(Tokens.drLead("SKDC"))
                .contentType(ContentType.JSON)
                .body(bad)
                .when()
                .post("/api/dr/exercises")
                .then()
                .spec(invalidField("heldOn"))
                .body("errors.field", hasItem("scope"))
                .body("errors.field", hasItem("actions[0].owner"));
        given().when().get("/api/dr/exercises").then().spec(problem(401));
    }

    /** At 23:30 UTC on 30 June it is 1 July in London: held "today" is today there, tomorrow is not yet. */
    @Test
    void heldOnIsJudgedByTheServiceClockInThePlansZone() {
        long planId = plan("SKDC", publishedTemplate(councilActivities()));
        Map<String, Object> today = exercise(planId);
        today.put("heldOn", TestClock.today().toString());
        given().auth()
                .oauth2(Tokens.drLead("SKDC"))
                .contentType(ContentType.JSON)
                .body(today)
                .when()
                .post("/api/dr/exercises")
                .then()
                .statusCode(201)
                .body("heldOn", equalTo("2026-07-01"));
        Map<String, Object> tomorrow = exercise(planId);
        tomorrow.put("heldOn", TestClock.today().plusDays(1).toString());
        given().auth()
                .oauth2(Tokens.drLead("SKDC"))
                .contentType(ContentType.JSON)
                .body(tomorrow)
                .when()
                .post("/api/dr/exercises")
                .then()
                .spec(invalidField("heldOn"));
    }
}
