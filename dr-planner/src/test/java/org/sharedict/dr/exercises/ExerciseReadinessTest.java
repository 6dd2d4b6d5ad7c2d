package org.sharedict.dr.exercises;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.sharedict.dr.testing.TestClock;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.sharedict.dr.testing.Fixtures.approve;
import static org.sharedict.dr.testing.Fixtures.councilActivities;
import static org.sharedict.dr.testing.Fixtures.plan;
import static org.sharedict.dr.testing.Fixtures.publishedTemplate;
import static org.sharedict.testing.Problems.invalidField;

/** Exercises scheduled ahead, held with findings that become actions, tracked to closure; the readiness figure. */
@QuarkusTest
class ExerciseReadinessTest {

    private static final String PARTNER = "WLDC";

    private static String day(int fromToday) {
        return TestClock.today().plusDays(fromToday).toString();
    }

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.drLead(PARTNER))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/dr/exercises")
                .then();
    }

    private static Map<String, Object> scheduled(long plan) {
        Map<String, Object> e = new HashMap<>();
        e.put("planId", plan);
        e.put("heldOn", day(14));
        e.put("status", "SCHEDULED");
        e.put("type", "SIMULATION");
        e.put("scope", "Ransomware on the file servers");
        e.put("participants", List.of("Dana Lead", "Nia Network"));
        e.put("activities", List.of("directory", "payroll"));
        return e;
    }

    private static Map<String, Object> held(long plan) {
        Map<String, Object> e = new HashMap<>();
        e.put("planId", plan);
        e.put("heldOn", day(-30));
        e.put("type", "TABLETOP");
        e.put("scope", "Loss of power at the civic centre");
        e.put("activities", List.of("power", "network"));
        e.put("findings", List.of("The generator fuel contract had lapsed", "Nobody could find the switch passwords"));
        List<Map<String, Object>> actions = new ArrayList<>();
        actions.add(new HashMap<>(Map.of(
                "description",
                "Renew the fuel contract",
                "owner",
                "Fay Facilities",
                "dueDate",
                day(-1),
                "finding",
                0)));
        actions.add(new HashMap<>(Map.of(
                "description",
                "Put the switch passwords in the offline vault",
                "owner",
                "Nia Network",
                "dueDate",
                day(30),
                "finding",
                1)));
        e.put("actions", actions);
        return e;
    }

    @Test
    void anExerciseIsScheduledThenItsActionsAreTrackedToClosureAndReadinessFollows() {
        long plan = plan(PARTNER, publishedTemplate(councilActivities()));
        approve(PARTNER, plan);
        post(scheduled(plan))
                .statusCode(201)
                .body("status", equalTo("SCHEDULED"))
                .body("participants", contains("Dana Lead", "Nia Network"))
                .body("activities", contains("directory", "payroll"));
        long id = post(held(plan))
                .statusCode(201)
                .body("status", equalTo("HELD"))
                .body("openActions", equalTo(2))
                .body("overdueActions", equalTo(1))
                .body("actions[0].finding", equalTo(0))
                .extract()
                .jsonPath()
                .getLong("id");

        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/" + plan + "/readiness")
                .then()
                .statusCode(200)
                // Tier 1 in the council plan: power, network, directory; the tabletop covered two of them.
                .body("tier1Activities", equalTo(3))
                .body("tier1Exercised", equalTo(2))
                .body("tier1ExercisedPercent", equalTo(67))
                .body("tier1NotExercised", contains("directory"))
                .body("openActions", equalTo(2))
                .body("overdueActions", equalTo(1))
                .body("unacknowledgedCopies", equalTo(0))
                .body("daysSinceApproval", equalTo(0))
                .body("lastExercised", equalTo(day(-30)))
                .body("nextExercise", equalTo(day(14)));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/exercises/actions/overdue?partner=" + PARTNER)
                .then()
                .statusCode(200)
                .body("find { it.exerciseId == " + id + " }.description", equalTo("Renew the fuel contract"))
                .body("find { it.exerciseId == " + id + " }.daysOverdue", equalTo(1));

        Map<String, Object> done = held(plan);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> actions = (List<Map<String, Object>>) done.get("actions");
        actions.get(0).put("status", "DONE");
        done.put("version", 0);
        given().auth()
                .oauth2(Tokens.drLead(PARTNER))
                .contentType(ContentType.JSON)
                .body(done)
                .when()
                .put("/api/dr/exercises/" + id)
                .then()
                .statusCode(200)
                .body("actions[0].closedOn", equalTo(TestClock.today().toString()))
                .body("openActions", equalTo(1))
                .body("overdueActions", equalTo(0));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/readiness?partner=" + PARTNER)
                .then()
                .statusCode(200)
                .body("find { it.planId == " + plan + " }.openActions", equalTo(1))
                .body("find { it.planId == " + plan + " }.overdueActions", equalTo(0));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/exercises/actions/overdue?partner=" + PARTNER)
                .then()
                .statusCode(200)
                .body("exerciseId", not(hasItem((int) id)));
    }

    @Test
    void scheduledInThePastUnknownActivitiesAndMissingFindingsNameTheField() {
        long plan = plan(PARTNER, publishedTemplate(councilActivities()));
        Map<String, Object> past = scheduled(plan);
        past.put("heldOn", day(-1));
        post(past).spec(invalidField("heldOn"));
        Map<String, Object> unknown = scheduled(plan);
        unknown.put("activities", List.of("power", "teleporter"));
        post(unknown).spec(invalidField("activities[1]"));
        Map<String, Object> noFinding = held(plan);
        noFinding.put("findings", List.of("Only one finding"));
        post(noFinding).spec(invalidField("actions[1].finding"));
        Map<String, Object> futureHeld = held(plan);
        futureHeld.put("heldOn", day(1));
        post(futureHeld).spec(invalidField("heldOn"));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/readiness?partner=not a code")
                .then()
                .statusCode(400);
    }
}
