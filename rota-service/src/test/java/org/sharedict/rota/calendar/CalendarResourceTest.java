package org.sharedict.rota.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sharedict.rota.testing.Fixtures.createRota;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.rota;
import static org.sharedict.rota.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class CalendarResourceTest {

    @InjectStubs
    WireMockServer skills;

    /** England and Wales rules, worked out independently of the shipped data. */
    static Set<LocalDate> englandAndWales(int year) {
        Set<LocalDate> days = new TreeSet<>();
        days.add(weekday(LocalDate.of(year, 1, 1)));
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        days.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, 8, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        LocalDate christmas = weekday(LocalDate.of(year, 12, 25));
        days.add(christmas);
        LocalDate boxing = LocalDate.of(year, 12, 26);
        days.add(
                boxing.getDayOfWeek() == DayOfWeek.SATURDAY
                                || boxing.getDayOfWeek() == DayOfWeek.SUNDAY
                                || boxing.equals(christmas)
                        ? weekday(christmas.plusDays(1))
                        : boxing);
        return days;
    }

    private static LocalDate weekday(LocalDate d) {
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    private static LocalDate easterSunday(int y) {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(y, month, day);
    }

    @Test
    void theShippedBankHolidaysAreEnglandAndWales2024To2030() {
        for (int year = 2024; year <= 2030; year++) {
            List<String> shipped = given().auth()
                    .oauth2(Tokens.viewer("BBC"))
                    .queryParam("year", year)
                    .when()
                    .get("/api/calendar/bank-holidays")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("date");
            Set<LocalDate> rules = englandAndWales(year);
            // An edit made by another test in this run may add a day; the rules' days must all be there.
            assertEquals(
                    true,
                    shipped.stream().map(LocalDate::parse).toList().containsAll(rules),
                    year + ": " + shipped + " vs " + rules);
        }
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .queryParam("year", 2027)
                .when()
                .get("/api/calendar/bank-holidays")
                .then()
                .body("name", hasItem("Christmas Day (substitute day)"))
                .body("date", hasItem("2027-12-28"));
    }

    @Test
    void anAddedBankHolidayIsOutOfHoursAllDayAndCanBeRemovedAgain() {
        String partner = Fixtures.partner(skills);
        Fixtures.Person a = person(skills, partner, "Hal Holiday");
        createRota(
                Tokens.manager(partner),
                rota(
                        unique("BH"),
                        List.of(partner),
                        "OUT_OF_HOURS",
                        "P7D",
                        "09:00",
                        LocalDate.of(2031, 6, 2),
                        List.of(a.id()),
                        null));
        String monday = "2031-06-09T12:00:00Z";
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .queryParam("partner", partner)
                .queryParam("at", monday)
                .when()
                .get("/api/oncall")
                .then()
                .body("covered", equalTo(false));
        int id = given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("date", "2031-06-09", "name", "Jubilee"))
                .when()
                .post("/api/calendar/bank-holidays")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .queryParam("partner", partner)
                .queryParam("at", monday)
                .when()
                .get("/api/oncall")
                .then()
                .body("covered", equalTo(true))
                .body("primary.personId", equalTo((int) a.id()))
                .body("primary.shiftStart", equalTo("2031-06-09T08:00:00Z"))
                .body("primary.shiftEnd", equalTo("2031-06-10T07:30:00Z"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("date", "2031-06-09", "name", "Again"))
                .when()
                .post("/api/calendar/bank-holidays")
                .then()
                .spec(problem(409));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("date", "2031-06-09", "name", "Platinum Jubilee"))
                .when()
                .put("/api/calendar/bank-holidays/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Platinum Jubilee"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .delete("/api/calendar/bank-holidays/" + id)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .queryParam("partner", partner)
                .queryParam("at", monday)
                .when()
                .get("/api/oncall")
                .then()
                .body("covered", equalTo(false));
    }

    @Test
    void onlyAdminsEditTheCalendarAndBadInputIsRefused() {
        given().auth()
                .oauth2(Tokens.manager("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("date", "2031-07-01", "name", "x"))
                .when()
                .post("/api/calendar/bank-holidays")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("date", "not a date", "name", "x"))
                .when()
                .post("/api/calendar/bank-holidays")
                .then()
                .spec(invalidField("date"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("date", "2031-07-01"))
                .when()
                .post("/api/calendar/bank-holidays")
                .then()
                .spec(invalidField("name"));
        long version = given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/calendar")
                .then()
                .statusCode(200)
                .body("zone", equalTo("Europe/London"))
                .body("dayStart", equalTo("08:30:00"))
                .extract()
                .jsonPath()
                .getLong("version");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("dayStart", "18:00", "dayEnd", "08:00", "version", version))
                .when()
                .put("/api/calendar")
                .then()
                .spec(invalidField("dayEnd"));
        given().auth()
                .oauth2(Tokens.manager("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("dayStart", "08:30", "dayEnd", "17:30", "version", version))
                .when()
                .put("/api/calendar")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("dayStart", "08:30", "dayEnd", "17:30"))
                .when()
                .put("/api/calendar")
                .then()
                .spec(problem(428));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .queryParam("from", "2026-12-24T12:00:00Z")
                .queryParam("to", "2026-12-29T12:00:00Z")
                .when()
                .get("/api/calendar/out-of-hours")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].hours", equalTo(111.0f))
                .body("[0].start", equalTo("2026-12-24T17:30:00Z"));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .queryParam("from", "soon")
                .when()
                .get("/api/calendar/out-of-hours")
                .then()
                .spec(invalidField("from"));
    }
}
