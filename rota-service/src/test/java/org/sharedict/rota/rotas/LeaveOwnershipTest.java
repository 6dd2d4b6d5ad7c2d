package org.sharedict.rota.rotas;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.rota.testing.LeaveStandIn;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.rota;
import static org.sharedict.rota.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

/**
 * skills-service owns leave (docs/ARCHITECTURE.md, "One leave record"): leave entered there is what
 * the on-call answer honours, leave entered here is written there, and when skills-service cannot
 * say who is away the answer is a 503, never someone on leave shown as on call.
 */
@QuarkusTest
class LeaveOwnershipTest {

    @InjectStubs
    WireMockServer skills;

    @jakarta.inject.Inject
    LeaveSync sync;

    private static final Instant NOON = Instant.parse("2030-03-04T12:00:00Z");

    private record Scenario(String partner, Person a, Person b, long rotaId) {}

    private Scenario scenario() {
        String partner = Fixtures.partner(skills);
        Person a = person(skills, partner, "Ada Away");
        Person b = person(skills, partner, "Ben Backup");
        long rotaId = Fixtures.createRota(
                Tokens.manager(partner),
                rota(
                        unique("Leave owner"),
                        List.of(partner),
                        "ALWAYS",
                        "P1D",
                        "09:00",
                        LocalDate.of(2030, 3, 4),
                        List.of(a.id(), b.id()),
                        null));
        return new Scenario(partner, a, b, rotaId);
    }

    private static io.restassured.response.ValidatableResponse onCall(String partner) {
        return given().auth()
                .oauth2(Tokens.viewer(partner))
                .queryParam("partner", partner)
                .queryParam("at", NOON.toString())
                .when()
                .get("/api/oncall")
                .then();
    }

    @Test
    void leaveEnteredInSkillsServiceIsSkippedByTheOnCallAnswerAndItsRemovalToo() {
        Scenario s = scenario();
        onCall(s.partner()).statusCode(200).body("primary.personId", equalTo((int) s.a().id()));

        LeaveStandIn.Period p = LeaveStandIn.enteredInSkills(
                s.a().id(), Instant.parse("2030-03-04T00:00:00Z"), Instant.parse("2030-03-06T00:00:00Z"), "Course");
        onCall(s.partner())
                .statusCode(200)
                .body("primary.personId", equalTo((int) s.b().id()))
                .body("primary.reason", equalTo("LEAVE_COVER"))
                .body("primary.scheduledPersonId", equalTo((int) s.a().id()))
                .body("primary.note", containsString("Course"));
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .queryParam("personId", s.a().id())
                .queryParam("from", "2030-03-01T00:00:00Z")
                .when()
                .get("/api/rotas/leave")
                .then()
                .statusCode(200)
                .body("start", contains("2030-03-04T00:00:00Z"))
                .body("reason", contains("Course"))
                .body("createdBy", contains("someone.in.skills"));

        LeaveStandIn.removeInSkills(p.id());
        onCall(s.partner()).statusCode(200).body("primary.personId", equalTo((int) s.a().id()));
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .queryParam("personId", s.a().id())
                .queryParam("from", "2030-03-01T00:00:00Z")
                .when()
                .get("/api/rotas/leave")
                .then()
                .body("$", empty());
    }

