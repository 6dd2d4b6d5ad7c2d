package org.sharedict.rota.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.rota.testing.TestClock;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sharedict.rota.testing.Fixtures.createRota;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.rota;
import static org.sharedict.rota.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;

@QuarkusTest
class ReportsTest {

    @InjectStubs
    WireMockServer skills;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /**
     * Three weeks of a weekly out-of-hours rota from Monday 4 March 2030 09:00 (GMT): a week holds four
     * weeknights of 15 hours and a 63-hour weekend, 123 hours; the range ends at midnight on the third
     * Monday, 8.5 hours before that weekend ends.
     */
    @Test
    void hoursPerPersonAndPartnerAndEachPartnersFairShare() {
        String p1 = Fixtures.partner(skills);
        String p2 = Fixtures.partner(skills);
        Person a = person(skills, p1, "Ada One");
        Person b = person(skills, p1, "Bea One");
        Person c = person(skills, p2, "Cy Two");
        Person d = person(skills, p2, "Di Two");
        long id = createRota(
                Tokens.admin(),
                rota(
                        unique("Hours"),
                        List.of(p1, p2),
                        "OUT_OF_HOURS",
                        "P7D",
                        "09:00",
                        LocalDate.of(2030, 3, 4),
                        List.of(a.id(), b.id(), c.id()),
                        List.of(d.id())));
        String from = "2030-03-04T00:00:00Z";
        String to = "2030-03-25T00:00:00Z";
        given().auth()
                .oauth2(Tokens.manager(p1))
                .queryParam("from", from)
                .queryParam("to", to)
                .queryParam("rotaId", id)
                .when()
                .get("/api/rotas/reports/hours")
                .then()
                .statusCode(200)
                .body("people", hasSize(4))
                .body("people.find { it.personId == " + a.id() + " }.primaryHours", equalTo(123.0f))
                .body("people.find { it.personId == " + b.id() + " }.primaryHours", equalTo(123.0f))
                .body("people.find { it.personId == " + c.id() + " }.primaryHours", equalTo(114.5f))
                .body("people.find { it.personId == " + d.id() + " }.secondaryHours", equalTo(360.5f))
                .body("people.find { it.personId == " + d.id() + " }.outOfHoursHours", equalTo(360.5f))
                .body("partners.find { it.partner == '" + p1 + "' }.primaryHours", equalTo(246.0f))
                .body("partners.find { it.partner == '" + p2 + "' }.primaryHours", equalTo(114.5f))
                .body("partners.find { it.partner == '" + p2 + "' }.secondaryHours", equalTo(360.5f))
                // Cover between the pair: half of each side's primary out-of-hours time was the other's
                // (the secondary layer stands by and is not cover given).
                .body("cover", hasSize(2))
                .body("cover.find { it.giver == '" + p1 + "' }.receiver", equalTo(p2))
                .body("cover.find { it.giver == '" + p1 + "' }.outOfHoursHours", equalTo(123.0f))
                .body("cover.find { it.giver == '" + p2 + "' }.outOfHoursHours", equalTo(57.25f))
                .body("cover[0].rotaId", equalTo((int) id));
        given().auth()
                .oauth2(Tokens.viewer(p2))
                .queryParam("from", from)
                .queryParam("to", to)
                .queryParam("rotaId", id)
                .when()
                .get("/api/rotas/reports/fairness")
                .then()
                .statusCode(200)
                .body("rotas[0].primaryHours", equalTo(360.5f))
                .body("rotas[0].partners.find { it.partner == '" + p1 + "' }.memberShare", equalTo(0.6667f))
                .body("rotas[0].partners.find { it.partner == '" + p1 + "' }.hoursShare", equalTo(0.6824f))
                .body("rotas[0].partners.find { it.partner == '" + p1 + "' }.coverReceivedHours", equalTo(180.25f))
                .body("rotas[0].partners.find { it.partner == '" + p1 + "' }.balanceHours", equalTo(65.75f))
                .body("rotas[0].partners.find { it.partner == '" + p2 + "' }.balanceHours", equalTo(-65.75f));
    }

    private static String plain(Object number) {
        return ((BigDecimal) number).stripTrailingZeros().toPlainString();
    }

