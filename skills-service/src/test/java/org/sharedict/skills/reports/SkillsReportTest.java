package org.sharedict.skills.reports;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import org.sharedict.skills.support.Fixtures;
import org.sharedict.skills.support.TestClock;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sharedict.skills.support.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class SkillsReportTest {

    @Test
    void keyPersonRiskNamesSinglePersonSkillsAndWhoCouldBackThemUp() {
        String lonely = Fixtures.partner();
        String helper = Fixtures.partner();
        String cat = Fixtures.category();
        String backedUp = Fixtures.skill(cat, unique("Revs and Bens "));
        String onlyOne = Fixtures.skill(cat, unique("Legacy Payroll "));
        String awareness = Fixtures.skill(cat, unique("Awareness Only "));
        long solo = Fixtures.person(lonely, "Solo Holder");
        Fixtures.holds(solo, backedUp, 4, true);
        Fixtures.holds(solo, onlyOne, 3, false);
        Fixtures.holds(solo, awareness, 1, false);
        Fixtures.holds(Fixtures.person(helper, "Helper One"), backedUp, 3, false);
        Fixtures.holds(Fixtures.person(helper, "Helper Two"), backedUp, 5, true);

        JsonPath r = given().auth()
                .oauth2(Tokens.manager(lonely))
                .when()
                .get("/api/reports/skills/key-person-risk?partner=" + lonely)
                .then()
                .statusCode(200)
                .body("minLevel", equalTo(3))
                .body("partners.partner", contains(lonely))
                .extract()
                .jsonPath();
        // Nobody else holds onlyOne, so it comes first; backedUp lists the helper partner.
        assertEquals(List.of(onlyOne, backedUp), r.getList("partners[0].items.skill"));
        assertEquals("Solo Holder", r.getString("partners[0].items[0].holder.name"));
        assertEquals(List.of(), r.getList("partners[0].items[0].backups"));
        assertEquals(helper, r.getString("partners[0].items[1].backups[0].partner"));
        assertEquals(2, r.getInt("partners[0].items[1].backups[0].holders"));
        assertEquals(5, r.getInt("partners[0].items[1].backups[0].bestLevel"));

        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/reports/skills/key-person-risk")
                .then()
                .statusCode(200)
                .body("partnership.skill", hasItem(onlyOne))
                .body("partnership.skill", not(hasItem(backedUp)))
                .body("partnership.skill", not(hasItem(awareness)));
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/reports/skills/key-person-risk?minLevel=1")
                .then()
                .body("partnership.skill", hasItem(awareness));
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/reports/skills/key-person-risk?partner=" + lonely + "&format=csv")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(
                        startsWith(
                                "scope,skill,skill_name,category,holder_id,holder_name,holder_partner,level,verified,backup_partners"))
                .body(containsString(lonely + "," + backedUp + ","))
                .body(containsString(helper + " (2, best level 5)"));
    }

    @Test
    void coverageMatrixCountsHoldersBySkillPartnerAndLevel() {
        String a = Fixtures.partner();
        String b = Fixtures.partner();
        String cat = Fixtures.category();
        String skill = Fixtures.skill(cat, unique("Networks "));
        String gap = Fixtures.skill(cat, unique("Nobody "));
        Fixtures.holds(Fixtures.person(a, "A1"), skill, 2, false);
        Fixtures.holds(Fixtures.person(a, "A2"), skill, 2, false);
        Fixtures.holds(Fixtures.person(a, "A3"), skill, 5, true);
        Fixtures.holds(Fixtures.person(b, "B1"), skill, 4, false);
        JsonPath r = given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/reports/skills/coverage?category=" + cat)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> partners = r.getList("partners.code");
        int ia = partners.indexOf(a);
        int ib = partners.indexOf(b);
        String row = "rows.find { it.skill == '" + skill + "' }";
        assertEquals(4, r.getInt(row + ".total"));
        assertEquals(List.of(0, 2, 0, 0, 1), r.getList(row + ".cells[" + ia + "].byLevel"));
        assertEquals(1, r.getInt(row + ".cells[" + ib + "].byLevel[3]"));
        assertEquals(2, r.getInt(row + ".partnersCovering"));
        assertEquals(0, r.getInt("rows.find { it.skill == '" + gap + "' }.total"));
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .accept("text/csv")
                .when()
                .get("/api/reports/skills/coverage?category=" + cat)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(containsString(skill + ","))
                .body(containsString("," + a + ",0,2,0,0,1,3"));
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/reports/skills/coverage?category=NOPE" + unique(""))
                .then()
                .spec(invalidField("category"));
    }

    @Test
    void staleEntriesAreThoseNotConfirmedForSixMonthsConfigurable() {
        String partner = Fixtures.partner();
        String skill = Fixtures.skill(Fixtures.category(), unique("Stale "));
        Map<String, Object> old = Fixtures.personBody(partner, "Old Profile");
        old.put("lastConfirmed", TestClock.today().minusMonths(8).toString());
        long oldId = Fixtures.person(old);
        Map<String, Object> freshBody = Fixtures.personBody(partner, "Fresh Profile Old Skill");
        long fresh = Fixtures.person(freshBody);
        Fixtures.holds(fresh, skill, 3, false);
        Fixtures.skillConfirmedOn(freshBody, skill, 3, TestClock.today().minusMonths(7));
        Fixtures.profileConfirmedOn(fresh, freshBody, TestClock.today());
        Fixtures.person(partner, "All Fresh");
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/reports/skills/stale?partner=" + partner)
                .then()
                .statusCode(200)
                .body("months", equalTo(6))
                .body("items.person.name", contains("Old Profile", "Fresh Profile Old Skill"))
                .body("items[0].profileStale", equalTo(true))
                .body("items[1].profileStale", equalTo(false))
                .body("items[1].staleSkills", contains(skill))
                .body("totalItems", equalTo(2));
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/reports/skills/stale?partner=" + partner + "&months=12")
                .then()
                .body("items", empty());
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/reports/skills/stale?partner=" + partner + "&format=csv")
                .then()
                .statusCode(200)
                .body(containsString(oldId + ",Old Profile," + partner));
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/reports/skills/stale?months=0")
                .then()
                .spec(invalidField("months"));
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/reports/skills/stale?format=xml")
                .then()
                .spec(invalidField("format"));
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/reports/skills/stale?partner=NOPE" + unique(""))
                .then()
                .spec(invalidField("partner"));
        given().when().get("/api/reports/skills/stale?format=csv").then().spec(problem(401));
    }
}
