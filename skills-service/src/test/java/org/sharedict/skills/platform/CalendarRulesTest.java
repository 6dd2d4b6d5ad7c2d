package org.sharedict.skills.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sharedict.skills.support.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;

/**
 * Every date rule (not in the future, certificate expiry, away until, stale after six months)
 * follows the service's injected clock and the partnership's calendar, Europe/London, at the
 * edges: midnight in London in winter (UTC+0) and summer (UTC+1).
 */
@QuarkusTest
class CalendarRulesTest {

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    @Test
    void todayIsTheLondonDateForNotInTheFutureChecks() {
        TestClock.set(Instant.parse("2026-06-15T23:30:00Z")); // 00:30 on 16 June in London, still the 15th in UTC
        String partner = Fixtures.partner();
        Map<String, Object> body = Fixtures.personBody(partner, "Early Bird");
        body.put("lastConfirmed", "2026-06-16");
        long id = Fixtures.person(body);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + id)
                .then()
                .body("lastConfirmed", equalTo("2026-06-16"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "CCNA", "obtained", "2026-06-16"))
                .when()
                .post("/api/people/" + id + "/certifications")
                .then()
                .statusCode(201);

        Map<String, Object> tomorrow = Fixtures.personBody(partner, "Too Early");
        tomorrow.put("lastConfirmed", "2026-06-17");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(tomorrow)
                .when()
                .post("/api/people")
                .then()
                .spec(invalidField("lastConfirmed"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "CCNP", "obtained", "2026-06-17"))
                .when()
                .post("/api/people/" + id + "/certifications")
                .then()
                .spec(invalidField("obtained"));

        long fresh = Fixtures.person(Fixtures.personBody(partner, "Default Today"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + fresh)
                .then()
                .body("lastConfirmed", equalTo("2026-06-16"));
    }

    @Test
    void aCertificationIsValidUntilMidnightInLondonAtTheEndOfItsExpiryDay() {
        String partner = Fixtures.partner();
        String skill = Fixtures.skill(Fixtures.category(), unique("Expiring "));
        long id = Fixtures.person(partner, "Cert Holder");
        Fixtures.holds(id, skill, 4, true);
        long summer = certification(id, skill, "2026-07-01");
        long winter = certification(id, skill, "2026-12-01");

        TestClock.set(Instant.parse("2026-07-01T22:59:59Z")); // 23:59:59 BST
        assertValid(id, summer, true);
        expertCertificationValid(skill, partner, true);
        TestClock.set(Instant.parse("2026-07-01T23:00:01Z")); // 00:00:01 BST on 2 July
        assertValid(id, summer, false);
        assertValid(id, winter, true);
        TestClock.set(Instant.parse("2026-12-01T23:59:59Z")); // 23:59:59 GMT
        assertValid(id, winter, true);
        expertCertificationValid(skill, partner, true);
        TestClock.set(Instant.parse("2026-12-02T00:00:01Z"));
        assertValid(id, winter, false);
        expertCertificationValid(skill, partner, false);
    }

    @Test
    void someoneAwayUntilADayIsAvailableAgainFromMidnightInLondon() {
        String partner = Fixtures.partner();
        String skill = Fixtures.skill(Fixtures.category(), unique("Returning "));
        Map<String, Object> body = Fixtures.personBody(partner, "Back Soon");
        body.put("unavailableUntil", "2026-06-17");
        long id = Fixtures.person(body);
        Fixtures.holds(id, skill, 3, false);

        TestClock.set(Instant.parse("2026-06-16T22:59:00Z")); // 23:59 BST on the 16th
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people/" + id)
                .then()
                .body("available", equalTo(false));
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/experts?available=true&skill=" + skill)
                .then()
                .body("items", empty());
        TestClock.set(Instant.parse("2026-06-16T23:01:00Z")); // 00:01 BST on the 17th, still the 16th in UTC
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people/" + id)
                .then()
                .body("available", equalTo(true));
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people?available=true&partner=" + partner)
                .then()
                .body("items.name", contains("Back Soon"));
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/experts?available=true&skill=" + skill)
                .then()
                .body("items.person.name", contains("Back Soon"))
                .body("items[0].available", equalTo(true));
    }

    @Test
    void aProfileTurnsStaleOnTheFirstDayAfterSixMonthsInLondon() {
        String partner = Fixtures.partner();
        Map<String, Object> body = Fixtures.personBody(partner, "Half Year");
        body.put("lastConfirmed", "2026-01-16");
        TestClock.set(Instant.parse("2026-07-15T23:30:00Z")); // 00:30 BST on 16 July: exactly six months
        long id = Fixtures.person(body);
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people/" + id)
                .then()
                .body("stale", equalTo(false));
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/reports/skills/stale?partner=" + partner)
                .then()
                .body("generatedOn", equalTo("2026-07-16"))
                .body("items", empty());
        TestClock.set(Instant.parse("2026-07-16T23:30:00Z")); // the 17th in London
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people/" + id)
                .then()
                .body("stale", equalTo(true));
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/reports/skills/stale?partner=" + partner)
                .then()
                .body("items.person.name", contains("Half Year"));
    }

    @Test
    void theTestClockIsOnTheLondonSideOfMidnight() {
        assertEquals(LocalDate.of(2026, 6, 16), LocalDate.ofInstant(TestClock.START, Partnership.zone()));
        assertEquals(LocalDate.of(2026, 6, 15), LocalDate.ofInstant(TestClock.START, ZoneOffset.UTC));
    }

    private static long certification(long person, String skill, String expires) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Expires " + expires, "expires", expires, "skill", skill))
                .when()
                .post("/api/people/" + person + "/certifications")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static void assertValid(long person, long cert, boolean valid) {
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/people/" + person + "/certifications/" + cert)
                .then()
                .statusCode(200)
                .body("valid", equalTo(valid));
    }

    private static void expertCertificationValid(String skill, String partner, boolean valid) {
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/experts?skill=" + skill + "&partner=" + partner)
                .then()
                .body("items[0].matched[0].certificationValid", equalTo(valid));
    }
}