    /** 100 hours of a daily 24x7 rota between three partners: 48, 28 and 24 given, 33 1/3 each received. */
    @Test
    void fairnessBalancesAreGivenMinusReceivedAndAddUpToZero() {
        List<String> codes =
                new ArrayList<>(List.of(Fixtures.partner(skills), Fixtures.partner(skills), Fixtures.partner(skills)));
        Collections.sort(codes);
        Person a = person(skills, codes.get(0), "Ann Apportion");
        Person b = person(skills, codes.get(1), "Bob Apportion");
        Person c = person(skills, codes.get(2), "Col Apportion");
        long id = createRota(
                Tokens.admin(),
                rota(
                        unique("Thirds"),
                        codes,
                        "ALWAYS",
                        "P1D",
                        "09:00",
                        LocalDate.of(2030, 3, 4),
                        List.of(a.id(), b.id(), c.id()),
                        null));
        String body = given().auth()
                .oauth2(Tokens.viewer(codes.get(0)))
                .queryParam("from", "2030-03-04T09:00:00Z")
                .queryParam("to", "2030-03-08T13:00:00Z")
                .queryParam("rotaId", id)
                .when()
                .get("/api/rotas/reports/fairness")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonPath json = JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals("100", plain(json.get("rotas[0].primaryHours")));
        List<Map<String, Object>> rows = json.getList("rotas[0].partners");
        assertEquals(
                List.of("48", "28", "24"),
                rows.stream().map(r -> plain(r.get("primaryHours"))).toList());
        assertEquals(
                List.of("33.34", "33.33", "33.33"),
                rows.stream().map(r -> plain(r.get("coverReceivedHours"))).toList());
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<String, Object> r : rows) {
            BigDecimal given = (BigDecimal) r.get("primaryHours");
            BigDecimal received = (BigDecimal) r.get("coverReceivedHours");
            assertEquals(
                    0,
                    given.subtract(received).compareTo((BigDecimal) r.get("balanceHours")),
                    "balance is given - received: " + r);
            sum = sum.add((BigDecimal) r.get("balanceHours"));
        }
        assertEquals(0, sum.signum(), "balances add up to zero: " + rows);
    }

    @Test
    void aRoundTheClockRotaReportsItsOutOfHoursPartSeparately() {
        String p = Fixtures.partner(skills);
        Person a = person(skills, p, "Eli Always");
        long id = createRota(
                Tokens.admin(),
                rota(
                        unique("Always"),
                        List.of(p),
                        "ALWAYS",
                        "P7D",
                        "09:00",
                        LocalDate.of(2030, 3, 4),
                        List.of(a.id()),
                        null));
        // One week of 168 hours, of which 5 working days of 9 hours are not out of hours.
        given().auth()
                .oauth2(Tokens.viewer(p))
                .queryParam("from", "2030-03-04T09:00:00Z")
                .queryParam("to", "2030-03-11T09:00:00Z")
                .queryParam("rotaId", id)
                .when()
                .get("/api/rotas/reports/hours")
                .then()
                .statusCode(200)
                .body("people[0].primaryHours", equalTo(168.0f))
                .body("people[0].outOfHoursHours", equalTo(123.0f));
    }

    @Test
    void responseTimesPerPartnerAndPeriod() {
        // Both incidents fall on one London day, whenever the test runs.
        clock.setTimeOfDay(LocalTime.NOON);
        String p = Fixtures.partner(skills);
        Person a = person(skills, p, "Rex Response");
        long policy = ((Number) given().auth()
                        .oauth2(Tokens.admin())
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "name",
                                unique("Report policy"),
                                "steps",
                                List.of(Map.of(
                                        "delay",
                                        "PT1H",
                                        "targets",
                                        List.of(Map.of("kind", "PERSON", "personId", a.id()))))))
                        .when()
                        .post("/api/escalation-policies")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        Map<String, Object> body =
                Map.of("partner", p, "summary", "Printer on fire", "severity", "LOW", "policyId", policy);
        long first = given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/incidents")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/incidents/" + first + "/acknowledge")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/incidents/" + first + "/resolve")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .queryParam("partner", p)
                .queryParam("period", "DAY")
                .when()
                .get("/api/incidents/reports/response-times")
                .then()
                .statusCode(200)
                .body("granularity", equalTo("DAY"))
                .body("rows", hasSize(1))
                .body("rows[0].incidents", equalTo(2))
                .body("rows[0].acknowledged", equalTo(1))
                .body("rows[0].resolved", equalTo(1))
                .body("rows[0].ackMedianSeconds", greaterThanOrEqualTo(0f))
                .body("rows[0].resolveMeanSeconds", notNullValue());
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .queryParam("period", "YEAR")
                .when()
                .get("/api/incidents/reports/response-times")
                .then()
                .spec(invalidField("period"));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .queryParam("from", "2030-01-01T00:00:00Z")
                .queryParam("to", "2032-01-01T00:00:00Z")
                .when()
                .get("/api/rotas/reports/hours")
                .then()
                .spec(invalidField("to"));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .queryParam("rotaId", 99_999_999)
                .when()
                .get("/api/rotas/reports/fairness")
                .then()
                .spec(invalidField("rotaId"));
    }
}
