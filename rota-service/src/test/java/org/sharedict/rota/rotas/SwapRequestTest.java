package org.sharedict.rota.rotas;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.rota.testing.TestClock;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sharedict.rota.testing.Fixtures.createRota;
import static org.sharedict.rota.testing.Fixtures.mailsTo;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.rota;
import static org.sharedict.rota.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

/** Shift swaps by consent: asked, accepted (in the app or from the e-mail's links), declined, cancelled, expired, imposed. */
@QuarkusTest
class SwapRequestTest {

    private static final Pattern LINK = Pattern.compile("(Accept|Decline) the swap: (\\S+)");
    private static final String REQUESTS = "/api/rotas/swap-requests";

    @InjectStubs
    WireMockServer skills;

    @InjectMailServer
    GreenMail mail;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A weekly 24x7 rota handing off on Mondays at 09:00: Ann, Ben, Cat in turn from {@code start}. */
    private record Scenario(String partner, long rotaId, Person ann, Person ben, Person cat) {
        String token(Person p) {
            return Tokens.as(p.name().toLowerCase().replace(' ', '.'))
                    .roles("engineer")
                    .partner(partner)
                    .person(p.id())
                    .token();
        }
    }

    private Scenario scenario(LocalDate start) {
        String partner = Fixtures.partner(skills);
        Person ann = person(skills, partner, "Ann Archer");
        Person ben = person(skills, partner, "Ben Baker");
        Person cat = person(skills, partner, "Cat Carter");
        long id = createRota(
                Tokens.manager(partner),
                rota(
                        unique("Swaps"),
                        List.of(partner),
                        "ALWAYS",
                        "P1W",
                        "09:00",
                        start,
                        List.of(ann.id(), ben.id(), cat.id()),
                        null));
        return new Scenario(partner, id, ann, ben, cat);
    }

    /** From 7 January 2030 (GMT): Ann holds the week from the 7th, Ben from the 14th, Cat from the 21st. */
    private Scenario future() {
        return scenario(LocalDate.of(2030, 1, 7));
    }

    private static Map<String, Object> ask(long rotaId, String first, String second) {
        Map<String, Object> m = new HashMap<>();
        m.put("rotaId", rotaId);
        m.put("first", first);
        m.put("second", second);
        m.put("reason", "family wedding");
        return m;
    }

    private static JsonPath post(String token, String path, Object body, int status) {
        RequestSpecification r = given().auth().oauth2(token);
        if (body != null) {
            r = r.contentType(ContentType.JSON).body(body);
        }
        return r.when().post(path).then().statusCode(status).extract().jsonPath();
    }

    private static long annAsksBen(Scenario s) {
        return post(s.token(s.ann()), REQUESTS, ask(s.rotaId(), "2030-01-08T12:00:00Z", "2030-01-15T12:00:00Z"), 201)
                .getLong("id");
    }

    private static int primaryAt(Scenario s, String at) {
        return given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .queryParam("partner", s.partner())
                .queryParam("at", at)
                .when()
                .get("/api/oncall")
                .then()
                .statusCode(200)
                .extract()
                .path("primary.personId");
    }

