package org.sharedict.skills.directory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sharedict.platform.partnership.Partnership;
import org.sharedict.skills.support.Fixtures;
import org.sharedict.skills.support.TestClock;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

/** Leave periods and a profile's "away until" are one record: each entered, the other agrees. */
@QuarkusTest
class LeaveTest {

    @Inject
    LeaveBook book;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static Instant startOf(LocalDate d) {
        return d.atStartOfDay(Partnership.zone()).toInstant();
    }

    private static long addLeave(String token, long person, Instant start, Instant end, String reason) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("start", start.toString(), "end", end.toString(), "reason", reason))
                .when()
                .post("/api/people/" + person + "/leave")
                .then()
                .statusCode(201)
                .body("personId", equalTo((int) person))
                .body("start", equalTo(start.toString()))
                .body("end", equalTo(end.toString()))
                .body("reason", equalTo(reason))
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    void aPeriodTouchingTodayMakesThePersonAwayUntilTheFirstDayNoPeriodTouchesAndRemovingItBringsThemBack() {
        String partner = Fixtures.partner();
        long id = Fixtures.person(partner, "Lee Away");
        LocalDate today = TestClock.today();
        // Ends at 09:00 on the third day: that day is away too, so they are back on the fourth.
        Instant end = startOf(today.plusDays(3)).plus(Duration.ofHours(9));
        long leave = addLeave(Tokens.manager(partner), id, TestClock.now().minus(Duration.ofHours(1)), end, "Course");
        // A second period running on from the first keeps them away longer.
        long more = addLeave(Tokens.manager(partner), id, end, startOf(today.plusDays(6)), "Annual leave");
        given().auth()
                .oauth2(Tokens.viewer("ELSEWHERE"))
                .when()
                .get("/api/people/" + id)
                .then()
                .statusCode(200)
                .body("available", equalTo(false))
                .body("unavailableUntil", equalTo(today.plusDays(6).toString()))
                .body("unavailableReason", equalTo("Course"));
        given().auth()
                .oauth2(Tokens.viewer("ELSEWHERE"))
                .queryParam("person", id)
                .when()
                .get("/api/people/leave")
                .then()
                .statusCode(200)
                .body("id", contains((int) leave, (int) more))
                .body("partner", contains(partner, partner))
                .body("name", contains("Lee Away", "Lee Away"));

        given().auth()
                .oauth2(Tokens.manager(partner))
                .when()
                .delete("/api/people/" + id + "/leave/" + leave)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people/" + id)
                .then()
                .body("available", equalTo(true))
                .body("unavailableUntil", nullValue())
                .body("unavailableReason", nullValue());
    }

    @Test
    void awayUntilEnteredOnTheProfileIsAPeriodAndClearingItEndsThePeriodNow() {
        String partner = Fixtures.partner();
        long id = Fixtures.person(partner, "Pat Profile");
        LocalDate back = TestClock.today().plusDays(10);
        String self = Tokens.as("pat.profile")
                .partner(partner)
                .roles("engineer")
                .person(id)
                .token();
        availability(self, id, back.toString(), "Sick leave", 0);
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .queryParam("person", id)
                .when()
                .get("/api/people/leave")
                .then()
                .body("$", hasSize(1))
                .body("[0].end", equalTo(startOf(back).toString()))
                .body("[0].reason", equalTo("Sick leave"))
                .body("[0].createdBy", equalTo("pat.profile"));

        availability(self, id, null, null, 1);
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .queryParam("person", id)
                .queryParam("from", TestClock.now().plusSeconds(60).toString())
                .when()
                .get("/api/people/leave")
                .then()
                .statusCode(200)
                .body("$", empty());
    }

    @Test
    void leaveStartingLaterShowsAsAwayOnItsFirstDay() {
        String partner = Fixtures.partner();
        long id = Fixtures.person(partner, "Fran Future");
        LocalDate today = TestClock.today();
        addLeave(Tokens.manager(partner), id, startOf(today.plusDays(2)), startOf(today.plusDays(5)), "Holiday");
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people/" + id)
                .then()
                .body("available", equalTo(true))
                .body("unavailableUntil", nullValue());

        TestClock.set(startOf(today.plusDays(2)).plus(Duration.ofMinutes(1)));
        QuarkusTransaction.requiringNew().run(book::extendDue);
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people/" + id)
                .then()
                .body("available", equalTo(false))
                .body("unavailableUntil", equalTo(today.plusDays(5).toString()))
                .body("unavailableReason", equalTo("Holiday"));
    }

    @Test
    void onlyThePersonTheirManagerOrAnAdminRecordLeaveAndBadPeriodsNameTheField() {
        String partner = Fixtures.partner();
        long id = Fixtures.person(partner, "Rita Rights");
        Instant start = TestClock.now().plus(Duration.ofDays(1));
        Instant end = start.plus(Duration.ofDays(2));
        given().auth()
                .oauth2(Tokens.engineer(partner))
                .contentType(ContentType.JSON)
                .body(Map.of("start", start.toString(), "end", end.toString()))
                .when()
                .post("/api/people/" + id + "/leave")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.manager(Fixtures.partner()))
                .contentType(ContentType.JSON)
                .body(Map.of("start", start.toString(), "end", end.toString()))
                .when()
                .post("/api/people/" + id + "/leave")
                .then()
                .spec(problem(403));
        long leave = addLeave(Tokens.admin(), id, start, end, "Training");
        given().auth()
                .oauth2(Tokens.engineer(partner))
                .when()
                .delete("/api/people/" + id + "/leave/" + leave)
                .then()
                .spec(problem(403));
        long other = Fixtures.person(partner, "Otto Other");
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .delete("/api/people/" + other + "/leave/" + leave)
                .then()
                .spec(problem(404));

        String manager = Tokens.manager(partner);
        post(manager, id, Map.of("start", end.toString(), "end", start.toString()))
                .spec(invalidField("end"));
        post(manager, id, Map.of("end", end.toString())).spec(invalidField("start"));
        post(manager, id, Map.of("start", "3001-01-01T00:00:00Z", "end", "3001-01-02T00:00:00Z"))
                .spec(invalidField("start"));
        post(
                        manager,
                        id,
                        Map.of(
                                "start",
                                start.toString(),
                                "end",
                                start.plus(Duration.ofDays(400)).toString()))
                .spec(invalidField("end"));
        post(manager, id, Map.of("start", start.toString(), "end", end.toString(), "reason", "x".repeat(201)))
                .spec(invalidField("reason"));
        post(Tokens.admin(), 999_999_999L, Map.of("start", start.toString(), "end", end.toString()))
                .spec(problem(404));
        given().auth()
                .oauth2(manager)
                .queryParam("from", "yesterday")
                .when()
                .get("/api/people/leave")
                .then()
                .spec(invalidField("from"));
        given().auth()
                .oauth2(manager)
                .queryParam("person", "Rita")
                .when()
                .get("/api/people/leave")
                .then()
                .spec(invalidField("person"));
        given().when().get("/api/people/leave").then().statusCode(401);
        // Nothing was half-written by the refused requests.
        given().auth()
                .oauth2(manager)
                .queryParam("person", id)
                .when()
                .get("/api/people/leave")
                .then()
                .body("id", contains((int) leave));
    }

    private static io.restassured.response.ValidatableResponse post(String token, long id, Map<String, ?> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/people/" + id + "/leave")
                .then();
    }

    private static void availability(String token, long id, String until, String reason, int version) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("helpOtherPartners", true);
        body.put("helpHoursPerMonth", 8);
        body.put("outOfHours", true);
        body.put("unavailableUntil", until);
        body.put("unavailableReason", reason);
        body.put("version", version);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/people/" + id + "/availability")
                .then()
                .statusCode(200)
                .body("unavailableUntil", equalTo(until));
    }
}
