package org.sharedict.rota.incidents;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.rota.testing.TestClock;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.rota.testing.Fixtures.createRota;
import static org.sharedict.rota.testing.Fixtures.mailsTo;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.rota;
import static org.sharedict.rota.testing.Fixtures.unique;

/** A step that finds nobody falls through to the partner's managers, and the timeline says why: one test per cause. */
@QuarkusTest
class FallThroughTest {

    @InjectStubs
    WireMockServer stubs;

    @InjectMailServer
    GreenMail mail;

    @Inject
    TestClock clock;

    private record Setup(String partner, Person ann, Person bob, Person mo, Person max, long rotaId) {}

    /** A 24x7 rota with a primary layer only (Ann, Bob) and, unless {@code managers} is false, two managers. */
    private Setup setup(boolean managers) {
        String partner = Fixtures.partner(stubs);
        Person ann = person(stubs, partner, "Ann Archer");
        Person bob = person(stubs, partner, "Bob Baker");
        Person mo = person(stubs, partner, "Mo Manager", true);
        Person max = person(stubs, partner, "Max Manager", true);
        if (managers) {
            Fixtures.managersOf(stubs, partner, mo, max);
        } else {
            Fixtures.managersOf(stubs, partner);
        }
        long rota = createRota(
                Tokens.admin(),
                rota(
                        unique("Nights"),
                        List.of(partner),
                        "ALWAYS",
                        "P7D",
                        "00:00",
                        LocalDate.now(clock.withZone(Fixtures.LONDON)).minusDays(1),
                        List.of(ann.id(), bob.id()),
                        null));
        return new Setup(partner, ann, bob, mo, max, rota);
    }

    private static long policy(String partner, Map<String, Object> target) {
        return ((Number) given().auth()
                        .oauth2(Tokens.manager(partner))
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "name",
                                unique("One step"),
                                "partner",
                                partner,
                                "repeatCount",
                                0,
                                "steps",
                                List.of(Map.of("delay", "PT1H", "targets", List.of(target)))))
                        .when()
                        .post("/api/escalation-policies")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    private static long raise(String partner, long policy) {
        return given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(Map.of("partner", partner, "summary", "Firewall down", "severity", "HIGH", "policyId", policy))
                .when()
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** The detail of the incident's one FELL_THROUGH line (step 1 is notified in the raise, so it is there at once). */
    private static String fellThrough(long id) {
        JsonPath i = given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/incidents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> lines = i.getList("timeline.findAll { it.kind == 'FELL_THROUGH' }.detail");
        assertEquals(1, lines.size(), "one FELL_THROUGH line in " + i.getList("timeline.detail"));
        return lines.get(0);
    }

    private void awaitPage(Person p, long id) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> mailsTo(mail, p.email(), "incident #" + id + ":").size() == 1);
    }

    private int pages(Person p, long id) {
        return mailsTo(mail, p.email(), "incident #" + id + ":").size();
    }

    @Test
    void emptyLayerFallsThroughToThePartnersManagers() {
        Setup s = setup(true);
        long id = raise(
                s.partner(),
                policy(s.partner(), Map.of("kind", "ROTA_LAYER", "rotaId", s.rotaId(), "layer", "SECONDARY")));

        String why = fellThrough(id);
        assertTrue(why.contains("nobody was on call for the SECONDARY layer of Nights"), why);
        assertTrue(why.contains("the layer has no members"), why);
        assertTrue(why.endsWith("paged the partner's managers Mo Manager, Max Manager"), why);
        awaitPage(s.mo(), id);
        awaitPage(s.max(), id);
    }

    @Test
    void everyoneOnLeaveFallsThroughAndTheScheduledMemberIsNotPaged() {
        Setup s = setup(true);
        Instant now = Instant.now(clock);
        for (Person p : List.of(s.ann(), s.bob())) {
            given().auth()
                    .oauth2(Tokens.manager(s.partner()))
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "personId",
                            p.id(),
                            "start",
                            now.minus(Duration.ofDays(1)).toString(),
                            "end",
                            now.plus(Duration.ofDays(1)).toString(),
                            "reason",
                            "course"))
                    .when()
                    .post("/api/rotas/leave")
                    .then()
                    .statusCode(201);
        }
        long id = raise(
                s.partner(),
                policy(s.partner(), Map.of("kind", "ROTA_LAYER", "rotaId", s.rotaId(), "layer", "PRIMARY")));

        String why = fellThrough(id);
        assertTrue(why.contains("both members on leave: Ann Archer (course), Bob Baker (course)"), why);
        assertTrue(why.endsWith("paged the partner's managers Mo Manager, Max Manager"), why);
        awaitPage(s.mo(), id);
        awaitPage(s.max(), id);
        assertEquals(0, pages(s.ann(), id));
        assertEquals(0, pages(s.bob(), id));
    }

    @Test
    void targetKindThatNamesNobodyFallsThrough() {
        Setup s = setup(true);
        // A plain incident names no owner, so an INCIDENT_OWNER step finds nobody.
        long id = raise(s.partner(), policy(s.partner(), Map.of("kind", "INCIDENT_OWNER")));

        String why = fellThrough(id);
        assertTrue(why.startsWith("the incident names no owner; "), why);
        assertTrue(why.endsWith("paged the partner's managers Mo Manager, Max Manager"), why);
        awaitPage(s.mo(), id);
    }

    @Test
    void noManagerKnownEitherSaysSoPlainly() {
        Setup s = setup(false);
        long id = raise(
                s.partner(),
                policy(s.partner(), Map.of("kind", "ROTA_LAYER", "rotaId", s.rotaId(), "layer", "SECONDARY")));

        String why = fellThrough(id);
        assertTrue(why.contains("the layer has no members"), why);
        assertTrue(
                why.endsWith("rota-service knows no other manager of " + s.partner()
                        + " to page either, so nobody was paged at this step"),
                why);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/incidents/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aStepThatReachesSomeoneDoesNotFallThrough() {
        Setup s = setup(true);
        long id = raise(
                s.partner(),
                policy(s.partner(), Map.of("kind", "ROTA_LAYER", "rotaId", s.rotaId(), "layer", "PRIMARY")));

        awaitPage(s.ann(), id);
        List<String> kinds = given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/incidents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("timeline.kind");
        assertTrue(!kinds.contains("FELL_THROUGH") && !kinds.contains("NO_RECIPIENT"), kinds.toString());
        assertEquals(0, pages(s.mo(), id));
    }
}