    private MimeMessage onlyMail(Person to, String subject) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> mailsTo(mail, to.email(), subject).size() == 1);
        return mailsTo(mail, to.email(), subject).get(0);
    }

    private static String link(MimeMessage m, String which) {
        String body = GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "=");
        Matcher links = LINK.matcher(body);
        while (links.find()) {
            if (links.group(1).equals(which)) {
                String url = links.group(2);
                return url.substring(url.indexOf("/api/"));
            }
        }
        throw new AssertionError("no " + which + " link in: " + body);
    }

    private static RequestSpecification browser() {
        return given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    @Test
    void acceptingFromTheMailLinkMakesTheSwapOnceAndOnlyThenChangesWhoIsOnCall() {
        Scenario s = future();
        long id = annAsksBen(s);
        given().auth()
                .oauth2(s.token(s.ann()))
                .get(REQUESTS + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("requester.personId", equalTo((int) s.ann().id()))
                .body("requester.from", equalTo("2030-01-07T09:00:00Z"))
                .body("responder.personId", equalTo((int) s.ben().id()))
                .body("responder.name", equalTo("Ben Baker"))
                .body("responder.until", equalTo("2030-01-21T09:00:00Z"))
                .body("expiresAt", equalTo("2030-01-07T09:00:00Z"))
                .body("actions", contains("CANCEL"));
        given().auth()
                .oauth2(s.token(s.ben()))
                .get(REQUESTS)
                .then()
                .statusCode(200)
                .body("find { it.id == " + id + " }.actions", contains("ACCEPT", "DECLINE"));
        // Asked is not agreed: nobody's cover changes yet.
        assertEquals((int) s.ann().id(), primaryAt(s, "2030-01-08T12:00:00Z"));

        MimeMessage asked = onlyMail(s.ben(), "Swap request: Ann Archer asks");
        String accept = link(asked, "Accept");
        String decline = link(asked, "Decline");
        // A GET only shows what the link would do (mail scanners fetch links).
        browser()
                .get(accept)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Accept swap request " + id));
        given().auth().oauth2(s.token(s.ann())).get(REQUESTS + "/" + id).then().body("status", equalTo("PENDING"));

        browser().post(accept).then().statusCode(200).body(containsString("Accepted by Ben Baker"));
        given().auth()
                .oauth2(s.token(s.ann()))
                .get(REQUESTS + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("decidedBy", equalTo("Ben Baker (from the e-mail link)"))
                .body("swapId", notNullValue())
                .body("actions", empty());
        assertEquals((int) s.ben().id(), primaryAt(s, "2030-01-08T12:00:00Z"));
        assertEquals((int) s.ann().id(), primaryAt(s, "2030-01-15T12:00:00Z"));
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .get("/api/rotas/" + s.rotaId() + "/swaps")
                .then()
                .statusCode(200)
                .body("origin", contains("AGREED"))
                .body("requestId", contains((int) id))
                .body("imposedBy", contains(nullValue()));

        // Each link works once: both answer 409 now.
        browser().post(accept).then().statusCode(409).contentType(containsString("text/html"));
        given().post(decline).then().spec(problem(409));
        onlyMail(s.ann(), "Swap request accepted");
    }

    @Test
    void declinedOrCancelledRequestsChangeNothingAndOnlyTheRightPersonActs() {
        Scenario s = future();
        long id = annAsksBen(s);
        post(s.token(s.ann()), REQUESTS + "/" + id + "/accept", null, 403);
        post(s.token(s.ben()), REQUESTS + "/" + id + "/cancel", null, 403);
        // Someone the request does not concern does not see it.
        post(s.token(s.cat()), REQUESTS + "/" + id + "/accept", null, 404);
        given().auth().oauth2(s.token(s.cat())).get(REQUESTS + "/" + id).then().spec(problem(404));

        assertEquals(
                "DECLINED",
                post(s.token(s.ben()), REQUESTS + "/" + id + "/decline", null, 200)
                        .getString("status"));
        given().auth()
                .oauth2(s.token(s.ben()))
                .post(REQUESTS + "/" + id + "/accept")
                .then()
                .spec(problem(409))
                .body("detail", containsString("already declined"));
        post(s.token(s.ann()), REQUESTS + "/" + id + "/cancel", null, 409);
        onlyMail(s.ann(), "Swap request declined");

        long again = annAsksBen(s);
        assertEquals(
                "CANCELLED",
                post(s.token(s.ann()), REQUESTS + "/" + again + "/cancel", null, 200)
                        .getString("status"));
        post(s.token(s.ben()), REQUESTS + "/" + again + "/accept", null, 409);
        assertEquals((int) s.ann().id(), primaryAt(s, "2030-01-08T12:00:00Z"));
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .get("/api/rotas/" + s.rotaId() + "/swaps")
                .then()
                .body("$", empty());
    }

    @Test
    void aRequestStillPendingWhenItsShiftStartsIsExpired() {
        // A rota from Monday 5 January 2026, asked about on New Year's Day, looked at again today.
        Scenario s = scenario(LocalDate.of(2026, 1, 5));
        clock.set(Instant.parse("2026-01-01T12:00:00Z"));
        long id = post(s.token(s.ann()), REQUESTS, ask(s.rotaId(), "2026-01-06T12:00:00Z", "2026-01-13T12:00:00Z"), 201)
                .getLong("id");
        clock.reset();
        given().auth()
                .oauth2(s.token(s.ben()))
                .get(REQUESTS + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("EXPIRED"))
                .body("expiresAt", equalTo("2026-01-05T09:00:00Z"))
                .body("actions", empty());
        given().auth()
                .oauth2(s.token(s.ben()))
                .post(REQUESTS + "/" + id + "/accept")
                .then()
                .spec(problem(409))
                .body("detail", containsString("expired"));
        given().auth()
                .oauth2(s.token(s.ben()))
                .queryParam("status", "EXPIRED")
                .get(REQUESTS)
                .then()
                .statusCode(200)
                .body("id", hasItem((int) id));
        given().auth()
                .oauth2(s.token(s.ben()))
                .queryParam("status", "PENDING")
                .get(REQUESTS)
                .then()
                .statusCode(200)
                .body("id", not(hasItem((int) id)));
        // A shift that has begun is not asked about any more.
        given().auth()
                .oauth2(s.token(s.ann()))
                .contentType(ContentType.JSON)
                .body(ask(s.rotaId(), "2026-01-06T12:00:00Z", "2026-01-13T12:00:00Z"))
                .post(REQUESTS)
                .then()
                .spec(invalidField("first"));
    }

    @Test
    void aManagerImposesASwapRecordedAsImposedAndMembersNoLongerSwapAlone() {
        Scenario s = future();
        long id = annAsksBen(s);
        String manager = Tokens.manager(s.partner());
        given().auth()
                .oauth2(manager)
                .get(REQUESTS)
                .then()
                .statusCode(200)
                .body("find { it.id == " + id + " }.actions", contains("IMPOSE"));
        post(s.token(s.ann()), REQUESTS + "/" + id + "/impose", null, 403);
        JsonPath imposed = post(manager, REQUESTS + "/" + id + "/impose", null, 200);
        assertEquals("IMPOSED", imposed.getString("status"));
        assertEquals((int) s.ben().id(), primaryAt(s, "2030-01-08T12:00:00Z"));
        given().auth()
                .oauth2(manager)
                .get("/api/rotas/" + s.rotaId() + "/swaps")
                .then()
                .statusCode(200)
                .body("origin", contains("IMPOSED"))
                .body("imposedBy", contains(notNullValue()))
                .body("imposedAt", contains(notNullValue()))
                .body("requestId", contains((int) id));
        onlyMail(s.ann(), "Swap request imposed");
        onlyMail(s.ben(), "Swap request imposed");

        // A member's own swap without the other's consent is refused; a manager's is imposed.
        given().auth()
                .oauth2(s.token(s.cat()))
                .contentType(ContentType.JSON)
                .body(Map.of("first", "2030-01-22T12:00:00Z", "second", "2030-01-29T12:00:00Z"))
                .post("/api/rotas/" + s.rotaId() + "/swaps")
                .then()
                .spec(problem(403))
                .body("detail", containsString("swap-requests"));
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of("first", "2030-01-22T12:00:00Z", "second", "2030-01-29T12:00:00Z"))
                .post("/api/rotas/" + s.rotaId() + "/swaps")
                .then()
                .statusCode(201)
                .body("origin", equalTo("IMPOSED"))
                .body("imposedBy", notNullValue())
                .body("requestId", nullValue());
    }

    @Test
    void badRequestsNameTheField() {
        Scenario s = future();
        String ann = s.token(s.ann());
        Map<String, Object> noRota = ask(s.rotaId(), "2030-01-08T12:00:00Z", "2030-01-15T12:00:00Z");
        noRota.remove("rotaId");
        given().auth()
                .oauth2(ann)
                .contentType(ContentType.JSON)
                .body(noRota)
                .post(REQUESTS)
                .then()
                .spec(invalidField("rotaId"));
        given().auth()
                .oauth2(ann)
                .contentType(ContentType.JSON)
                .body(ask(999_999_999L, "2030-01-08T12:00:00Z", "2030-01-15T12:00:00Z"))
                .post(REQUESTS)
                .then()
                .spec(invalidField("rotaId"));
        // Ben's week is not Ann's to offer.
        given().auth()
                .oauth2(ann)
                .contentType(ContentType.JSON)
                .body(ask(s.rotaId(), "2030-01-15T12:00:00Z", "2030-01-22T12:00:00Z"))
                .post(REQUESTS)
                .then()
                .spec(invalidField("first"));
        given().auth()
                .oauth2(ann)
                .contentType(ContentType.JSON)
                .body(ask(s.rotaId(), "2030-01-08T12:00:00Z", "2030-01-09T12:00:00Z"))
                .post(REQUESTS)
                .then()
                .spec(invalidField("second"));
        given().auth()
                .oauth2(ann)
                .queryParam("status", "NOPE")
                .get(REQUESTS)
                .then()
                .spec(invalidField("status"));
        // A manager with no person behind the account imposes rather than asks.
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .contentType(ContentType.JSON)
                .body(ask(s.rotaId(), "2030-01-08T12:00:00Z", "2030-01-15T12:00:00Z"))
                .post(REQUESTS)
                .then()
                .spec(problem(403));
        annAsksBen(s);
        given().auth()
                .oauth2(ann)
                .contentType(ContentType.JSON)
                .body(ask(s.rotaId(), "2030-01-08T12:00:00Z", "2030-01-15T12:00:00Z"))
                .post(REQUESTS)
                .then()
                .spec(problem(409));
        // A program (not asking for HTML) that follows a bad link gets a problem.
        given().get(REQUESTS + "/links/nonsense").then().spec(problem(404));
    }
}
