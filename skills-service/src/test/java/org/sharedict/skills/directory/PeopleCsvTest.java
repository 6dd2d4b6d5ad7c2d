package org.sharedict.skills.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.sharedict.skills.support.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sharedict.skills.support.Fixtures;
import org.sharedict.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PeopleCsvTest {

    private static final String HEADER = "partner,name,email,job_title,team,work_phone,mobile,site,manager,"
            + "help_other_partners,help_hours_per_month,out_of_hours,unavailable_until,unavailable_reason,last_confirmed,"
            + "skills,certifications\n";

    @Test
    void managerImportsPeopleWithSkillsAndCertificationsAndTheyAreSearchable() {
        String partner = Fixtures.partner();
        String alias = unique("XenApp");
        String citrix = Fixtures.skill(Fixtures.category(), unique("Citrix "), alias);
        String sql = Fixtures.skill(Fixtures.category(), unique("SQL Server "));
        String a = unique("a").toLowerCase() + "@csv.example.gov.uk";
        String b = unique("b").toLowerCase() + "@csv.example.gov.uk";
        String csv = HEADER
                + partner + ",Ada Import," + a + ",ICT Manager,ICT,01632 960001,07700 900001,Town Hall,yes,yes,10,no,,,2026-01-15,"
                + "\"" + citrix + ":5:verified; " + sql + ":3\",\"CCP-V|Citrix|C-1|2099-01-01|" + citrix + "\"\n"
                + partner + ",Bob Import," + b + ",Engineer,ICT,,,,no,no,0,yes,,,," + alias.toLowerCase() + ":2,\n";
        given().auth().oauth2(Tokens.manager(partner)).contentType("text/csv").body(csv)
                .when().post("/api/people/import")
                .then().statusCode(200).body("created", equalTo(2)).body("updated", equalTo(0)).body("skillsSet", equalTo(3))
                .body("certificationsSet", equalTo(1)).body("people.row", contains(2, 3));
        given().auth().oauth2(Tokens.viewer("X")).when().get("/api/experts?skill=" + citrix)
                .then().body("items.person.name", contains("Ada Import", "Bob Import"))
                .body("items[0].matched[0].verified", equalTo(true))
                .body("items[0].matched[0].certificationValid", equalTo(true))
                .body("items[0].matched[0].lastConfirmed", equalTo("2026-01-15"));
        given().auth().oauth2(Tokens.viewer("X")).when().get("/api/people?email=" + a)
                .then().body("items[0].manager", equalTo(true)).body("items[0].lastConfirmed", equalTo("2026-01-15"));
    }

    @Test
    void aFileWithOneBadRowChangesNothingAndReportsEveryRowAndField() {
        String partner = Fixtures.partner();
        String skill = Fixtures.skill(Fixtures.category(), unique("Backups "));
        String good = unique("good").toLowerCase() + "@csv.example.gov.uk";
        String csv = HEADER
                + partner + ",Good Row," + good + ",,,,,,no,yes,4,no,,,," + skill + ":3,\n"
                + partner + ",,not-an-email,,,,,,maybe,yes,4,no,,,," + skill + ":9,\n"
                + "NOSUCH" + unique("") + ",Bad Partner," + unique("c").toLowerCase() + "@csv.example.gov.uk,,,,,,no,no,0,no,31/02/2026,,,NO_SUCH_SKILL_" + unique("") + ":2,\n";
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body(csv)
                .when().post("/api/people/import")
                .then().spec(problem(400))
                .body("detail", equalTo("7 problem(s) in 2 row(s); nothing was imported"))
                .body("errors.field", hasItem("row 3: name"))
                .body("errors.field", hasItem("row 3: email"))
                .body("errors.field", hasItem("row 3: manager"))
                .body("errors.field", hasItem("row 3: skills"))
                .body("errors.field", hasItem("row 4: partner"))
                .body("errors.field", hasItem("row 4: unavailable_until"))
                .body("errors.field", hasItem("row 4: skills"))
                .body("rows.row", hasItem(3));
        given().auth().oauth2(Tokens.admin()).when().get("/api/people?email=" + good).then().body("totalItems", equalTo(0));
    }

    @Test
    void managersImportOnlyTheirOwnPartnersPeopleAndViewersNone() {
        String mine = Fixtures.partner();
        String theirs = Fixtures.partner();
        String csv = "partner,name,email\n" + mine + ",Mine," + unique("m").toLowerCase() + "@csv.example.gov.uk\n"
                + theirs + ",Theirs," + unique("t").toLowerCase() + "@csv.example.gov.uk\n";
        given().auth().oauth2(Tokens.manager(mine)).contentType("text/csv").body(csv)
                .when().post("/api/people/import")
                .then().spec(invalidField("row 3: partner"));
        given().auth().oauth2(Tokens.viewer(mine)).contentType("text/csv").body(csv)
                .when().post("/api/people/import").then().spec(problem(403));
        given().contentType("text/csv").body(csv).when().post("/api/people/import").then().spec(problem(401));
        given().auth().oauth2(Tokens.admin()).when().get("/api/people?partner=" + mine).then().body("totalItems", equalTo(0));
    }

    @Test
    void importMatchesExistingPeopleByEmailAndUpdatesOnlyTheColumnsGiven() {
        String partner = Fixtures.partner();
        String skill = Fixtures.skill(Fixtures.category(), unique("Update "));
        var body = Fixtures.personBody(partner, "Existing Person");
        long id = Fixtures.person(body);
        String csv = "partner,name,email,job_title,skills\n" + partner + ",Existing Person," + body.get("email")
                + ",Senior Engineer," + skill + ":4:verified\n";
        given().auth().oauth2(Tokens.manager(partner)).contentType("text/csv").body(csv)
                .when().post("/api/people/import?dryRun=true")
                .then().statusCode(200).body("dryRun", equalTo(true)).body("updated", equalTo(1));
        given().auth().oauth2(Tokens.admin()).when().get("/api/people/" + id).then().body("jobTitle", equalTo("Infrastructure Engineer"));
        given().auth().oauth2(Tokens.manager(partner)).contentType("text/csv").body(csv)
                .when().post("/api/people/import")
                .then().statusCode(200).body("updated", equalTo(1)).body("people[0].id", equalTo((int) id));
        given().auth().oauth2(Tokens.admin()).when().get("/api/people/" + id)
                .then().body("jobTitle", equalTo("Senior Engineer")).body("mobile", equalTo("07700 900123"));
        given().auth().oauth2(Tokens.admin()).when().get("/api/people/" + id + "/skills/" + skill)
                .then().body("level", equalTo(4)).body("verifiedBy", equalTo("manager-" + partner.toLowerCase()));
    }

    @Test
    void malformedFilesAreRefusedClearly() {
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body("")
                .when().post("/api/people/import").then().spec(problem(400));
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body("partner,name,email,salary\nX,Y,z@example.gov.uk,1\n")
                .when().post("/api/people/import").then().spec(invalidField("header"));
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body("partner,name\nX,Y\n")
                .when().post("/api/people/import").then().spec(invalidField("header"));
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body("partner,name,email\n")
                .when().post("/api/people/import").then().spec(invalidField("body"));
        String partner = Fixtures.partner();
        String email = unique("d").toLowerCase() + "@csv.example.gov.uk";
        given().auth().oauth2(Tokens.admin()).contentType("text/csv")
                .body("partner,name,email\n" + partner + ",One," + email + "\n" + partner + ",Two," + email.toUpperCase() + "\n")
                .when().post("/api/people/import").then().spec(invalidField("row 3: email"));
    }

    @Test
    void exportWritesTheImportFormatAndRoundTrips() {
        String partner = Fixtures.partner();
        String skill = Fixtures.skill(Fixtures.category(), unique("Round Trip "));
        var body = Fixtures.personBody(partner, "Round, Tripper");
        long id = Fixtures.person(body);
        Fixtures.holds(id, skill, 4, true);
        Fixtures.certification(id, skill, "Cert One", "2030-01-31");
        String csv = given().auth().oauth2(Tokens.viewer("X")).when().get("/api/people/export?partner=" + partner)
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("people-" + partner.toLowerCase() + ".csv"))
                .body(startsWith(HEADER.trim()))
                .body(containsString("\"Round, Tripper\""))
                .body(containsString(skill + ":4:verified"))
                .body(containsString("Cert One|Test Issuer||2030-01-31|" + skill))
                .extract().asString();
        given().auth().oauth2(Tokens.manager(partner)).contentType("text/csv").body(csv)
                .when().post("/api/people/import")
                .then().statusCode(200).body("updated", equalTo(1)).body("created", equalTo(0));
        given().auth().oauth2(Tokens.admin()).when().get("/api/people/" + id + "/certifications")
                .then().body("name", contains("Cert One"));
        given().auth().oauth2(Tokens.admin()).when().get("/api/people/" + id + "/skills/" + skill).then().body("verified", equalTo(true));
        given().auth().oauth2(Tokens.admin()).when().get("/api/people/export?partner=NOPE" + unique("")).then().spec(invalidField("partner"));
    }
}
