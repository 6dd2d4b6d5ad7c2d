package org.sharedict.rota.feeds;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.rota.testing.Notices;
import org.sharedict.rota.testing.TestClock;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.rota.testing.Fixtures.createRota;
import static org.sharedict.rota.testing.Fixtures.mailsTo;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.rota;
import static org.sharedict.rota.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class CalendarFeedTest {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @InjectStubs
    WireMockServer skills;

    @InjectMailServer
    GreenMail mail;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String value(Component c, String property) {
        return c.<Property>getProperty(property).orElseThrow().getValue();
    }

    @Test
    void aPersonsFeedParsesInARealICalendarLibraryAndHoldsExactlyTheirShifts() throws Exception {
        String partner = Fixtures.partner(skills);
        Person a = person(skills, partner, "Ivy Ical");
        Person b = person(skills, partner, "Jon Jones");
        long rotaId = createRota(
                Tokens.manager(partner),
                rota(
                        unique("Feed"),
                        List.of(partner),
                        "OUT_OF_HOURS",
                        "P7D",
                        "09:00",
                        LocalDate.now(clock.withZone(Fixtures.LONDON)).minusDays(3),
                        List.of(a.id(), b.id()),
                        null));
        String me = Tokens.as("ivy")
                .roles("engineer")
                .partner(partner)
                .person(a.id())
                .token();
        String url = given().auth()
                .oauth2(me)
                .when()
                .get("/api/calendar/feeds/me")
                .then()
                .statusCode(200)
                .body("active", equalTo(true))
                .body("url", startsWith("http"))
                .extract()
                .path("url");

        String ics = given().when()
                .get(path(url))
                .then()
                .statusCode(200)
                .contentType(startsWith("text/calendar"))
                .extract()
                .asString();
        assertTrue(ics.contains("\r\n"), "CRLF line ends");
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded at 75 octets: " + line);
        }
        Calendar cal = parse(ics);
        assertFalse(cal.validate().hasErrors(), cal.validate().toString());
        List<VEvent> events = cal.getComponents(Component.VEVENT);
        assertTrue(events.size() > 10, "weeks of shifts: " + events.size());

        // Every event is one of Ivy's shifts, with the same start and end as the shifts endpoint says.
        Instant now = clock.instant();
        JsonPath shifts = given().auth()
                .oauth2(me)
                .queryParam("from", now.minus(Duration.ofDays(30)).toString())
                .queryParam("to", now.plus(Duration.ofDays(120)).toString())
                .when()
                .get("/api/rotas/" + rotaId + "/shifts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // The two ranges were cut a moment apart: compare the shifts well inside both.
        String lo = UTC.format(now.minus(Duration.ofDays(29)));
        String hi = UTC.format(now.plus(Duration.ofDays(119)));
        Map<String, String> expected = new TreeMap<>();
        List<Map<String, Object>> list = shifts.getList("$");
        for (Map<String, Object> s : list) {
            String start = UTC.format(Instant.parse((String) s.get("start")));
            String end = UTC.format(Instant.parse((String) s.get("end")));
            if (((Number) s.get("personId")).longValue() == a.id()
                    && start.compareTo(lo) > 0
                    && end.compareTo(hi) < 0) {
                expected.put(start, end);
            }
        }
        Map<String, String> actual = new TreeMap<>();
        for (VEvent e : events) {
            assertTrue(value(e, Property.SUMMARY).startsWith("On call (primary): Feed"), value(e, Property.SUMMARY));
            assertTrue(value(e, Property.UID).endsWith("@sharedict"));
            String start = value(e, Property.DTSTART);
            String end = value(e, Property.DTEND);
            if (start.compareTo(lo) > 0 && end.compareTo(hi) < 0) {
                actual.put(start, end);
            }
        }
        assertTrue(expected.size() > 10, "enough shifts compared: " + expected.size());
        assertEquals(expected, actual, "the feed holds exactly Ivy's shifts");
        given().auth()
                .oauth2(me)
                .when()
                .get("/api/calendar/feeds/me")
                .then()
                .body("url", nullValue())
                .body("lastUsedAt", notNullValue());
    }

    @Test
    void aRotatedOrRevokedFeedStopsWorking() {
        String partner = Fixtures.partner(skills);
        Person a = person(skills, partner, "Kim Key");
        createRota(
                Tokens.manager(partner),
                rota(
                        unique("Rotate"),
                        List.of(partner),
                        "ALWAYS",
                        "P7D",
                        "09:00",
                        LocalDate.now(clock.withZone(Fixtures.LONDON)),
                        List.of(a.id()),
                        null));
        String me = Tokens.as("kim")
                .roles("engineer")
                .partner(partner)
                .person(a.id())
                .token();
        String first = given().auth()
                .oauth2(me)
                .when()
                .get("/api/calendar/feeds/me")
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        String second = given().auth()
                .oauth2(me)
                .when()
                .post("/api/calendar/feeds/me/rotate")
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        given().when().get(path(first)).then().spec(problem(404));
        given().when().get(path(second)).then().statusCode(200).body(containsString("BEGIN:VCALENDAR"));
        given().when()
                .get("/api/calendar/feeds/notarealtokenatallreally.ics")
                .then()
                .spec(problem(404));

        given().auth()
                .oauth2(Tokens.manager("OTHER"))
                .when()
                .post("/api/calendar/feeds/people/" + a.id() + "/rotate")
                .then()
                .spec(problem(403));
        String third = given().auth()
                .oauth2(Tokens.manager(partner))
                .when()
                .post("/api/calendar/feeds/people/" + a.id() + "/rotate")
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        given().when().get(path(second)).then().spec(problem(404));
        given().auth().oauth2(me).when().delete("/api/calendar/feeds/me").then().statusCode(204);
        given().when().get(path(third)).then().spec(problem(404));
        given().auth()
                .oauth2(Tokens.engineer(partner))
                .when()
                .get("/api/calendar/feeds/me")
                .then()
                .spec(problem(403));
        given().when().get("/api/calendar/feeds/me").then().spec(problem(401));
    }

    @Test
    void aFeedIsOnlyForSomeoneThatExists() {
        // skills-service (WireMock) knows none of these: no feed may be issued, shown or revoked for them.
        for (String id : List.of("987654321", "0", "-1")) {
            given().auth()
                    .oauth2(Tokens.admin())
                    .when()
                    .get("/api/calendar/feeds/people/" + id)
                    .then()
                    .spec(problem(404));
            given().auth()
                    .oauth2(Tokens.admin())
                    .when()
                    .post("/api/calendar/feeds/people/" + id + "/rotate")
                    .then()
                    .spec(problem(404));
            given().auth()
                    .oauth2(Tokens.admin())
                    .when()
                    .delete("/api/calendar/feeds/people/" + id)
                    .then()
                    .spec(problem(404));
        }
        String partner = Fixtures.partner(skills);
        Person known = person(skills, partner, "Lee Known");
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/calendar/feeds/people/" + known.id())
                .then()
                .statusCode(200)
                .body("active", is(false));
    }

    private long changedNotices(long personId) {
        return Notices.shiftsChanged(personId);
    }

    /**
     * Run at every kind of time of day and across both clock changes (2025: 30 March, 26 October),
     * with someone on call now and someone else on call at the end of the 56-day notice horizon:
     * neither hears of a change to someone else's week.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "00:30",
                "08:29",
                "08:31",
                "12:00",
                "17:29",
                "17:31",
                "20:00",
                "23:59",
                "2025-03-29T20:00",
                "2025-03-30T00:30",
                "2025-10-25T23:30",
                "2025-08-31T01:30",
                "2025-02-02T01:30",
                "2025-06-14T12:00"
            })
    void peopleAreEmailedWhenTheirShiftsArePublishedOrChangedAndOnlyThen(String when) {
        if (when.length() == 5) {
            clock.setTimeOfDay(LocalTime.parse(when));
        } else {
            clock.set(LocalDateTime.parse(when));
        }
        LocalDate today = LocalDate.now(clock.withZone(Fixtures.LONDON));
        String partner = Fixtures.partner(skills);
        Person a = person(skills, partner, "Lou Lane");
        Person b = person(skills, partner, "Max Moss");
        Person c = person(skills, partner, "Ned Nash");
        Person d = person(skills, partner, "Oli Orr");
        // Weekly from three days ago: Lou holds this week (on call now, out of hours), Oli the week the horizon ends
        // in.
        LocalDate start = today.minusDays(3);
        long rotaId = createRota(
                Tokens.manager(partner),
                rota(
                        unique("Notice"),
                        List.of(partner),
                        "OUT_OF_HOURS",
                        "P7D",
                        "09:00",
                        start,
                        List.of(a.id(), b.id(), d.id()),
                        null));
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .until(() -> mailsTo(mail, a.email(), "published").size() == 1
                        && mailsTo(mail, b.email(), "published").size() == 1
                        && mailsTo(mail, d.email(), "published").size() == 1);
        String body =
                GreenMailUtil.getBody(mailsTo(mail, a.email(), "published").get(0));
        assertTrue(body.contains("Lou Lane") && body.contains("primary"), body);

        // Ned covers Max's first evening: Max and Ned hear of it, Lou and Oli do not.
        Instant evening =
                start.plusDays(7).atTime(17, 30).atZone(Fixtures.LONDON).toInstant();
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "personId",
                        c.id(),
                        "start",
                        evening.toString(),
                        "end",
                        evening.plus(Duration.ofHours(15)).toString(),
                        "reason",
                        "swap of evenings"))
                .when()
                .post("/api/rotas/" + rotaId + "/overrides")
                .then()
                .statusCode(201);
        // The notices were queued with the override, in its transaction: what is queued now is all there will be.
        assertEquals(1, changedNotices(b.id()), "Max's evening moved");
        assertEquals(1, changedNotices(c.id()), "Ned took it");
        assertEquals(0, changedNotices(a.id()), "Lou, on call now, is not told of a change to someone else's week");
        assertEquals(0, changedNotices(d.id()), "Oli, on call at the end of the horizon, is not told either");
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .until(() -> mailsTo(mail, b.email(), "changed").size() == 1
                        && mailsTo(mail, c.email(), "changed").size() == 1);
        assertTrue(GreenMailUtil.getBody(mailsTo(mail, c.email(), "changed").get(0))
                .contains("override"));
        assertEquals(List.of(), mailsTo(mail, a.email(), "changed"));
        assertEquals(List.of(), mailsTo(mail, d.email(), "changed"));
    }
}
