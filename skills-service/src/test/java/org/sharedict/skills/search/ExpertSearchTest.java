package org.sharedict.skills.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.sharedict.skills.support.Fixtures;
import org.sharedict.skills.support.TestClock;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sharedict.skills.support.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class ExpertSearchTest {

    private static String token() {
        return Tokens.viewer("ANY");
    }

    @Test
    void rankingPutsLevelVerificationCertificationRecencyAndAvailabilityInOrder() {
        String partner = Fixtures.partner();
        String skill = Fixtures.skill(Fixtures.category(), unique("Citrix Farm "));
        long best = Fixtures.person(partner, "Erin Best");
        Fixtures.holds(best, skill, 5, true);
        Fixtures.certification(
                best, skill, "CCP-V", TestClock.today().plusYears(1).toString());
        long verified = Fixtures.person(partner, "Dan Verified");
        Fixtures.holds(verified, skill, 4, true);
        long self = Fixtures.person(partner, "Cat Self");
        Fixtures.holds(self, skill, 4, false);
        Map<String, Object> staleBody = Fixtures.personBody(partner, "Bob Stale");
        long stale = Fixtures.person(staleBody);
        Fixtures.holds(stale, skill, 2, false);
        Fixtures.skillConfirmedOn(staleBody, skill, 2, TestClock.today().minusYears(1));
        Map<String, Object> awayBody = Fixtures.personBody(partner, "Amy Away");
        awayBody.put("unavailableUntil", TestClock.today().plusDays(7).toString());
        awayBody.put("unavailableReason", "Sick leave");
        long away = Fixtures.person(awayBody);
        Fixtures.holds(away, skill, 5, true);

        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?skill=" + skill)
                .then()
                .statusCode(200)
                .body("items.person.name", contains("Erin Best", "Dan Verified", "Amy Away", "Cat Self", "Bob Stale"))
                .body("items.score", contains(100.0f, 90.0f, 85.0f, 80.0f, 60.0f))
                .body("totalItems", equalTo(5))
                .body("items[2].available", equalTo(false))
                .body("items[2].reasons", hasItem(startsWith("unavailable until")))
                .body("items[4].stale", equalTo(true))
                .body("items[4].matched[0].stale", equalTo(true))
                .body("items[4].reasons", hasItem(startsWith(skill + " not confirmed since")))
                .body("items[0].matched[0].certificationValid", equalTo(true))
                .body("items[1].matched[0].certificationValid", equalTo(false));
    }

    @Test
    void expertViewHasTheContractShape() {
        String partner = Fixtures.partner();
        String name = unique("Exchange ");
        String skill = Fixtures.skill(Fixtures.category(), name);
        Map<String, Object> body = Fixtures.personBody(partner, "Sam Carter");
        long id = Fixtures.person(body);
        Fixtures.holds(id, skill, 4, true);
        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?skill=" + skill + "&partner=" + partner + "&minLevel=3&size=50")
                .then()
                .statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("totalItems", equalTo(1))
                .body("totalPages", equalTo(1))
                .body("items[0].person.id", equalTo((int) id))
                .body("items[0].person.name", equalTo("Sam Carter"))
                .body("items[0].person.partner", equalTo(partner))
                .body("items[0].person.partnerName", equalTo("Partner " + partner))
                .body("items[0].person.jobTitle", equalTo("Infrastructure Engineer"))
                .body("items[0].person.email", equalTo(body.get("email")))
                .body("items[0].person.workPhone", equalTo("01632 960123"))
                .body("items[0].person.mobile", equalTo("07700 900123"))
                .body("items[0].person.helpOtherPartners", equalTo(true))
                .body("items[0].person.helpHoursPerMonth", equalTo(8))
                .body("items[0].person.outOfHours", equalTo(true))
                .body("items[0].score", equalTo(90.0f))
                .body("items[0].matched[0].skill", equalTo(skill))
                .body("items[0].matched[0].name", equalTo(name))
                .body("items[0].matched[0].level", equalTo(4))
                .body("items[0].matched[0].verified", equalTo(true))
                .body("items[0].matched[0].certificationValid", equalTo(false))
                .body(
                        "items[0].matched[0].lastConfirmed",
                        equalTo(TestClock.today().toString()))
                .body("items[0].matched[0].stale", equalTo(false))
                .body("items[0].missing", empty())
                .body("items[0].reasons", hasItem("holds the requested skill"))
                .body("items[0].reasons", hasItem(name + ": level 4 (expert), verified by a manager"))
                .body("items[0].stale", equalTo(false))
                .body("items[0].available", equalTo(true));
    }

    @Test
    void expertSearchExcludesAskersOwnPartnerAndCountsHoldersPerPartner() {
        String mine = Fixtures.partner();
        String theirs = Fixtures.partner();
        String skill = Fixtures.skill(Fixtures.category(), unique("Firewall "));
        Fixtures.holds(Fixtures.person(mine, "Mine One"), skill, 5, true);
        Fixtures.holds(Fixtures.person(mine, "Mine Two"), skill, 3, false);
        Fixtures.holds(Fixtures.person(theirs, "Theirs One"), skill, 2, false);
        given().auth()
                .oauth2(Tokens.manager(mine))
                .when()
                .get("/api/experts?skill=" + skill + "&excludePartner=" + mine.toLowerCase())
                .then()
                .body("items.person.name", contains("Theirs One"))
                .body("items.person.partner", everyItem(equalTo(theirs)));
        given().auth()
                .oauth2(Tokens.manager(mine))
                .when()
                .get("/api/experts?skill=" + skill + "&partner=" + mine)
                .then()
                .body("totalItems", equalTo(2));
        given().auth()
                .oauth2(Tokens.manager(mine))
                .when()
                .get("/api/experts?skill=" + skill + "&partner=" + mine + "&minLevel=4")
                .then()
                .body("totalItems", equalTo(1))
                .body("items[0].person.name", equalTo("Mine One"));
        given().auth()
                .oauth2(Tokens.manager(mine))
                .when()
                .get("/api/experts?skill=" + skill + "&excludePartner=NOPE" + unique(""))
                .then()
                .spec(invalidField("excludePartner"));
    }

    @Test
    void termsMatchByAliasIgnoringCaseAndPunctuationAndToleratingSmallTypos() {
        String partner = Fixtures.partner();
        String alias = unique("MS SQL ");
        String skill = Fixtures.skill(Fixtures.category(), unique("SQL Server "), alias);
        Fixtures.holds(Fixtures.person(partner, "Dee Bee"), skill, 4, false);
        String folded = alias.toLowerCase().replace(" ", "-");
        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?skill=" + folded)
                .then()
                .statusCode(200)
                .body("items.person.name", contains("Dee Bee"))
                .body("skills[0].term", equalTo(folded))
                .body("skills[0].skill", equalTo(skill))
                .body("skills[0].matchedBy", equalTo("alias"));
        // Two adjacent letters swapped and one dropped in a long alias: still found, reported as a typo.
        String key = alias.replace(" ", "");
        String typo = key.substring(0, 1) + key.charAt(2) + key.charAt(1) + key.substring(3, key.length() - 1);
        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?skill=" + typo)
                .then()
                .statusCode(200)
                .body("items.person.name", contains("Dee Bee"))
                .body("skills[0].matchedBy", equalTo("typo"));
    }

    @Test
    void unknownSkillIsA400NamingTheTermAndSuggestingTheClosestSkills() {
        String name = unique("Revenues and Benefits ");
        String skill = Fixtures.skill(Fixtures.category(), name);
        String wrong = name.substring(0, name.length() - 4) + "ZZZZ";
        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?skill=" + wrong)
                .then()
                .spec(invalidField("skill"))
                .body("errors[0].rejected", equalTo(wrong))
                .body("errors[0].message", startsWith("no skill matches '" + wrong + "'; did you mean"))
                .body("suggestions['" + wrong + "'].code", hasItem(skill));
    }

    @Test
    void matchAllNeedsEverySkillAndMatchAnyRanksFullerMatchesFirst() {
        String partner = Fixtures.partner();
        String cat = Fixtures.category();
        String a = Fixtures.skill(cat, unique("VMware "));
        String b = Fixtures.skill(cat, unique("Storage "));
        long both = Fixtures.person(partner, "Both Low");
        Fixtures.holds(both, a, 1, false);
        Fixtures.holds(both, b, 1, false);
        long one = Fixtures.person(partner, "One High");
        Fixtures.holds(one, a, 5, true);
        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?skill=" + a + "&skill=" + b)
                .then()
                .body("items.person.name", contains("Both Low"))
                .body("match", equalTo("all"));
        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?skill=" + a + "," + b + "&match=any")
                .then()
                .body("items.person.name", contains("Both Low", "One High"))
                .body("items[1].missing", contains(b))
                .body("items[1].reasons[0]", equalTo("holds 1 of 2 requested skills; missing " + b));
    }

    @Test
    void availableAndFreeTextNarrowTheResults() {
        String partner = Fixtures.partner();
        String skill = Fixtures.skill(Fixtures.category(), unique("Telephony "));
        Map<String, Object> noHelp = Fixtures.personBody(partner, "Keeps Home");
        noHelp.put("helpOtherPartners", false);
        Fixtures.holds(Fixtures.person(noHelp), skill, 5, true);
        Map<String, Object> helper = Fixtures.personBody(partner, "Happy Helper");
        helper.put("team", "Unified Comms");
        Fixtures.holds(Fixtures.person(helper), skill, 2, false);
        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?skill=" + skill + "&available=true")
                .then()
                .body("items.person.name", contains("Happy Helper"));
        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?skill=" + skill + "&q=unified")
                .then()
                .body("items.person.name", contains("Happy Helper"));
        // Free text alone also finds people by the skills they hold.
        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?q=" + skill.toLowerCase() + "&partner=" + partner)
                .then()
                .body("totalItems", equalTo(2))
                .body("items[0].matched", empty());
    }

    @Test
    void pagesAreStableAndDoNotOverlap() {
        String partner = Fixtures.partner();
        String skill = Fixtures.skill(Fixtures.category(), unique("Backup "));
        for (String n : List.of("Eve", "Ada", "Cal", "Bea", "Dov")) {
            Fixtures.holds(Fixtures.person(partner, n), skill, 3, false);
        }
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            seen.addAll(given().auth()
                    .oauth2(token())
                    .when()
                    .get("/api/experts?skill=" + skill + "&size=2&page=" + page)
                    .then()
                    .statusCode(200)
                    .body("totalPages", equalTo(3))
                    .extract()
                    .jsonPath()
                    .getList("items.person.name"));
        }
        assertEquals(List.of("Ada", "Bea", "Cal", "Dov", "Eve"), seen);
        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?skill=" + skill + "&size=2&page=9")
                .then()
                .body("items", hasSize(0))
                .body("totalItems", equalTo(5));
    }

    @Test
    void badSearchParametersAreProblemsNamingTheParameter() {
        String skill = Fixtures.skill(Fixtures.category(), unique("Param "));
        given().when().get("/api/experts?skill=" + skill).then().spec(problem(401));
        given().auth().oauth2(token()).when().get("/api/experts").then().spec(invalidField("skill"));
        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?skill=" + skill + "&minLevel=7")
                .then()
                .spec(invalidField("minLevel"));
        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?skill=" + skill + "&match=some")
                .then()
                .spec(invalidField("match"));
        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?skill=" + skill + "&available=perhaps")
                .then()
                .spec(invalidField("available"));
        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?skill=" + skill + "&size=0")
                .then()
                .spec(invalidField("size"));
        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?skill=" + skill + "&sort=name")
                .then()
                .spec(invalidField("sort"));
        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?skill=" + skill + "&partner=NOPE" + unique(""))
                .then()
                .spec(invalidField("partner"));
    }

    @Test
    void unavailablePeopleComeBackOnTheirReturnDate() {
        String partner = Fixtures.partner();
        String skill = Fixtures.skill(Fixtures.category(), unique("Returning "));
        Map<String, Object> body = Fixtures.personBody(partner, "Back Today");
        body.put("unavailableUntil", TestClock.today().toString());
        Fixtures.holds(Fixtures.person(body), skill, 3, false);
        given().auth()
                .oauth2(token())
                .when()
                .get("/api/experts?skill=" + skill + "&available=true")
                .then()
                .body("items.person.name", contains("Back Today"))
                .body("items[0].available", equalTo(true))
                .body("items[0].reasons", not(hasItem(startsWith("unavailable"))));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .when()
                .get("/api/experts?skill=" + skill + "&available=false")
                .then()
                .body("items", empty());
    }
}
