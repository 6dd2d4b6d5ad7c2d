package org.sharedict.rota.platform;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.sharedict.rota.testing.Fixtures.createRota;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.rota;
import static org.sharedict.rota.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;

/**
 * Years, dates, instants and ranges far in the past or future, or backwards, are a 400 naming the
 * parameter or field on every calendar, rota, on-call and report endpoint; none is a 500.
 */
@QuarkusTest
class TimeBoundsTest {

    private static final List<String> FAR = List.of(
            "+1000000000-12-31T23:59:59Z",
            "-1000000000-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
            "1969-12-31T23:59:59Z",
            "3000-01-01T00:00:00Z");

    @InjectStubs
    WireMockServer skills;

    @Test
    void yearsOutsideTheSupportedSpanAreRefusedNamingYear() {
        String viewer = Tokens.viewer("BBC");
        for (String year :
                List.of("2147483647", "-2147483648", "0", "1969", "3000", "99999999999", "twenty", "2026.0")) {
            given().auth()
                    .oauth2(viewer)
                    .queryParam("year", year)
                    .when()
                    .get("/api/calendar/bank-holidays")
                    .then()
                    .spec(invalidField("year"));
        }
        given().auth()
                .oauth2(viewer)
                .queryParam("year", "2026")
                .when()
                .get("/api/calendar/bank-holidays")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(viewer)
                .queryParam("year", "2999")
                .when()
                .get("/api/calendar/bank-holidays")
                .then()
                .statusCode(200);
    }

    @Test
    void instantsFarInThePastOrFutureAreRefusedNamingTheParameter() {
        String partner = Fixtures.partner(skills);
        Person a = person(skills, partner, "Tim Bounds");
        long id = createRota(
                Tokens.manager(partner),
                rota(
                        unique("Bounds"),
                        List.of(partner),
                        "ALWAYS",
                        "P7D",
                        "09:00",
                        LocalDate.of(2030, 1, 7),
                        List.of(a.id()),
                        null));
        String viewer = Tokens.viewer(partner);
        for (String t : FAR) {
            given().auth()
                    .oauth2(viewer)
                    .queryParam("partner", partner)
                    .queryParam("at", t)
                    .when()
                    .get("/api/oncall")
                    .then()
                    .spec(invalidField("at"));
            for (String path : List.of(
                    "/api/calendar/out-of-hours",
                    "/api/rotas/" + id + "/shifts",
                    "/api/rotas/" + id + "/overrides",
                    "/api/rotas/leave",
                    "/api/rotas/reports/hours",
                    "/api/rotas/reports/fairness",
                    "/api/incidents/reports/response-times")) {
                given().auth()
                        .oauth2(viewer)
                        .queryParam("from", t)
                        .when()
                        .get(path)
                        .then()
                        .spec(invalidField("from"));
                given().auth()
                        .oauth2(viewer)
                        .queryParam("from", "2030-01-01T00:00:00Z")
                        .queryParam("to", t)
                        .when()
                        .get(path)
                        .then()
                        .spec(invalidField("to"));
            }
        }
    }

    @Test
    void rangesThatRunBackwardsOrTooLongAreRefusedNamingTo() {
        String partner = Fixtures.partner(skills);
        Person a = person(skills, partner, "Ray Range");
        long id = createRota(
                Tokens.manager(partner),
                rota(
                        unique("Ranges"),
                        List.of(partner),
                        "ALWAYS",
                        "P7D",
                        "09:00",
                        LocalDate.of(2030, 1, 7),
                        List.of(a.id()),
                        null));
        String viewer = Tokens.viewer(partner);
        for (String path : List.of(
                "/api/calendar/out-of-hours",
                "/api/rotas/" + id + "/shifts",
                "/api/rotas/" + id + "/overrides",
                "/api/rotas/leave",
                "/api/rotas/reports/hours",
                "/api/rotas/reports/fairness",
                "/api/incidents/reports/response-times")) {
            given().auth()
                    .oauth2(viewer)
                    .queryParam("from", "2030-01-02T00:00:00Z")
                    .queryParam("to", "2030-01-01T00:00:00Z")
                    .when()
                    .get(path)
                    .then()
                    .spec(invalidField("to"));
            given().auth()
                    .oauth2(viewer)
                    .queryParam("from", "2030-01-01T00:00:00Z")
                    .queryParam("to", "2031-03-01T00:00:00Z")
                    .when()
                    .get(path)
                    .then()
                    .spec(invalidField("to"));
            given().auth()
                    .oauth2(viewer)
                    .queryParam("from", "2030-01-01T00:00:00Z")
                    .queryParam("to", "2030-02-01T00:00:00Z")
                    .when()
                    .get(path)
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void datesAndInstantsInRequestBodiesAreHeldToTheSupportedYears() {
        String partner = Fixtures.partner(skills);
        Person a = person(skills, partner, "Dee Dates");
        String manager = Tokens.manager(partner);
        Map<String, Object> good = rota(
                unique("Dates"),
                List.of(partner),
                "OUT_OF_HOURS",
                "P7D",
                "09:00",
                LocalDate.of(2030, 1, 7),
                List.of(a.id()),
                null);
        for (String date : List.of("+99999-01-01", "1900-01-01", "3000-01-01")) {
            Map<String, Object> bad = new LinkedHashMap<>(good);
            bad.put("startDate", date);
            given().auth()
                    .oauth2(manager)
                    .contentType(ContentType.JSON)
                    .body(bad)
                    .when()
                    .post("/api/rotas")
                    .then()
                    .spec(invalidField("startDate"));
            given().auth()
                    .oauth2(Tokens.admin())
                    .contentType(ContentType.JSON)
                    .body(Map.of("date", date, "name", "Far day"))
                    .when()
                    .post("/api/calendar/bank-holidays")
                    .then()
                    .spec(invalidField("date"));
        }
        long id = createRota(manager, good);
        for (String t : List.of("+99999-01-01T00:00:00Z", "1900-01-01T00:00:00Z", "9999-12-31T00:00:00Z")) {
            given().auth()
                    .oauth2(manager)
                    .contentType(ContentType.JSON)
                    .body(Map.of("personId", a.id(), "start", t, "end", "2030-01-10T08:30:00Z", "reason", "x"))
                    .when()
                    .post("/api/rotas/" + id + "/overrides")
                    .then()
                    .spec(invalidField("start"));
            given().auth()
                    .oauth2(manager)
                    .contentType(ContentType.JSON)
                    .body(Map.of("personId", a.id(), "start", "2030-01-09T17:30:00Z", "end", t, "reason", "x"))
                    .when()
                    .post("/api/rotas/" + id + "/overrides")
                    .then()
                    .spec(invalidField("end"));
            given().auth()
                    .oauth2(manager)
                    .contentType(ContentType.JSON)
                    .body(Map.of("personId", a.id(), "start", t, "end", "2030-01-10T00:00:00Z"))
                    .when()
                    .post("/api/rotas/leave")
                    .then()
                    .spec(invalidField("start"));
            given().auth()
                    .oauth2(manager)
                    .contentType(ContentType.JSON)
                    .body(Map.of("first", "2030-01-08T20:00:00Z", "second", t))
                    .when()
                    .post("/api/rotas/" + id + "/swaps")
                    .then()
                    .spec(invalidField("second"));
        }
    }
}
