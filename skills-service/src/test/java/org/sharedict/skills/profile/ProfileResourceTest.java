package org.sharedict.skills.profile;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.sharedict.skills.support.Fixtures;
import org.sharedict.skills.support.TestClock;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.sharedict.skills.support.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class ProfileResourceTest {

    @Test
    void personAddsOwnSkillByAliasSelfAssessedAndListsItWithLevelName() {
        String partner = Fixtures.partner();
        String cat = Fixtures.category();
        String alias = unique("MSSQL");
        String code = Fixtures.skill(cat, unique("SQL Server "), alias);
        long id = Fixtures.person(partner, "Self Assessor");
        String self =
                Tokens.as("self").partner(partner).roles("engineer").person(id).token();
        given().auth()
                .oauth2(self)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "skill",
                        alias.toLowerCase(),
                        "level",
                        4,
                        "lastUsed",
                        TestClock.today().minusDays(2).toString()))
                .when()
                .post("/api/people/" + id + "/skills")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/people/" + id + "/skills/" + code))
                .body("skill", equalTo(code))
                .body("levelName", equalTo("expert"))
                .body("verified", equalTo(false))
                .body("lastConfirmed", equalTo(TestClock.today().toString()));
        given().auth()
                .oauth2(Tokens.viewer("OTHER"))
                .when()
                .get("/api/people/" + id + "/skills")
                .then()
                .statusCode(200)
                .body("skill", contains(code))
                .body("[0].category", equalTo(cat));
    }

    @Test
    void onlyAManagerOfThePartnerOrAnAdminVerifiesAndNeverThePersonThemselves() {
        String partner = Fixtures.partner();
        String code = Fixtures.skill(Fixtures.category(), unique("Citrix "));
        long id = Fixtures.person(partner, "Needs Verifying");
        String self =
                Tokens.as("needs").partner(partner).roles("engineer").person(id).token();
        given().auth()
                .oauth2(self)
                .contentType(ContentType.JSON)
                .body(Map.of("skill", code, "level", 3, "verified", true))
                .when()
                .post("/api/people/" + id + "/skills")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(self)
                .contentType(ContentType.JSON)
                .body(Map.of("skill", code, "level", 3))
                .when()
                .post("/api/people/" + id + "/skills")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.manager("SOMEWHEREELSE"))
                .contentType(ContentType.JSON)
                .body(Map.of("level", 3, "verified", true, "version", 0))
                .when()
                .put("/api/people/" + id + "/skills/" + code)
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(Map.of("level", 3, "verified", true, "version", 0))
                .when()
                .put("/api/people/" + id + "/skills/" + code)
                .then()
                .statusCode(200)
                .body("verified", equalTo(true))
                .body("verifiedBy", equalTo("manager-" + partner.toLowerCase()))
                .body("verifiedAt", notNullValue());
        // The person raising their own level makes it self-assessed again.
        given().auth()
                .oauth2(self)
                .contentType(ContentType.JSON)
                .body(Map.of("level", 4, "version", 1))
                .when()
                .put("/api/people/" + id + "/skills/" + code)
                .then()
                .statusCode(200)
                .body("level", equalTo(4))
                .body("verified", equalTo(false))
                .body("verifiedBy", nullValue());
    }

    @Test
    void badSkillInputIsRefusedNamingTheFieldAndSuggestingSkills() {
        String partner = Fixtures.partner();
        String name = unique("Exchange Online ");
        Fixtures.skill(Fixtures.category(), name);
        long id = Fixtures.person(partner, "Bad Input");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("skill", "", "level", 9))
                .when()
                .post("/api/people/" + id + "/skills")
                .then()
                .spec(invalidField("skill"))
                .body("errors.field", hasItem("level"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("skill", name.substring(0, name.length() - 2), "level", 3))
                .when()
                .post("/api/people/" + id + "/skills")
                .then()
                .spec(invalidField("skill"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "skill",
                        name,
                        "level",
                        3,
                        "lastUsed",
                        TestClock.today().plusDays(1).toString()))
                .when()
                .post("/api/people/" + id + "/skills")
                .then()
                .spec(invalidField("lastUsed"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + id + "/skills")
                .then()
                .body("size()", equalTo(0));
    }

    @Test
    void holdingTheSameSkillTwiceIsAConflictAndStaleEditsAreRejected() {
        String partner = Fixtures.partner();
        String code = Fixtures.skill(Fixtures.category(), unique("VMware "));
        long id = Fixtures.person(partner, "Twice");
        Fixtures.holds(id, code, 2, false);
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(Map.of("skill", code, "level", 3))
                .when()
                .post("/api/people/" + id + "/skills")
                .then()
                .spec(problem(409))
                .body("errors[0].field", equalTo("skill"));
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("level", 3))
                .when()
                .put("/api/people/" + id + "/skills/" + code)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("level", 5))
                .when()
                .put("/api/people/" + id + "/skills/" + code)
                .then()
                .spec(problem(412));
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(Map.of("level", 5, "version", 0))
                .when()
                .put("/api/people/" + id + "/skills/" + code)
                .then()
                .spec(problem(409));
        given().auth()
                .oauth2(Tokens.manager(partner))
                .when()
                .get("/api/people/" + id + "/skills/" + code)
                .then()
                .body("level", equalTo(3))
                .header("ETag", "\"1\"");
        given().auth()
                .oauth2(Tokens.engineer(partner))
                .when()
                .delete("/api/people/" + id + "/skills/" + code)
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.manager(partner))
                .when()
                .delete("/api/people/" + id + "/skills/" + code)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(Tokens.manager(partner))
                .when()
                .get("/api/people/" + id + "/skills/" + code)
                .then()
                .spec(problem(404));
    }

    @Test
    void certificationsRecordExpiryAndAreValidUntilTheyExpire() {
        String partner = Fixtures.partner();
        String code = Fixtures.skill(Fixtures.category(), unique("Cisco "));
        long id = Fixtures.person(partner, "Certified");
        Map<String, Object> cert = new HashMap<>();
        cert.put("name", "CCNA");
        cert.put("issuer", "Cisco");
        cert.put("number", "CSCO-1234");
        cert.put("obtained", TestClock.today().minusYears(3).toString());
        cert.put("expires", TestClock.today().minusDays(1).toString());
        cert.put("skill", code);
        long certId = given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(cert)
                .when()
                .post("/api/people/" + id + "/certifications")
                .then()
                .statusCode(201)
                .body("valid", equalTo(false))
                .body("skill", equalTo(code))
                .body("number", equalTo("CSCO-1234"))
                .extract()
                .jsonPath()
                .getLong("id");
        cert.put("expires", TestClock.today().plusYears(1).toString());
        cert.put("version", 0);
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(cert)
                .when()
                .put("/api/people/" + id + "/certifications/" + certId)
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(cert)
                .when()
                .put("/api/people/" + id + "/certifications/" + certId)
                .then()
                .spec(problem(409));
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/people/" + id + "/certifications")
                .then()
                .body("name", contains("CCNA"))
                .body("[0].issuer", equalTo("Cisco"));
        given().auth()
                .oauth2(Tokens.manager("ELSEWHERE"))
                .when()
                .delete("/api/people/" + id + "/certifications/" + certId)
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.manager(partner))
                .when()
                .delete("/api/people/" + id + "/certifications/" + certId)
                .then()
                .statusCode(204);
    }

    @Test
    void badCertificationIsRefusedNamingTheField() {
        long id = Fixtures.person(Fixtures.partner(), "Bad Cert");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "", "obtained", TestClock.today().plusDays(5).toString()))
                .when()
                .post("/api/people/" + id + "/certifications")
                .then()
                .spec(invalidField("name"))
                .body("errors.field", hasItem("obtained"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Backwards", "obtained", "2024-05-01", "expires", "2023-05-01"))
                .when()
                .post("/api/people/" + id + "/certifications")
                .then()
                .spec(invalidField("expires"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Unknown skill", "skill", "NO_SUCH_SKILL_" + unique("")))
                .when()
                .post("/api/people/" + id + "/certifications")
                .then()
                .spec(invalidField("skill"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "x", "expires", "31/12/2026"))
                .when()
                .post("/api/people/" + id + "/certifications")
                .then()
                .spec(invalidField("expires"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + id + "/certifications")
                .then()
                .body("size()", equalTo(0));
    }

    @Test
    void confirmingAProfileConfirmsEverySkillOnIt() {
        String partner = Fixtures.partner();
        String code = Fixtures.skill(Fixtures.category(), unique("Storage "));
        Map<String, Object> body = Fixtures.personBody(partner, "Confirmer");
        long id = Fixtures.person(body);
        Fixtures.holds(id, code, 3, false);
        given().auth()
                .oauth2(Tokens.manager(partner))
                .when()
                .post("/api/people/" + id + "/confirm")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.viewer(partner))
                .when()
                .get("/api/people/" + id + "/skills/" + code)
                .then()
                .body("lastConfirmed", equalTo(TestClock.today().toString()))
                .body("version", equalTo(1))
                .body("stale", equalTo(false));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/424242424/skills")
                .then()
                .spec(problem(404));
    }
}
