package org.sharedict.skills.platform;

import java.time.LocalDate;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.sharedict.skills.support.Fixtures;
import org.sharedict.skills.support.TestClock;
import org.sharedict.testing.Problems;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * The service's audit trail of writes, read at /api/audit/skills (platform-common's resource, the
 * same in every service): its filters, its refusals of bad filters naming the parameter, and who
 * may read which entries.
 */
@QuarkusTest
class AuditTrailTest {

    private static ValidatableResponse audit(String token, Map<String, ?> query) {
        return given().auth()
                .oauth2(token)
                .queryParams(query)
                .when()
                .get("/api/audit/skills")
                .then();
    }

    /** A person added and renamed at a new partner by a manager of it, so the trail holds a CREATE and an UPDATE. */
    private static String personAddedAndRenamedBy(String manager, String partner) {
        String token = Tokens.as(manager).partner(partner).roles("manager").token();
        long id = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Fixtures.personBody(partner, "Audit Person"))
                .when()
                .post("/api/people")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Map<String, Object> body = Fixtures.personBody(partner, "Audited Person");
        body.put("version", 0);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/people/" + id)
                .then()
                .statusCode(200);
        return String.valueOf(id);
    }

    @Test
    void filtersByWhoWhatKindPartnerAndDay() {
        String partner = Fixtures.partner();
        String manager = Fixtures.unique("audit.manager.").toLowerCase();
        String id = personAddedAndRenamedBy(manager, partner);
        String today = TestClock.today().toString();

        audit(Tokens.admin(), Map.of("actor", manager))
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.action", contains("UPDATE", "CREATE")) // newest first
                .body("items.entityType", everyItem(equalTo("person")))
                .body("items.entityId", everyItem(equalTo(id)))
                .body("items.partner", everyItem(equalTo(partner)))
                .body("items.actorPartner", everyItem(equalTo(partner)))
                .body("items[0].changes", containsString("Audited Person"));
        audit(Tokens.admin(), Map.of("actor", manager, "action", "update"))
                .statusCode(200)
                .body("items.action", contains("UPDATE"));
        audit(Tokens.admin(), Map.of("partner", partner.toLowerCase(), "entityType", "person", "entityId", id))
                .statusCode(200)
                .body("totalItems", equalTo(2));
        audit(Tokens.admin(), Map.of("actor", manager, "from", today, "to", today))
                .statusCode(200)
                .body("totalItems", equalTo(2));
        String yesterday = LocalDate.parse(today).minusDays(1).toString();
        audit(Tokens.admin(), Map.of("actor", manager, "to", yesterday))
                .statusCode(200)
                .body("totalItems", equalTo(0));
        audit(Tokens.admin(), Map.of("actor", manager, "entityType", "skill"))
                .statusCode(200)
                .body("totalItems", equalTo(0));
        audit(Tokens.admin(), Map.of("actor", manager, "sort", "action", "size", 1))
                .statusCode(200)
                .body("items.action", contains("CREATE"))
                .body("totalPages", equalTo(2));

        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/audit/skills/kinds")
                .then()
                .statusCode(200)
                .body("entityTypes", hasItems("partner", "person"))
                .body("actions", hasItems("CREATE", "UPDATE"));
    }

    @Test
    void managersReadTheirOwnPartnersEntriesOnly() {
        String partner = Fixtures.partner();
        String other = Fixtures.partner();
        String manager = Fixtures.unique("audit.own.").toLowerCase();
        personAddedAndRenamedBy(manager, partner);
        String ownManager = Tokens.manager(partner);

        audit(ownManager, Map.of("actor", manager))
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.partner", everyItem(equalTo(partner)));
        // Without a partner filter a manager still sees only their own partner's entries.
        audit(ownManager, Map.of("size", 500)).statusCode(200).body("items.partner", everyItem(equalTo(partner)));
        audit(Tokens.manager(other), Map.of("actor", manager)).statusCode(200).body("totalItems", equalTo(0));
        audit(Tokens.manager(other), Map.of("partner", partner))
                .spec(Problems.problem(403))
                .body("detail", containsString(other));
        // The partnership's own records (a new partner) have no partner: managers do not see them.
        audit(ownManager, Map.of("entityType", "partner"))
                .statusCode(200)
                .body("items.partner", everyItem(equalTo(partner)));
    }

    @Test
    void everyoneButAdminsAndManagersIsRefused() {
        for (String token : new String[] {
            Tokens.viewer("BBC"), Tokens.engineer("BBC"), Tokens.drLead("BBC"),
        }) {
            audit(token, Map.of()).spec(Problems.problem(403));
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/audit/skills/kinds")
                    .then()
                    .spec(Problems.problem(403));
        }
        given().when().get("/api/audit/skills").then().spec(Problems.problem(401));
    }

    @Test
    void aFilterOfTheWrongFormIsRefusedNamingTheParameter() {
        Map<String, Map<String, Object>> bad = Map.of(
                "from", Map.of("from", "yesterday"),
                "to", Map.of("from", "2026-06-02", "to", "2026-06-01"),
                "action", Map.of("action", "DROP TABLE"),
                "entityType", Map.of("entityType", "person;1"),
                "actor", Map.of("actor", "x".repeat(121)),
                "partner", Map.of("partner", "B"),
                "sort", Map.of("sort", "changes"),
                "page", Map.of("page", -1),
                "size", Map.of("size", 501));
        bad.forEach((field, query) ->
                audit(Tokens.admin(), query).spec(Problems.problem(400)).body("errors.field", hasItem(field)));
        audit(Tokens.admin(), Map.of("page", "two")).spec(Problems.badParameter("page"));
    }
}