    @Test
    void leaveEnteredHereIsWrittenToSkillsServiceWithTheCallersTokenAndRemovedThereToo() {
        Scenario s = scenario();
        String manager = Tokens.manager(s.partner());
        long id = given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "personId",
                        s.a().id(),
                        "start",
                        "2030-03-04T00:00:00Z",
                        "end",
                        "2030-03-05T00:00:00Z",
                        "reason",
                        " Dentist "))
                .when()
                .post("/api/rotas/leave")
                .then()
                .statusCode(201)
                .body("reason", equalTo("Dentist"))
                .extract()
                .jsonPath()
                .getLong("id");
        List<LeaveStandIn.Period> there = LeaveStandIn.of(s.a().id());
        assertEquals(1, there.size(), "skills-service holds the leave entered in rota-service");
        assertEquals(Instant.parse("2030-03-04T00:00:00Z"), there.get(0).start());
        assertEquals("Dentist", there.get(0).reason());
        skills.verify(postRequestedFor(urlPathEqualTo("/api/people/" + s.a().id() + "/leave"))
                .withHeader("Authorization", WireMock.matching("Bearer .+")));
        onCall(s.partner()).body("primary.personId", equalTo((int) s.b().id()));

        given().auth()
                .oauth2(manager)
                .when()
                .delete("/api/rotas/leave/" + id)
                .then()
                .statusCode(204);
        assertTrue(LeaveStandIn.of(s.a().id()).isEmpty(), "removed at skills-service too");
        onCall(s.partner()).body("primary.personId", equalTo((int) s.a().id()));
    }

    @Test
    void whenSkillsServiceCannotSayWhoIsAwayOnCallAndShiftsAreA503AndLeaveIsNotWritten() {
        Scenario s = scenario();
        String manager = Tokens.manager(s.partner());
        StubMapping down = skills.stubFor(any(urlPathMatching("/api/people/(leave|\\d+/leave(/\\d+)?)"))
                .atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try {
            onCall(s.partner())
                    .spec(problem(503))
                    .body("type", equalTo("urn:sharedict:problem:dependency-unavailable"))
                    .body("detail", containsString("on leave"))
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue());
            given().auth()
                    .oauth2(Tokens.viewer(s.partner()))
                    .queryParam("from", "2030-03-04T00:00:00Z")
                    .when()
                    .get("/api/rotas/" + s.rotaId() + "/shifts")
                    .then()
                    .spec(problem(503));
            given().auth()
                    .oauth2(manager)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "personId", s.a().id(), "start", "2030-03-04T00:00:00Z", "end", "2030-03-05T00:00:00Z"))
                    .when()
                    .post("/api/rotas/leave")
                    .then()
                    .spec(problem(503))
                    .body("detail", containsString("skills-service"));
            // Bad input is still a 400 naming the field, whatever skills-service is doing.
            given().auth()
                    .oauth2(manager)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "personId", s.a().id(), "start", "2030-03-05T00:00:00Z", "end", "2030-03-04T00:00:00Z"))
                    .when()
                    .post("/api/rotas/leave")
                    .then()
                    .spec(invalidField("end"));
        } finally {
            skills.removeStub(down);
        }
        assertTrue(LeaveStandIn.of(s.a().id()).isEmpty());
        // Back once skills-service answers again (the circuit may stay paused a moment after the failures).
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .untilAsserted(
                        () -> onCall(s.partner()).statusCode(200).body("primary.personId", equalTo((int) s.a().id())));
        given().auth()
                .oauth2(manager)
                .queryParam("personId", s.a().id())
                .queryParam("from", "2030-03-01T00:00:00Z")
                .when()
                .get("/api/rotas/leave")
                .then()
                .statusCode(200)
                .body("$", empty());
    }

    @Test
    void leaveOfSomeoneRotaServiceHasNotMetIsListedByNameAndACopyOlderThanItsAgeSaysSoInWords() {
        String partner = Fixtures.partner(skills);
        Person stranger = person(skills, partner, "Sid Stranger");
        LeaveStandIn.enteredInSkills(
                stranger.id(), Instant.parse("2030-05-01T00:00:00Z"), Instant.parse("2030-05-02T00:00:00Z"), null);
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .queryParam("personId", stranger.id())
                .queryParam("from", "2030-04-01T00:00:00Z")
                .when()
                .get("/api/rotas/leave")
                .then()
                .statusCode(200)
                .body("start", contains("2030-05-01T00:00:00Z"))
                .body("name", contains("Sid Stranger"));
        // Tests allow no age at all, so for a page the copy is always "as last read", with when.
        assertTrue(
                sync.staleness()
                        .orElseThrow()
                        .startsWith("who is on leave is as rota-service last read it from skills-service, at "),
                sync.staleness().orElseThrow());
    }
}
