package org.sharedict.skills.platform;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.sharedict.skills.support.Fixtures;
import org.sharedict.testing.ErrorLogs;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sharedict.testing.Problems.badParameter;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.malformedJson;
import static org.sharedict.testing.Problems.problem;

/**
 * Whatever a client sends is answered with a 4xx problem naming what is wrong, never a 5xx: the
 * rules live in platform-common (problem mappers, parameter converters, strict JSON), and these
 * are skills-service's endpoints going through them.
 */
@QuarkusTest
class ClientInputTest {

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }

    private static RequestSpecification json(String body) {
        return admin().contentType(ContentType.JSON).body(body);
    }

    @Test
    void aPageFarBeyondTheEndIsEmptyOnEveryList() {
        String skill = Fixtures.skill(Fixtures.category(), Fixtures.unique("Paging "));
        for (String list : List.of(
                "/api/partners",
                "/api/people",
                "/api/skills",
                "/api/skills/categories",
                "/api/experts?skill=" + skill,
                "/api/reports/skills/stale")) {
            String sep = list.contains("?") ? "&" : "?";
            admin().when()
                    .get(list + sep + "page=2147483647&size=500")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(0))
                    .body("page", equalTo(2147483647));
        }
        admin().when().get("/api/people?page=2147483648").then().spec(badParameter("page"));
        admin().when().get("/api/partners?size=99999999999").then().spec(badParameter("size"));
    }

    @Test
    void parametersThatCannotBeReadAreNamed() {
        admin().when()
                .get("/api/partners?page=abc")
                .then()
                .spec(badParameter("page"))
                .body("errors[0].message", containsString("whole number"));
        admin().when().get("/api/people/abc").then().spec(badParameter("id"));
        admin().when().get("/api/people/99999999999999999999/skills").then().spec(badParameter("id"));
    }

    @Test
    void malformedJsonIsTheDocumentedProblem() {
        json("{\"code\":").when().post("/api/partners").then().spec(malformedJson());
        json("{\"code\": 'single'}").when().post("/api/partners").then().spec(malformedJson());
    }

    @Test
    void hugeNumbersAreNamedDeepNestingIsMalformedJsonAndNeitherLogsAnError() {
        String digits = "9".repeat(1_200);
        try (ErrorLogs errors = ErrorLogs.capture()) {
            json("{\"code\":\"ABC\",\"name\":\"A\",\"type\":\"DISTRICT_COUNCIL\",\"helpHours\":" + digits + "}")
                    .when()
                    .post("/api/partners")
                    .then()
                    .spec(invalidField("helpHours"));
            json(digits).when().post("/api/partners").then().spec(problem(400));
            json("{\"code\":\"ABC\",\"name\":\"A\",\"extra\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}")
                    .when()
                    .post("/api/partners")
                    .then()
                    .spec(malformedJson());
            json("[".repeat(1_500) + "]".repeat(1_500))
                    .when()
                    .post("/api/partners")
                    .then()
                    .spec(problem(400));
            assertEquals(List.of(), errors.messages());
        }
    }

    @Test
    void trailingContentAfterTheBodyIsRefused() {
        String partner = "{\"code\":\"" + Fixtures.unique("T") + "\",\"name\":\"A\",\"type\":\"DISTRICT_COUNCIL\"}";
        json(partner + " {\"code\":\"OTHER\"}")
                .when()
                .post("/api/partners")
                .then()
                .spec(malformedJson());
        json(partner + " x").when().post("/api/partners").then().spec(malformedJson());
    }

    @Test
    void typedFieldsRefuseFractionsAndOutOfRangeValuesNamingTheField() {
        String skill = Fixtures.skill(Fixtures.category(), Fixtures.unique("Typed "));
        long person = Fixtures.person(Fixtures.partner(), "Tess Typed");
        String skills = "/api/people/" + person + "/skills";
        json("{\"skill\":\"" + skill + "\",\"level\":4.9}")
                .when()
                .post(skills)
                .then()
                .spec(invalidField("level"))
                .body("errors[0].message", containsString("whole number"));
        json("{\"skill\":\"" + skill + "\",\"level\":99999999999}")
                .when()
                .post(skills)
                .then()
                .spec(invalidField("level"))
                .body("errors[0].message", containsString("range"));
        json("{\"skill\":\"" + skill + "\",\"level\":3,\"lastUsed\":\"2024-13-45\"}")
                .when()
                .post(skills)
                .then()
                .spec(invalidField("lastUsed"));
        json("{\"skill\":\"" + skill + "\",\"level\":3,\"lastUsed\":\"+999999999-01-01\"}")
                .when()
                .post(skills)
                .then()
                .statusCode(400);
        admin().when().get(skills).then().statusCode(200).body("skill", not(hasItem(skill)));

        Fixtures.holds(person, skill, 3, false);
        json("{\"level\":4,\"version\":99999999999999999999}")
                .when()
                .put(skills + "/" + skill)
                .then()
                .spec(invalidField("version"));
        admin().when().get(skills + "/" + skill).then().statusCode(200).body("level", equalTo(3));
    }

    @Test
    void unknownEnumValuesListTheValidOnes() {
        json("{\"code\":\"ABC\",\"name\":\"A\",\"type\":\"PARISH\"}")
                .when()
                .post("/api/partners")
                .then()
                .spec(invalidField("type"))
                .body(
                        "errors[0].message",
                        allOf(containsString("DISTRICT_COUNCIL"), not(containsString("org.sharedict"))));
        json("{\"code\":\"" + Fixtures.unique("E") + "\",\"name\":\"A\",\"type\":0}")
                .when()
                .post("/api/partners")
                .then()
                .spec(invalidField("type"));
    }

    @Test
    void aMissingOrNullBodyIsRefusedNamingTheBody() {
        json("null").when().post("/api/partners").then().spec(invalidField("body"));
        admin().contentType(ContentType.JSON)
                .when()
                .post("/api/partners")
                .then()
                .spec(invalidField("body"));
        long person = Fixtures.person(Fixtures.partner(), "Nola Null");
        json("null").when().put("/api/people/" + person + "/skills/ANY").then().spec(invalidField("body"));
    }

    @Test
    void aBodyIsRequiredEvenWhereTheResourceForgotToSaySo() {
        json("null").when().post("/test/bodies").then().spec(invalidField("body"));
        admin().contentType(ContentType.JSON).when().post("/test/bodies").then().spec(invalidField("body"));
        // No body and no media type: the body is what is missing (BodylessRequests).
        admin().when().post("/test/bodies").then().spec(invalidField("body"));
        admin().contentType(ContentType.TEXT)
                .body("{\"text\":\"hello\"}")
                .when()
                .post("/test/bodies")
                .then()
                .spec(problem(415));
        json("{\"text\":\"hello\"}")
                .when()
                .post("/test/bodies")
                .then()
                .statusCode(200)
                .body(equalTo("note: hello"));
        // An optional body may be left out, but the JSON null is not an object (as dr-planner's approval note).
        json("null").when().post("/test/bodies/optional").then().spec(invalidField("body"));
        admin().contentType(ContentType.JSON)
                .when()
                .post("/test/bodies/optional")
                .then()
                .statusCode(200)
                .body(equalTo("no note"));
    }

    @Test
    void methodNotAllowedSaysWhichAre() {
        admin().when()
                .delete("/api/partners")
                .then()
                .statusCode(405)
                .header("Allow", allOf(containsString("GET"), containsString("POST"), not(containsString("DELETE"))));
        admin().when()
                .patch("/api/people/1")
                .then()
                .statusCode(405)
                .header("Allow", allOf(containsString("GET"), containsString("PUT")));
    }

    @Test
    void percentUnderscoreAndBackslashAreLiteralInPeopleSearch() {
        String partner = Fixtures.partner();
        long plain = Fixtures.person(partner, "Ada Plain");
        long percent = Fixtures.person(partner, "Bea 100% Sure");
        long underscore = Fixtures.person(partner, "Cal_Under");
        long backslash = Fixtures.person(partner, "Dee\\Slash");
        Map<String, Long> expected = Map.of("%", percent, "_", underscore, "\\", backslash);
        expected.forEach((q, id) -> admin().queryParam("partner", partner)
                .queryParam("q", q)
                .when()
                .get("/api/people")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id.intValue()))));
        admin().queryParam("partner", partner)
                .queryParam("q", "ada")
                .when()
                .get("/api/people")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of((int) plain)));
    }

    @Test
    void percentIsLiteralInSkillSearch() {
        String category = Fixtures.category();
        String percent = Fixtures.skill(category, Fixtures.unique("Patching 100% "));
        String plain = Fixtures.skill(category, Fixtures.unique("Patching "));
        admin().queryParam("category", category)
                .queryParam("q", "%")
                .when()
                .get("/api/skills")
                .then()
                .statusCode(200)
                .body("items.code", equalTo(List.of(percent)));
        admin().queryParam("category", category)
                .queryParam("q", "patching")
                .when()
                .get("/api/skills")
                .then()
                .statusCode(200)
                .body("items.code", hasItem(plain));
    }
}
