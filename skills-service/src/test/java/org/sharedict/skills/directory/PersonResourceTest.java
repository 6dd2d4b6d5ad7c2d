package org.sharedict.skills.directory;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.sharedict.platform.audit.AuditEntry;
import org.sharedict.skills.support.Fixtures;
import org.sharedict.skills.support.TestClock;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.skills.support.Fixtures.person;
import static org.sharedict.skills.support.Fixtures.personBody;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class PersonResourceTest {

    @Test
    void managerAddsPersonToOwnPartnerAndAnyoneSignedInReadsTheContractShape() {
        String partner = Fixtures.partner();
        Map<String, Object> body = personBody(partner, "Sam Carter");
        long id = given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/people")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .header("Location", notNullValue())
                .extract()
                .jsonPath()
                .getLong("id");
        given().auth()
                .oauth2(Tokens.viewer("ELSEWHERE"))
                .when()
                .get("/api/people/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo((int) id))
                .body("partner", equalTo(partner))
                .body("partnerName", equalTo("Partner " + partner))
                .body("name", equalTo("Sam Carter"))
                .body("jobTitle", equalTo("Infrastructure Engineer"))
                .body("team", equalTo("Infrastructure"))
                .body("email", equalTo(body.get("email")))
                .body("workPhone", equalTo("01632 960123"))
                .body("mobile", equalTo("07700 900123"))
                .body("site", equalTo("Municipal Buildings"))
                .body("manager", equalTo(false))
                .body("helpOtherPartners", equalTo(true))
                .body("helpHoursPerMonth", equalTo(8))
                .body("outOfHours", equalTo(true))
                .body("lastConfirmed", equalTo(TestClock.today().toString()))
                .body("version", equalTo(0))
                .body("available", equalTo(true))
                .body("stale", equalTo(false));
    }

    @Test
    void managerCannotAddOrEditPeopleOfAnotherPartner() {
        String mine = Fixtures.partner();
        String theirs = Fixtures.partner();
        given().auth()
                .oauth2(Tokens.manager(mine))
                .contentType(ContentType.JSON)
                .body(personBody(theirs, "Not Mine"))
                .when()
                .post("/api/people")
                .then()
                .spec(problem(403));
        long id = person(theirs, "Their Person");
        Map<String, Object> edit = personBody(theirs, "Renamed");
        edit.put("version", 0);
        given().auth()
                .oauth2(Tokens.manager(mine))
                .contentType(ContentType.JSON)
                .body(edit)
                .when()
                .put("/api/people/" + id)
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.manager(mine))
                .when()
                .delete("/api/people/" + id)
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.engineer(theirs))
                .contentType(ContentType.JSON)
                .body(edit)
                .when()
                .put("/api/people/" + id)
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + id)
                .then()
                .body("name", equalTo("Their Person"));
    }

    @Test
    void managerCannotMoveTheirPersonToAnotherPartnerButAdminCan() {
        String mine = Fixtures.partner();
        String other = Fixtures.partner();
        Map<String, Object> body = personBody(mine, "Mover");
        long id = person(body);
        body.put("partner", other);
        body.put("version", 0);
        given().auth()
                .oauth2(Tokens.manager(mine))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/people/" + id)
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/people/" + id)
                .then()
                .statusCode(200)
                .body("partner", equalTo(other));
    }

    @Test
    void everyPeoplePathNeedsATokenAndNoMobileLeaksWithoutOne() {
        String partner = Fixtures.partner();
        long id = person(partner, "Private Mobile");
        for (String path : List.of(
                "/api/people",
                "/api/people/" + id,
                "/api/people/" + id + "/skills",
                "/api/people/" + id + "/certifications",
                "/api/people/export",
                "/api/experts?q=Private",
                "/api/reports/skills/stale",
                "/api/reports/skills/key-person-risk",
                "/api/reports/skills/coverage")) {
            String body = given().when()
                    .get(path)
                    .then()
                    .spec(problem(401))
                    .header("WWW-Authenticate", "Bearer")
                    .extract()
                    .asString();
            assertTrue(!body.contains("07700"), path + " leaked a mobile number: " + body);
        }
        given().when().post("/api/people/" + id + "/confirm").then().spec(problem(401));
    }

    @Test
    void invalidPersonIsRefusedNamingEachField() {
        String partner = Fixtures.partner();
        Map<String, Object> body = personBody(partner, "");
        body.put("email", "not-an-email");
        body.put("mobile", "call me");
        body.put("helpHoursPerMonth", -1);
        body.put("lastConfirmed", TestClock.today().plusDays(3).toString());
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/people")
                .then()
                .spec(invalidField("name"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("mobile"))
                .body("errors.field", hasItem("helpHoursPerMonth"))
                .body("errors.field", hasItem("lastConfirmed"));
        Map<String, Object> unknownPartner = personBody("NOSUCHPARTNER", "Ghost");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(unknownPartner)
                .when()
                .post("/api/people")
                .then()
                .spec(invalidField("partner"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"partner\":")
                .when()
                .post("/api/people")
                .then()
                .spec(problem(400));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "partner", partner, "name", "X", "email", "x@example.gov.uk", "helpOtherPartners", "perhaps"))
                .when()
                .post("/api/people")
                .then()
                .spec(invalidField("helpOtherPartners"));
    }

    @Test
    void duplicateEmailIsAConflictWhateverItsCase() {
        String partner = Fixtures.partner();
        Map<String, Object> body = personBody(partner, "First");
        person(body);
        Map<String, Object> again = personBody(partner, "Second");
        again.put("email", body.get("email").toString().toUpperCase());
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(again)
                .when()
                .post("/api/people")
                .then()
                .spec(problem(409))
                .body("errors[0].field", equalTo("email"));
    }

    @Test
    void staleEditIsRejectedWith412Or409AndNothingChanges() {
        String partner = Fixtures.partner();
        Map<String, Object> body = personBody(partner, "Original");
        long id = person(body);
        body.put("name", "First edit");
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body)
                .when()
                .put("/api/people/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        body.put("name", "Lost edit");
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body)
                .when()
                .put("/api/people/" + id)
                .then()
                .spec(problem(412))
                .body("currentVersion", equalTo(1));
        body.put("version", 0);
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/people/" + id)
                .then()
                .spec(problem(409));
        body.remove("version");
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/people/" + id)
                .then()
                .spec(problem(428));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + id)
                .then()
                .body("name", equalTo("First edit"));
    }

    @Test
    void listFiltersByPartnerManagerEmailAndTextAndSortsStably() {
        String partner = Fixtures.partner();
        Map<String, Object> boss = personBody(partner, "Zoe Manager");
        boss.put("manager", true);
        boss.put("jobTitle", "ICT Manager");
        person(boss);
        person(partner, "Adam Able");
        person(partner, "Beth Baker");
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people?partner=" + partner.toLowerCase() + "&sort=name")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.name", contains("Adam Able", "Beth Baker", "Zoe Manager"));
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people?partner=" + partner + "&sort=-name&size=2&page=0")
                .then()
                .body("items.name", contains("Zoe Manager", "Beth Baker"))
                .body("totalPages", equalTo(2));
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people?partner=" + partner + "&manager=true")
                .then()
                .body("items.name", contains("Zoe Manager"));
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people?email=" + boss.get("email").toString().toUpperCase())
                .then()
                .body("items.name", contains("Zoe Manager"));
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people?partner=" + partner + "&q=ict manag")
                .then()
                .body("items.name", contains("Zoe Manager"));
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people?sort=salary")
                .then()
                .spec(invalidField("sort"));
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people?size=501")
                .then()
                .spec(invalidField("size"));
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people?manager=maybe")
                .then()
                .spec(problem(400));
    }

    @Test
    void personGoingOnLeaveIsUnavailableUntilTheDateAndCanSayItThemselves() {
        String partner = Fixtures.partner();
        long id = person(partner, "On Leave");
        String back = TestClock.today().plusDays(10).toString();
        String self = Tokens.as("on.leave")
                .partner(partner)
                .roles("engineer")
                .person(id)
                .token();
        given().auth()
                .oauth2(self)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "helpOtherPartners",
                        true,
                        "helpHoursPerMonth",
                        8,
                        "outOfHours",
                        true,
                        "unavailableUntil",
                        back,
                        "unavailableReason",
                        "Annual leave",
                        "version",
                        0))
                .when()
                .put("/api/people/" + id + "/availability")
                .then()
                .statusCode(200)
                .body("available", equalTo(false))
                .body("unavailableUntil", equalTo(back))
                .body("unavailableReason", equalTo("Annual leave"));
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people?partner=" + partner + "&available=false")
                .then()
                .body("items.name", contains("On Leave"));
        given().auth()
                .oauth2(Tokens.engineer(partner))
                .contentType(ContentType.JSON)
                .body(Map.of("helpOtherPartners", true, "outOfHours", true, "version", 1))
                .when()
                .put("/api/people/" + id + "/availability")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(self)
                .contentType(ContentType.JSON)
                .body(Map.of("helpHoursPerMonth", 500, "version", 1))
                .when()
                .put("/api/people/" + id + "/availability")
                .then()
                .spec(invalidField("helpHoursPerMonth"))
                .body("errors.field", hasItem("helpOtherPartners"));
    }

    @Test
    void personConfirmingTheirProfileUpdatesLastConfirmedAndIsAudited() {
        String partner = Fixtures.partner();
        Map<String, Object> body = personBody(partner, "Long Ago");
        body.put("lastConfirmed", TestClock.today().minusYears(1).toString());
        long id = person(body);
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people/" + id)
                .then()
                .body("stale", equalTo(true));
        given().auth()
                .oauth2(Tokens.engineer(partner))
                .when()
                .post("/api/people/" + id + "/confirm")
                .then()
                .spec(problem(403));
        String self = Tokens.as("long.ago")
                .partner(partner)
                .roles("engineer")
                .person(id)
                .token();
        given().auth()
                .oauth2(self)
                .when()
                .post("/api/people/" + id + "/confirm")
                .then()
                .statusCode(200)
                .body("lastConfirmed", equalTo(TestClock.today().toString()))
                .body("stale", equalTo(false))
                .body("version", equalTo(1));
        AuditEntry entry = QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.<AuditEntry>find(
                                "entityType = ?1 and entityId = ?2 and action = ?3",
                                "person",
                                Long.toString(id),
                                "CONFIRM")
                        .firstResult());
        assertEquals("long.ago", entry.actor);
        assertEquals(partner, entry.partner);
    }

    @Test
    void writesAreAuditedWithWhoAndWhatChanged() {
        String partner = Fixtures.partner();
        Map<String, Object> body = personBody(partner, "Audited");
        long id = person(body);
        body.put("jobTitle", "Network Engineer");
        body.put("version", 0);
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/people/" + id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.manager(partner))
                .header("If-Match", "\"1\"")
                .when()
                .delete("/api/people/" + id)
                .then()
                .statusCode(204);
        List<AuditEntry> entries = QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.<AuditEntry>list(
                        "entityType = ?1 and entityId = ?2 order by id", "person", Long.toString(id)));
        assertEquals(
                List.of("CREATE", "UPDATE", "DELETE"),
                entries.stream().map(e -> e.action).toList());
        assertEquals("manager-" + partner.toLowerCase(), entries.get(1).actor);
        assertTrue(entries.get(1).changes.contains("Network Engineer"), entries.get(1).changes);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + id)
                .then()
                .spec(problem(404));
    }

    @Test
    void partnerWithPeopleCannotBeRemoved() {
        String partner = Fixtures.partner();
        person(partner, "Keeps Partner");
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .delete("/api/partners/" + partner)
                .then()
                .spec(problem(409));
    }

    @Test
    void missingPersonAndBadIdAreProblems() {
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/999999999")
                .then()
                .spec(problem(404));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/abc")
                .then()
                .spec(problem(400));
    }

    @Test
    void searchOfPeopleNeverMatchesOtherPartnersWhenFilteredByPartner() {
        String a = Fixtures.partner();
        String b = Fixtures.partner();
        person(a, "Alpha Person");
        person(b, "Beta Person");
        given().auth()
                .oauth2(Tokens.viewer(a))
                .when()
                .get("/api/people?partner=" + a)
                .then()
                .body("items.partner", everyItem(equalTo(a)))
                .body("items.name", not(hasItem("Beta Person")))
                .body("items[0].unavailableUntil", nullValue());
    }
}
