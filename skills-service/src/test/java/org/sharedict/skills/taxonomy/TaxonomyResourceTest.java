package org.sharedict.skills.taxonomy;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.sharedict.platform.audit.AuditEntry;
import org.sharedict.skills.support.Fixtures;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sharedict.skills.support.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class TaxonomyResourceTest {

    @Test
    void skillReadsInTheContractShape() {
        String cat = Fixtures.category();
        String code = unique("CITRIX");
        String alias = unique("XenApp");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        code.toLowerCase(),
                        "name",
                        "Citrix " + code,
                        "category",
                        cat,
                        "aliases",
                        List.of(alias, unique("XenDesktop")),
                        "sfiaCode",
                        "itop",
                        "description",
                        "Virtual apps"))
                .when()
                .post("/api/skills")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/skills/" + code));
        given().auth()
                .oauth2(Tokens.viewer("ANY"))
                .when()
                .get("/api/skills/" + code.toLowerCase())
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("code", equalTo(code))
                .body("name", equalTo("Citrix " + code))
                .body("category", equalTo(cat))
                .body("aliases[0]", equalTo(alias))
                .body("sfiaCode", equalTo("ITOP"));
    }

    @Test
    void onlyAdminsEditTheTaxonomy() {
        String cat = Fixtures.category();
        given().auth()
                .oauth2(Tokens.manager("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("code", unique("X"), "name", unique("n"), "category", cat))
                .when()
                .post("/api/skills")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.manager("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("code", unique("CAT"), "name", "Nope"))
                .when()
                .post("/api/skills/categories")
                .then()
                .spec(problem(403));
        given().when().get("/api/skills").then().spec(problem(401));
        given().when().get("/api/skills/categories").then().spec(problem(401));
    }

    @Test
    void duplicateCodeNameOrAliasIsAConflictNamingTheField() {
        String cat = Fixtures.category();
        String alias = unique("MS SQL ");
        String code = Fixtures.skill(cat, unique("SQL Server "), alias);
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", unique("Other"), "category", cat))
                .when()
                .post("/api/skills")
                .then()
                .spec(problem(409))
                .body("errors[0].field", equalTo("code"));
        // The alias folded ("ms-sql…" = "MS SQL …") already means the first skill.
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        unique("S_"),
                        "name",
                        unique("Another"),
                        "category",
                        cat,
                        "aliases",
                        List.of("ok alias " + unique(""), alias.toLowerCase().replace(" ", "-"))))
                .when()
                .post("/api/skills")
                .then()
                .spec(problem(409))
                .body("errors[0].field", equalTo("aliases[1]"))
                .body("skill", equalTo(code));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", unique("S_"), "name", alias, "category", cat))
                .when()
                .post("/api/skills")
                .then()
                .spec(problem(409))
                .body("errors[0].field", equalTo("name"));
        String catCode = Fixtures.category();
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", catCode, "name", "Again"))
                .when()
                .post("/api/skills/categories")
                .then()
                .spec(problem(409))
                .body("errors[0].field", equalTo("code"));
    }

    @Test
    void invalidSkillIsRefusedNamingTheFields() {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", "1bad code", "name", "", "category", "", "sfiaCode", "TOOLONG"))
                .when()
                .post("/api/skills")
                .then()
                .spec(invalidField("code"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("category"))
                .body("errors.field", hasItem("sfiaCode"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        unique("S_"),
                        "name",
                        unique("n"),
                        "category",
                        Fixtures.category(),
                        "aliases",
                        List.of("fine " + unique(""), " ", "--")))
                .when()
                .post("/api/skills")
                .then()
                .spec(invalidField("aliases[1]"))
                .body("errors.field", hasItem("aliases[2]"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", unique("S_"), "name", unique("n"), "category", "NO_SUCH_CATEGORY"))
                .when()
                .post("/api/skills")
                .then()
                .spec(invalidField("category"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", "categories", "name", unique("n"), "category", Fixtures.category()))
                .when()
                .post("/api/skills")
                .then()
                .spec(invalidField("code"));
    }

    @Test
    void editingASkillReplacesAliasesAndNeedsTheCurrentVersion() {
        String cat = Fixtures.category();
        String other = Fixtures.category();
        String first = unique("first");
        String code = Fixtures.skill(cat, unique("Skill "), first);
        String second = unique("second");
        Map<String, Object> edit =
                Map.of("name", "Renamed " + code, "category", other, "aliases", List.of(second, first));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(edit)
                .when()
                .put("/api/skills/" + code)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("aliases", contains(second, first))
                .body("category", equalTo(other));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(edit)
                .when()
                .put("/api/skills/" + code)
                .then()
                .spec(problem(412));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(edit)
                .when()
                .put("/api/skills/" + code)
                .then()
                .spec(problem(428));
        // The new alias finds the skill at once: the cache is refreshed when the edit commits.
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/experts?skill=" + second)
                .then()
                .statusCode(200)
                .body("skills[0].skill", equalTo(code))
                .body("skills[0].matchedBy", equalTo("alias"));
    }

    @Test
    void skillsAreListedByCategoryAndTextAndCategoriesCountTheirSkills() {
        String cat = Fixtures.category();
        String marker = unique("zyx");
        String a = Fixtures.skill(cat, "Alpha " + marker);
        String b = Fixtures.skill(cat, "Beta " + unique("w"), marker + "alias");
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/skills?category=" + cat + "&sort=-name")
                .then()
                .statusCode(200)
                .body("items.code", contains(b, a))
                .body("totalItems", equalTo(2));
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/skills?q=" + marker.toLowerCase() + "&sort=code")
                .then()
                .body("items.code", contains(a.compareTo(b) < 0 ? a : b, a.compareTo(b) < 0 ? b : a));
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/skills/categories/" + cat)
                .then()
                .body("skills", equalTo(2));
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/skills?sort=weight")
                .then()
                .spec(invalidField("sort"));
    }

    @Test
    void categoryWithSkillsAndSkillWithHoldersCannotBeRemoved() {
        String cat = Fixtures.category();
        String code = Fixtures.skill(cat, unique("Held "));
        long person = Fixtures.person(Fixtures.partner(), "Holder");
        Fixtures.holds(person, code, 3, false);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .delete("/api/skills/categories/" + cat)
                .then()
                .spec(problem(409));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .delete("/api/skills/" + code)
                .then()
                .spec(problem(409))
                .body("holders", equalTo(1));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .delete("/api/people/" + person)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .delete("/api/skills/" + code)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .delete("/api/skills/categories/" + cat)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/skills/" + code)
                .then()
                .spec(problem(404));
        List<String> actions = QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.<AuditEntry>list("entityType = ?1 and entityId = ?2 order by id", "skill", code))
                .stream()
                .map(e -> e.action)
                .toList();
        assertEquals(List.of("CREATE", "DELETE"), actions);
    }

    @Test
    void staleCategoryEditIsRejectedAndNothingChanges() {
        String cat = Fixtures.category();
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("name", "Networks and WAN"))
                .when()
                .put("/api/skills/categories/" + cat)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("name", "Lost edit"))
                .when()
                .put("/api/skills/categories/" + cat)
                .then()
                .spec(problem(412));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Lost edit", "version", 0))
                .when()
                .put("/api/skills/categories/" + cat)
                .then()
                .spec(problem(409));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "", "version", 1))
                .when()
                .put("/api/skills/categories/" + cat)
                .then()
                .spec(invalidField("name"));
        given().auth()
                .oauth2(Tokens.manager("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Mine", "version", 1))
                .when()
                .put("/api/skills/categories/" + cat)
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/skills/categories/" + cat)
                .then()
                .body("name", equalTo("Networks and WAN"))
                .header("ETag", "\"1\"");
    }
}
