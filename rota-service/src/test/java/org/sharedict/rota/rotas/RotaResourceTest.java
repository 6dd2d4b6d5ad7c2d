package org.sharedict.rota.rotas;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.testing.ConcurrentEdits;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.sharedict.rota.testing.Fixtures.createRota;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.rota;
import static org.sharedict.rota.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class RotaResourceTest {

    @InjectStubs
    WireMockServer skills;

    /** A weekly out-of-hours rota from Monday 7 January 2030 (GMT, so UTC times are local), handing off at 09:00. */
    private record Scenario(String partner, long rotaId, Person a, Person b, Person c, Person d) {}

    private Scenario scenario() {
        String partner = Fixtures.partner(skills);
        Person a = person(skills, partner, "Ann Archer");
        Person b = person(skills, partner, "Ben Baker");
        Person c = person(skills, "LCC", "Cat Carter");
        Person d = person(skills, partner, "Dan Dyer");
        long id = createRota(
                Tokens.manager(partner),
                rota(
                        unique("Pooled"),
                        List.of(partner, "LCC"),
                        "OUT_OF_HOURS",
                        "P1W",
                        "09:00",
                        LocalDate.of(2030, 1, 7),
                        List.of(a.id(), b.id(), c.id()),
                        List.of(d.id())));
        return new Scenario(partner, id, a, b, c, d);
    }

    @Test
    void onCallAnswersExactlyWhoIsPrimaryAndSecondary() {
        Scenario s = scenario();
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .queryParam("partner", s.partner())
                .queryParam("at", "2030-01-08T23:00:00Z")
                .when()
                .get("/api/oncall")
                .then()
                .statusCode(200)
                .body("partner", equalTo(s.partner()))
                .body("at", equalTo("2030-01-08T23:00:00Z"))
                .body("covered", equalTo(true))
                .body("primary.personId", equalTo((int) s.a().id()))
                .body("primary.name", equalTo("Ann Archer"))
                .body("primary.partner", equalTo(s.partner()))
                .body("primary.email", equalTo(s.a().email()))
                .body("primary.phone", containsString("07700"))
                .body("primary.rotaId", equalTo((int) s.rotaId()))
                .body("primary.reason", equalTo("SCHEDULED"))
                .body("primary.shiftStart", equalTo("2030-01-08T17:30:00Z"))
                .body("primary.shiftEnd", equalTo("2030-01-09T08:30:00Z"))
                .body("secondary.personId", equalTo((int) s.d().id()));
        // Working hours are not covered by an out-of-hours rota; the next rotation period is the next member's.
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .queryParam("partner", s.partner())
                .queryParam("at", "2030-01-08T12:00:00Z")
                .when()
                .get("/api/oncall")
                .then()
                .statusCode(200)
                .body("covered", equalTo(false))
                .body("primary", nullValue());
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .queryParam("partner", s.partner())
                .queryParam("at", "2030-01-15T02:00:00Z")
                .when()
                .get("/api/oncall")
                .then()
                .statusCode(200)
                .body("primary.personId", equalTo((int) s.b().id()));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .queryParam("partner", "NOROTA")
                .when()
                .get("/api/oncall")
                .then()
                .statusCode(200)
                .body("covered", equalTo(false));
    }

    @Test
    void shiftsShowOverridesLeaveCoverAndSwapsWithTheirReasons() {
        Scenario s = scenario();
        String manager = Tokens.manager(s.partner());
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "personId",
                        s.c().id(),
                        "start",
                        "2030-01-09T17:30:00Z",
                        "end",
                        "2030-01-10T08:30:00Z",
                        "reason",
                        "Ann's wedding"))
                .when()
                .post("/api/rotas/" + s.rotaId() + "/overrides")
                .then()
                .statusCode(201)
                .body("name", equalTo("Cat Carter"));
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "personId",
                        s.a().id(),
                        "start",
                        "2030-01-10T00:00:00Z",
                        "end",
                        "2030-01-12T00:00:00Z",
                        "reason",
                        "course"))
                .when()
                .post("/api/rotas/leave")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "first", "2030-01-22T20:00:00Z", "second", "2030-01-29T20:00:00Z", "reason", "school holidays"))
                .when()
                .post("/api/rotas/" + s.rotaId() + "/swaps")
                .then()
                .statusCode(201)
                .body("firstPersonId", equalTo((int) s.c().id()))
                .body("secondPersonId", equalTo((int) s.a().id()));

        given().auth()
                .oauth2(Tokens.engineer("BBC"))
                .queryParam("from", "2030-01-07T00:00:00Z")
                .queryParam("to", "2030-01-14T12:00:00Z")
                .queryParam("layer", "PRIMARY")
                .when()
                .get("/api/rotas/" + s.rotaId() + "/shifts")
                .then()
                .statusCode(200)
                .body(
                        "reason",
                        contains("SCHEDULED", "SCHEDULED", "OVERRIDE", "LEAVE_COVER", "LEAVE_COVER", "SCHEDULED"))
                .body(
                        "personId",
                        contains(
                                (int) s.a().id(),
                                (int) s.a().id(),
                                (int) s.c().id(),
                                (int) s.b().id(),
                                (int) s.b().id(),
                                (int) s.a().id()))
                .body(
                        "start",
                        contains(
                                "2030-01-07T17:30:00Z",
                                "2030-01-08T17:30:00Z",
                                "2030-01-09T17:30:00Z",
                                "2030-01-10T17:30:00Z",
                                "2030-01-11T17:30:00Z",
                                "2030-01-12T00:00:00Z"))
                .body("[3].scheduledName", equalTo("Ann Archer"))
                .body("[3].note", containsString("Ann Archer on leave (course)"))
                .body("[2].note", equalTo("Ann's wedding"))
                .body("[5].hours", equalTo(56.5f));

        given().auth()
                .oauth2(Tokens.viewer("LCC"))
                .queryParam("partner", s.partner())
                .queryParam("at", "2030-01-22T23:00:00Z")
                .when()
                .get("/api/oncall")
                .then()
                .body("primary.personId", equalTo((int) s.a().id()))
                .body("primary.reason", equalTo("SWAP"))
                .body("primary.scheduledPersonId", equalTo((int) s.c().id()))
                .body("primary.note", equalTo("Ann Archer swapped periods with Cat Carter (school holidays)"));
        given().auth()
                .oauth2(Tokens.viewer("LCC"))
                .queryParam("partner", s.partner())
                .queryParam("at", "2030-01-29T23:00:00Z")
                .when()
                .get("/api/oncall")
                .then()
                .body("primary.personId", equalTo((int) s.c().id()))
                .body("primary.scheduledPersonId", equalTo((int) s.a().id()));
        given().auth()
                .oauth2(Tokens.engineer("BBC"))
                .queryParam("from", "2030-01-22T17:00:00Z")
                .queryParam("to", "2030-01-23T09:00:00Z")
                .queryParam("layer", "PRIMARY")
                .when()
                .get("/api/rotas/" + s.rotaId() + "/shifts")
                .then()
                .statusCode(200)
                .body("reason", contains("SWAP"))
                .body("personId", contains((int) s.a().id()))
                .body("scheduledPersonId", contains((int) s.c().id()))
                .body("scheduledName", contains("Cat Carter"))
                .body("note", contains("Ann Archer swapped periods with Cat Carter (school holidays)"));
        given().auth()
                .oauth2(Tokens.viewer("LCC"))
                .queryParam("partner", s.partner())
                .queryParam("at", "2030-01-10T20:00:00Z")
                .when()
                .get("/api/oncall")
                .then()
                .body("primary.personId", equalTo((int) s.b().id()))
                .body("primary.reason", equalTo("LEAVE_COVER"))
                .body("primary.scheduledPersonId", equalTo((int) s.a().id()));
    }

    @Test
    void editsNeedTheVersionAndAreRefusedWhenStale() {
        Scenario s = scenario();
        String manager = Tokens.manager(s.partner());
        Map<String, Object> body = rota(
                unique("Renamed"),
                List.of(s.partner()),
                "ALWAYS",
                "P14D",
                "08:00",
                LocalDate.of(2030, 1, 7),
                List.of(s.b().id(), s.a().id()),
                null);
        given().auth()
                .oauth2(manager)
                .when()
                .get("/api/rotas/" + s.rotaId())
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"");
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/rotas/" + s.rotaId())
                .then()
                .spec(problem(428));
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body)
                .when()
                .put("/api/rotas/" + s.rotaId())
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("coverage", equalTo("ALWAYS"))
                .body("rotationLength", equalTo("P14D"))
                .body("layers", hasSize(1))
                .body("layers[0].members.personId", contains((int) s.b().id(), (int) s.a().id()));
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body)
                .when()
                .put("/api/rotas/" + s.rotaId())
                .then()
                .spec(problem(412));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .queryParam("partner", s.partner())
                .queryParam("at", "2030-01-08T12:00:00Z")
                .when()
                .get("/api/oncall")
                .then()
                .body("covered", equalTo(true))
                .body("primary.personId", equalTo((int) s.b().id()));
    }

    /** The edit matches what is stored, so nothing would be flushed; the version must be checked all the same. */
    @Test
    void aStaleEditThatChangesNothingRacingAnotherEditIsRefused() {
        String partner = Fixtures.partner(skills);
        Person a = person(skills, partner, "Fay Fisher");
        String manager = Tokens.manager(partner);
        Map<String, Object> body = rota(
                unique("Unchanged"),
                List.of(partner),
                "OUT_OF_HOURS",
                "P1W",
                "09:00",
                LocalDate.of(2030, 1, 7),
                List.of(a.id()),
                null);
        // A test before this one may have left the circuit to skills-service open for its 100 ms.
        long id = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> post(manager, body), r -> r.statusCode() == 201)
                .jsonPath()
                .getLong("id");
        ConcurrentEdits.whileAnotherEditIsUncommitted(
                        "rota",
                        "UPDATE rota SET name = '" + unique("Renamed meanwhile")
                                + "', version = version + 1 WHERE id = " + id,
                        () -> given().auth()
                                .oauth2(manager)
                                .contentType(ContentType.JSON)
                                .header("If-Match", "\"0\"")
                                .body(body)
                                .when()
                                .put("/api/rotas/" + id)
                                .then())
                .spec(problem(412))
                .body("currentVersion", equalTo(1));
        given().auth()
                .oauth2(manager)
                .when()
                .get("/api/rotas/" + id)
                .then()
                .body("name", containsString("Renamed meanwhile"));
    }

    @Test
    void onlyAdminsAndManagersOfACoveredPartnerChangeRotas() {
        String partner = Fixtures.partner(skills);
        Person a = person(skills, partner, "Eve Evans");
        Map<String, Object> body = rota(
                unique("Auth"),
                List.of(partner),
                "OUT_OF_HOURS",
                "P7D",
                "09:00",
                LocalDate.of(2030, 2, 4),
                List.of(a.id()),
                null);
        given().auth()
                .oauth2(Tokens.engineer(partner))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/rotas")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.manager("OTHER"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/rotas")
                .then()
                .spec(problem(403));
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/rotas")
                .then()
                .spec(problem(401));
        long id = createRota(Tokens.admin(), body);
        given().auth()
                .oauth2(Tokens.manager("OTHER"))
                .when()
                .delete("/api/rotas/" + id)
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.engineer("OTHER"))
                .when()
                .get("/api/rotas/" + id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.engineer(partner))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "personId",
                        a.id(),
                        "start",
                        "2030-02-05T17:30:00Z",
                        "end",
                        "2030-02-06T08:30:00Z",
                        "reason",
                        "x"))
                .when()
                .post("/api/rotas/" + id + "/overrides")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.manager(partner))
                .when()
                .delete("/api/rotas/" + id)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(Tokens.manager(partner))
                .when()
                .get("/api/rotas/" + id)
                .then()
                .spec(problem(404));
    }

    @Test
    void badRotasAreRefusedNamingTheField() {
        String partner = Fixtures.partner(skills);
        Person a = person(skills, partner, "Fay Field");
        String manager = Tokens.manager(partner);
        Map<String, Object> good = rota(
                unique("Bad"),
                List.of(partner),
                "OUT_OF_HOURS",
                "P7D",
                "09:00",
                LocalDate.of(2030, 2, 4),
                List.of(a.id()),
                null);
        post(manager, with(good, "rotationLength", "P1M")).then().spec(invalidField("rotationLength"));
        post(manager, with(good, "rotationLength", "weekly")).then().spec(invalidField("rotationLength"));
        post(manager, with(good, "rotationLength", "P60D")).then().spec(invalidField("rotationLength"));
        post(manager, with(good, "partners", List.of())).then().spec(invalidField("partners"));
        post(manager, with(good, "coverage", "SOMETIMES")).then().spec(invalidField("coverage"));
        post(manager, with(good, "handoffTime", "25:00")).then().spec(invalidField("handoffTime"));
        post(manager, with(good, "layers", List.of(Map.of("layer", "SECONDARY", "members", List.of(a.id())))))
                .then()
                .spec(invalidField("layers"));
        post(manager, with(good, "layers", List.of(Map.of("layer", "PRIMARY", "members", List.of(a.id(), a.id())))))
                .then()
                .spec(invalidField("layers[0].members[1]"));
        post(
                        manager,
                        with(
                                good,
                                "layers",
                                List.of(Map.of("layer", "PRIMARY", "members", List.of(a.id(), 987_654_321L)))))
                .then()
                .spec(invalidField("layers[0].members[1]"));
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body("{\"name\": ")
                .when()
                .post("/api/rotas")
                .then()
                .spec(problem(400));
        given().auth()
                .oauth2(manager)
                .queryParam("partner", partner)
                .queryParam("at", "yesterday")
                .when()
                .get("/api/oncall")
                .then()
                .spec(invalidField("at"));
        given().auth().oauth2(manager).when().get("/api/oncall").then().spec(invalidField("partner"));
        given().auth()
                .oauth2(manager)
                .queryParam("from", "2030-01-02T00:00:00Z")
                .queryParam("to", "2030-01-01T00:00:00Z")
                .when()
                .get("/api/rotas/1/shifts")
                .then()
                .spec(invalidField("to"));
        given().auth()
                .oauth2(manager)
                .when()
                .get("/api/rotas?partner=" + partner)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void skillsServiceDownRefusesTheWriteWithA503AndWritesNothing() {
        String partner = Fixtures.partner(skills);
        Person a = person(skills, partner, "Gil Gray");
        long ghost = 777_000_000L + (long) (Math.random() * 1000);
        skills.stubFor(get(urlPathEqualTo("/api/people/" + ghost))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String name = unique("Down");
        post(
                        Tokens.manager(partner),
                        rota(
                                name,
                                List.of(partner),
                                "OUT_OF_HOURS",
                                "P7D",
                                "09:00",
                                LocalDate.of(2030, 2, 4),
                                List.of(a.id(), ghost),
                                null))
                .then()
                .spec(problem(503))
                .body("type", equalTo("urn:sharedict:problem:dependency-unavailable"))
                .body("detail", containsString("skills-service"));
        given().auth()
                .oauth2(Tokens.manager(partner))
                .when()
                .get("/api/rotas?partner=" + partner)
                .then()
                .body("totalItems", equalTo(0));
        // The caller's token and request ID travelled to skills-service.
        skills.verify(getRequestedFor(urlPathEqualTo("/api/people/" + a.id()))
                .withHeader("Authorization", WireMock.matching("Bearer .+")));
    }

    @Test
    void aRotaOrPolicyNamingAPartnerSkillsServiceDoesNotKnowIsRefusedAndNothingIsWritten() {
        Scenario s = scenario();
        String ghost = Fixtures.unknownPartner();
        String manager = Tokens.manager(s.partner());
        String admin = Tokens.admin();
        Map<String, Object> body = rota(
                unique("Ghost"),
                List.of(s.partner(), ghost),
                "OUT_OF_HOURS",
                "P7D",
                "09:00",
                LocalDate.of(2030, 2, 4),
                List.of(s.a().id()),
                null);
        post(manager, body)
                .then()
                .spec(invalidField("partners"))
                .body("errors", hasSize(1))
                .body("errors[0].rejected", equalTo(ghost));
        given().auth()
                .oauth2(admin)
                .when()
                .get("/api/rotas?partner=" + ghost)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        // Adding it to an existing rota is refused the same way, and the rota is unchanged.
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(with(body, "name", unique("Ghost")))
                .when()
                .put("/api/rotas/" + s.rotaId())
                .then()
                .spec(invalidField("partners"))
                .body("errors[0].rejected", equalTo(ghost));
        given().auth()
                .oauth2(manager)
                .when()
                .get("/api/rotas/" + s.rotaId())
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("partners", contains("LCC", s.partner()));

        // Policies: their own partner, the partners whose managers they page, and a partner's default.
        Map<String, Object> step =
                Map.of("delay", "PT5M", "targets", List.of(Map.of("kind", "PERSON", "personId", s.a().id())));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", unique("Ghost policy"), "partner", ghost, "steps", List.of(step)))
                .when()
                .post("/api/escalation-policies")
                .then()
                .spec(invalidField("partner"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        unique("Ghost managers"),
                        "steps",
                        List.of(Map.of(
                                "delay",
                                "PT5M",
                                "targets",
                                List.of(Map.of("kind", "PARTNER_MANAGER", "partner", ghost))))))
                .when()
                .post("/api/escalation-policies")
                .then()
                .spec(invalidField("steps[0].targets[0].partner"));
        given().auth()
                .oauth2(admin)
                .queryParam("partner", ghost)
                .when()
                .get("/api/escalation-policies")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        long policy = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", unique("Known"), "steps", List.of(step)))
                .when()
                .post("/api/escalation-policies")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("policyId", policy))
                .when()
                .put("/api/escalation-policies/defaults/" + ghost)
                .then()
                .spec(problem(404)); // the path names no partner
        given().auth()
                .oauth2(admin)
                .when()
                .get("/api/escalation-policies/defaults")
                .then()
                .statusCode(200)
                .body("partner", not(hasItem(ghost)));
    }

    @Test
    void partnerCodesThatCannotBeCheckedAreA503AndNothingIsWritten() {
        Scenario s = scenario();
        String unreachable = Fixtures.unknownPartner();
        skills.stubFor(get(urlPathEqualTo("/api/partners/" + unreachable))
                .atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String admin = Tokens.admin();
        post(
                        admin,
                        rota(
                                unique("Unchecked"),
                                List.of(unreachable),
                                "OUT_OF_HOURS",
                                "P7D",
                                "09:00",
                                LocalDate.of(2030, 2, 4),
                                List.of(s.a().id()),
                                null))
                .then()
                .spec(problem(503))
                .body("type", equalTo("urn:sharedict:problem:dependency-unavailable"))
                .body("detail", containsString("skills-service"));
        given().auth()
                .oauth2(admin)
                .when()
                .get("/api/rotas?partner=" + unreachable)
                .then()
                .body("totalItems", equalTo(0));
        Map<String, Object> step =
                Map.of("delay", "PT5M", "targets", List.of(Map.of("kind", "PERSON", "personId", s.a().id())));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", unique("Unchecked policy"), "partner", unreachable, "steps", List.of(step)))
                .when()
                .post("/api/escalation-policies")
                .then()
                .spec(problem(503));
        given().auth()
                .oauth2(admin)
                .queryParam("partner", unreachable)
                .when()
                .get("/api/escalation-policies")
                .then()
                .body("$", hasSize(0));
        long policy = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", unique("Known"), "steps", List.of(step)))
                .when()
                .post("/api/escalation-policies")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("policyId", policy))
                .when()
                .put("/api/escalation-policies/defaults/" + unreachable)
                .then()
                .spec(problem(503));
        given().auth()
                .oauth2(admin)
                .when()
                .get("/api/escalation-policies/defaults")
                .then()
                .body("partner", not(hasItem(unreachable)));
    }

    @Test
    void theOnCallAnswerNeedsNoOtherService() {
        Scenario s = scenario();
        skills.stubFor(get(urlPathEqualTo("/api/people/" + s.a().id()))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .queryParam("partner", s.partner())
                .queryParam("at", "2030-01-08T23:00:00Z")
                .when()
                .get("/api/oncall")
                .then()
                .statusCode(200)
                .body("primary.name", equalTo("Ann Archer"));
    }

    @Test
    void badOverridesLeaveAndSwapsAreRefusedNamingTheField() {
        Scenario s = scenario();
        String manager = Tokens.manager(s.partner());
        String overrides = "/api/rotas/" + s.rotaId() + "/overrides";
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "personId",
                        s.c().id(),
                        "start",
                        "2030-01-10T08:30:00Z",
                        "end",
                        "2030-01-09T17:30:00Z",
                        "reason",
                        "x"))
                .when()
                .post(overrides)
                .then()
                .spec(invalidField("end"));
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of("personId", s.c().id(), "start", "2030-01-09T17:30:00Z", "end", "2030-01-10T08:30:00Z"))
                .when()
                .post(overrides)
                .then()
                .spec(invalidField("reason"));
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "personId",
                        987_654_321L,
                        "start",
                        "2030-01-09T17:30:00Z",
                        "end",
                        "2030-01-10T08:30:00Z",
                        "reason",
                        "x"))
                .when()
                .post(overrides)
                .then()
                .spec(invalidField("personId"));
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of("personId", s.c().id(), "start", "tonight", "end", "2030-01-10T08:30:00Z", "reason", "x"))
                .when()
                .post(overrides)
                .then()
                .spec(invalidField("start"));
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of("personId", s.a().id(), "start", "2030-01-09T00:00:00Z", "end", "2031-06-01T00:00:00Z"))
                .when()
                .post("/api/rotas/leave")
                .then()
                .spec(invalidField("end"));
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of("start", "2030-01-09T00:00:00Z", "end", "2030-01-10T00:00:00Z"))
                .when()
                .post("/api/rotas/leave")
                .then()
                .spec(invalidField("personId"));
        String swaps = "/api/rotas/" + s.rotaId() + "/swaps";
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of("first", "2030-01-08T20:00:00Z", "second", "2030-01-09T20:00:00Z"))
                .when()
                .post(swaps)
                .then()
                .spec(invalidField("second"));
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of("first", "2029-01-08T20:00:00Z", "second", "2030-01-09T20:00:00Z"))
                .when()
                .post(swaps)
                .then()
                .spec(invalidField("first"));
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of("first", "2030-01-08T20:00:00Z", "second", "2030-01-15T20:00:00Z", "layer", "SECONDARY"))
                .when()
                .post(swaps)
                .then()
                .spec(invalidField("second"));
        // A member no longer swaps alone, not even their own period: they ask the other member
        // (SwapRequestTest); someone else's they may not either.
        String ann = Tokens.as("ann")
                .roles("engineer")
                .partner(s.partner())
                .person(s.a().id())
                .token();
        given().auth()
                .oauth2(ann)
                .contentType(ContentType.JSON)
                .body(Map.of("first", "2030-01-08T20:00:00Z", "second", "2030-01-15T20:00:00Z"))
                .when()
                .post(swaps)
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(ann)
                .contentType(ContentType.JSON)
                .body(Map.of("first", "2030-01-15T20:00:00Z", "second", "2030-01-22T20:00:00Z"))
                .when()
                .post(swaps)
                .then()
                .spec(problem(403));
        // Engineers record their own leave only.
        given().auth()
                .oauth2(ann)
                .contentType(ContentType.JSON)
                .body(Map.of("personId", s.b().id(), "start", "2030-02-01T00:00:00Z", "end", "2030-02-02T00:00:00Z"))
                .when()
                .post("/api/rotas/leave")
                .then()
                .spec(problem(403));
        long leave = given().auth()
                .oauth2(ann)
                .contentType(ContentType.JSON)
                .body(Map.of("personId", s.a().id(), "start", "2030-02-01T00:00:00Z", "end", "2030-02-02T00:00:00Z"))
                .when()
                .post("/api/rotas/leave")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        given().auth()
                .oauth2(ann)
                .when()
                .delete("/api/rotas/leave/" + leave)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(manager)
                .when()
                .delete(overrides + "/999999")
                .then()
                .spec(problem(404));
    }

    private static Response post(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/rotas");
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.put(key, value);
        return m;
    }
}
