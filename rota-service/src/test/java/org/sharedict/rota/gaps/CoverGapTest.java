package org.sharedict.rota.gaps;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.rotas.Rota;
import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.rota.testing.Fixtures.createRota;
import static org.sharedict.rota.testing.Fixtures.local;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.problem;

/** GET /api/oncall/gaps over real HTTP and MariaDB: each reason, who may ask, bad parameters. */
@QuarkusTest
class CoverGapTest {

    @InjectStubs
    WireMockServer skills;

    @Inject
    GapMetrics metrics;

    private JsonPath gaps(String token, String partner, LocalDateTime from, LocalDateTime to) {
        return given().auth()
                .oauth2(token)
                .queryParam("partner", partner)
                .queryParam("from", local(from).toString())
                .queryParam("to", local(to).toString())
                .when()
                .get("/api/oncall/gaps")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void leave(Person p, LocalDateTime start, LocalDateTime end) {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "personId",
                        p.id(),
                        "start",
                        local(start).toString(),
                        "end",
                        local(end).toString(),
                        "reason",
                        "annual leave"))
                .when()
                .post("/api/rotas/leave")
                .then()
                .statusCode(201);
    }

    @Test
    void aPartnerInNoRotaHasEveryOutOfHoursWindowUncoveredWithTheAutumnWeekendItsRealLength() {
        String partner = Fixtures.partner(skills);
        JsonPath answer = gaps(
                Tokens.viewer(partner),
                partner,
                LocalDateTime.of(2026, 10, 19, 0, 0),
                LocalDateTime.of(2026, 10, 27, 0, 0));
        List<Map<String, Object>> gaps = answer.getList("gaps");
        // Monday's small hours, four evenings into mornings, the weekend, and Monday evening to the end.
        assertEquals(7, gaps.size(), gaps::toString);
        assertTrue(gaps.stream().allMatch(g -> "NOT_COVERED".equals(g.get("reason")) && g.get("rotaId") == null));
        Map<String, Object> weekend = gaps.get(5);
        assertEquals(local(LocalDateTime.of(2026, 10, 23, 17, 30)).toString(), weekend.get("start"));
        assertEquals(local(LocalDateTime.of(2026, 10, 26, 8, 30)).toString(), weekend.get("end"));
        assertEquals(
                Duration.ofHours(64),
                Duration.between(
                        Instant.parse((String) weekend.get("start")), Instant.parse((String) weekend.get("end"))));
        // Working hours are nobody's gap on an out-of-hours partnership: Monday 08:30 to 17:30 is missing.
        assertEquals(
                local(LocalDateTime.of(2026, 10, 19, 8, 30)).toString(),
                gaps.get(0).get("end"));
        assertEquals(
                local(LocalDateTime.of(2026, 10, 19, 17, 30)).toString(),
                gaps.get(1).get("start"));
    }

    @Test
    void aLayerWhoseEveryMemberIsOnLeaveOverTheSpringChangeIsAGapOfItsRealLength() {
        String partner = Fixtures.partner(skills);
        Person a = person(skills, partner, "Ada Away");
        Person b = person(skills, partner, "Bob Away");
        long rota = createRota(
                Tokens.manager(partner),
                Fixtures.rota(
                        unique("Round the clock"),
                        List.of(partner),
                        "ALWAYS",
                        "P7D",
                        "09:00",
                        LocalDate.of(2027, 3, 1),
                        List.of(a.id(), b.id()),
                        null));
        // Both away over the night the clocks go forward (28 March 2027): 20:00 to 06:00 is 9 real hours.
        leave(a, LocalDateTime.of(2027, 3, 27, 12, 0), LocalDateTime.of(2027, 3, 28, 6, 0));
        leave(b, LocalDateTime.of(2027, 3, 27, 20, 0), LocalDateTime.of(2027, 3, 29, 12, 0));
        List<Map<String, Object>> gaps = gaps(
                        Tokens.engineer(partner),
                        partner,
                        LocalDateTime.of(2027, 3, 22, 0, 0),
                        LocalDateTime.of(2027, 4, 5, 0, 0))
                .getList("gaps");
        assertEquals(1, gaps.size(), gaps::toString);
        Map<String, Object> g = gaps.get(0);
        assertEquals("LAYER_ON_LEAVE", g.get("reason"));
        assertEquals(rota, ((Number) g.get("rotaId")).longValue());
        assertEquals("PRIMARY", g.get("layer"));
        assertEquals(local(LocalDateTime.of(2027, 3, 27, 20, 0)).toString(), g.get("start"));
        assertEquals(local(LocalDateTime.of(2027, 3, 28, 6, 0)).toString(), g.get("end"));
        assertEquals(
                Duration.ofHours(9),
                Duration.between(Instant.parse((String) g.get("start")), Instant.parse((String) g.get("end"))));
        assertTrue(((String) g.get("detail")).contains("on leave"), g::toString);
    }

    @Test
    void aRotaWithNobodyOnItIsAGapNamingTheRota() {
        String partner = Fixtures.partner(skills);
        Person a = person(skills, partner, "Cy Gone");
        long rota = createRota(
                Tokens.manager(partner),
                Fixtures.rota(
                        unique("Emptied"),
                        List.of(partner),
                        "ALWAYS",
                        "P7D",
                        "09:00",
                        LocalDate.of(2027, 1, 4),
                        List.of(a.id()),
                        null));
        // The API refuses a layer without members, but a database can still hold such a rota (rows
        // removed by hand, an older version): the gap must be reported, not the partner silently uncovered.
        QuarkusTransaction.requiringNew().run(() -> {
            Rota.getEntityManager()
                    .createNativeQuery("DELETE FROM rota_member WHERE rota_id = ?1")
                    .setParameter(1, rota)
                    .executeUpdate();
            Rota.getEntityManager()
                    .createNativeQuery("UPDATE rota SET version = version + 1 WHERE id = ?1")
                    .setParameter(1, rota)
                    .executeUpdate();
        });
        List<Map<String, Object>> gaps = gaps(
                        Tokens.viewer(partner),
                        partner,
                        LocalDateTime.of(2027, 2, 1, 9, 0),
                        LocalDateTime.of(2027, 2, 3, 9, 0))
                .getList("gaps");
        assertEquals(1, gaps.size(), gaps::toString);
        assertEquals("ROTA_NO_MEMBERS", gaps.get(0).get("reason"));
        assertEquals(rota, ((Number) gaps.get(0).get("rotaId")).longValue());
        assertEquals(
                local(LocalDateTime.of(2027, 2, 1, 9, 0)).toString(),
                gaps.get(0).get("start"));
        assertEquals(
                local(LocalDateTime.of(2027, 2, 3, 9, 0)).toString(),
                gaps.get(0).get("end"));
    }

    @Test
    void aPolicyStepPagingAnEmptyLayerIsAGapNamingThePolicyAndStep() {
        String partner = Fixtures.partner(skills);
        Person a = person(skills, partner, "Di Primary");
        String manager = Tokens.manager(partner);
        long rota = createRota(
                manager,
                Fixtures.rota(
                        unique("Primary only"),
                        List.of(partner),
                        "ALWAYS",
                        "P7D",
                        "09:00",
                        LocalDate.of(2026, 1, 5),
                        List.of(a.id()),
                        null));
        String name = unique("Secondary next");
        long policy = ((Number) given().auth()
                        .oauth2(manager)
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "name",
                                name,
                                "partner",
                                partner,
                                "steps",
                                List.of(
                                        Map.of(
                                                "delay",
                                                "PT5M",
                                                "targets",
                                                List.of(Map.of(
                                                        "kind", "ROTA_LAYER", "rotaId", rota, "layer", "PRIMARY"))),
                                        Map.of(
                                                "delay",
                                                "PT5M",
                                                "targets",
                                                List.of(Map.of(
                                                        "kind", "ROTA_LAYER", "rotaId", rota, "layer", "SECONDARY"))))))
                        .when()
                        .post("/api/escalation-policies")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .queryParam("partner", partner)
                .when()
                .get("/api/oncall/gaps")
                .then()
                .statusCode(200)
                .body("partner", org.hamcrest.Matchers.equalTo(partner))
                .body("gaps", hasSize(1))
                .body("gaps[0].reason", org.hamcrest.Matchers.equalTo("POLICY_STEP_EMPTY_LAYER"))
                .body("gaps[0].policyId", org.hamcrest.Matchers.equalTo((int) policy))
                .body("gaps[0].policyName", org.hamcrest.Matchers.equalTo(name))
                .body("gaps[0].step", org.hamcrest.Matchers.equalTo(2))
                .body("gaps[0].layer", org.hamcrest.Matchers.equalTo("SECONDARY"))
                .body("gaps[0].detail", containsString("no members"));
        // The gauge counts it, within 7 days and within the horizon.
        Map<String, long[]> counts = metrics.refresh();
        assertEquals(1, counts.get(partner)[0]);
        assertEquals(1, counts.get(partner)[1]);
        String scrape = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                scrape.lines()
                        .anyMatch(l -> l.startsWith("rota_cover_gaps{")
                                && l.contains("partner=\"" + partner + "\"")
                                && l.contains("within=\"7d\"")
                                && l.endsWith(" 1.0")),
                "no rota_cover_gaps series of 1 for " + partner);
    }

    @Test
    void whoMayAskAndBadParametersNamed() {
        String partner = Fixtures.partner(skills);
        given().when().get("/api/oncall/gaps?partner=" + partner).then().statusCode(401);
        String board = Tokens.as("apikey:78")
                .roles("integration")
                .partner(partner)
                .scope("oncall:read")
                .token();
        given().auth()
                .oauth2(board)
                .when()
                .get("/api/oncall/gaps?partner=" + partner)
                .then()
                .statusCode(200);
        String writer = Tokens.as("apikey:79")
                .roles("integration")
                .partner(partner)
                .scope("incidents:write")
                .token();
        given().auth()
                .oauth2(writer)
                .when()
                .get("/api/oncall/gaps?partner=" + partner)
                .then()
                .spec(problem(403));
        String viewer = Tokens.viewer(partner);
        given().auth()
                .oauth2(viewer)
                .when()
                .get("/api/oncall/gaps")
                .then()
                .spec(problem(400))
                .body("errors.field", hasItem("partner"));
        given().auth()
                .oauth2(viewer)
                .when()
                .get("/api/oncall/gaps?partner=" + partner + "&from=yesterday")
                .then()
                .spec(problem(400))
                .body("errors.field", hasItem("from"));
        given().auth()
                .oauth2(viewer)
                .when()
                .get("/api/oncall/gaps?partner=" + partner + "&from=2027-01-10T00:00:00Z&to=2027-01-01T00:00:00Z")
                .then()
                .spec(problem(400))
                .body("errors.field", hasItem("to"));
        given().auth()
                .oauth2(viewer)
                .when()
                .get("/api/oncall/gaps?partner=" + partner + "&from=2027-01-01T00:00:00Z&to=2027-04-02T00:00:00Z")
                .then()
                .spec(problem(400))
                .body("errors.field", hasItem("to"))
                .body("detail", containsString("90 days"));
        given().auth()
                .oauth2(viewer)
                .when()
                .get("/api/oncall/gaps?partner=" + partner + "&to=3001-01-01T00:00:00Z")
                .then()
                .spec(problem(400))
                .body("errors.field", hasItem("to"));
    }
}
