package org.sharedict.dr.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.sharedict.dr.testing.Fixtures.activity;
import static org.sharedict.dr.testing.Fixtures.councilActivities;
import static org.sharedict.dr.testing.Fixtures.step;
import static org.sharedict.dr.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class TemplateResourceTest {

    private long newTemplate() {
        return ((Number) given().auth()
                        .oauth2(Tokens.admin())
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "code",
                                unique("GEN"),
                                "name",
                                "Generic council DR plan",
                                "description",
                                "All partners"))
                        .when()
                        .post("/api/dr/templates")
                        .then()
                        .statusCode(201)
                        .header("ETag", "\"0\"")
                        .extract()
                        .path("id"))
                .longValue();
    }

    @Test
    void adminDraftsPublishesAndEveryoneReadsATemplateVersion() {
        long id = newTemplate();
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("notes", "first cut", "content", Map.of("activities", councilActivities())))
                .when()
                .post("/api/dr/templates/" + id + "/versions")
                .then()
                .statusCode(201)
                .body("number", equalTo(1))
                .body("status", equalTo("DRAFT"))
                .body("activityCount", equalTo(5))
                .body("dependencyCount", equalTo(4));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/dr/templates/" + id + "/versions/1/publish")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("publishedBy", equalTo("admin"));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/templates/" + id)
                .then()
                .statusCode(200)
                .body("latestPublishedVersion", equalTo(1))
                .body("versions.number", contains(1));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/templates/" + id + "/versions/1")
                .then()
                .statusCode(200)
                .body("content.activities.key", hasItem("payroll"))
                .body("content.activities.find { it.key == 'payroll' }.steps.key", contains("restore-db", "check"));
    }

    @Test
    void publishedVersionsCannotChangeButANewDraftCopiesThem() {
        long id = newTemplate();
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("content", Map.of("activities", councilActivities())))
                .when()
                .post("/api/dr/templates/" + id + "/versions")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/dr/templates/" + id + "/versions/1/publish")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(Map.of("content", Map.of("activities", List.of())))
                .when()
                .put("/api/dr/templates/" + id + "/versions/1")
                .then()
                .spec(problem(409))
                .body("currentState", equalTo("PUBLISHED"));
        // The body may be left out, but JSON null is not a body.
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(" null ")
                .when()
                .post("/api/dr/templates/" + id + "/versions")
                .then()
                .spec(invalidField("body"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/dr/templates/" + id + "/versions")
                .then()
                .statusCode(201)
                .body("number", equalTo(2))
                .body("activityCount", equalTo(5));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/dr/templates/" + id + "/versions")
                .then()
                .spec(problem(409));
    }

    @Test
    void onlyAdminsManageTemplates() {
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("code", unique("X"), "name", "Mine"))
                .when()
                .post("/api/dr/templates")
                .then()
                .spec(problem(403));
        long id = newTemplate();
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/dr/templates/" + id + "/versions")
                .then()
                .spec(problem(403));
        given().when().get("/api/dr/templates").then().spec(problem(401));
    }

    @Test
    void contentThatDoesNotHoldTogetherIsRefusedNamingTheField() {
        long id = newTemplate();
        List<Map<String, Object>> as = new ArrayList<>(councilActivities());
        as.add(activity(
                "crm",
                "CRM",
                "SYSTEM",
                2,
                480,
                List.of("nowhere"),
                List.of(step("s", "Start", 10, "crm skill", null))));
        as.add(activity("power", "Duplicate", "FACILITY", 1, 60, List.of(), List.of()));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("content", Map.of("activities", as)))
                .when()
                .post("/api/dr/templates/" + id + "/versions")
                .then()
                .spec(invalidField("content.activities[5].steps[0].skill"));
        as.remove(as.size() - 1);
        as.set(5, activity("crm", "CRM", "SYSTEM", 2, 480, List.of("nowhere"), List.of()));
        as.add(activity("power", "Duplicate", "FACILITY", 1, 60, List.of(), List.of()));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("content", Map.of("activities", as)))
                .when()
                .post("/api/dr/templates/" + id + "/versions")
                .then()
                .spec(invalidField("content.activities[5].dependsOn[0]"))
                .body("errors.field", hasItem("content.activities[6].key"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(
                        "{\"content\":{\"activities\":[{\"key\":\"a\",\"name\":\"A\",\"category\":\"SPACESHIP\",\"tier\":1,\"rtoMinutes\":5}]}}")
                .when()
                .post("/api/dr/templates/" + id + "/versions")
                .then()
                .spec(problem(400))
                .body("errors[0].field", equalTo("content.activities[0].category"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "content",
                        Map.of(
                                "activities",
                                List.of(Map.of(
                                        "key", "a", "name", "A", "category", "SYSTEM", "tier", 9, "rtoMinutes", -1)))))
                .when()
                .post("/api/dr/templates/" + id + "/versions")
                .then()
                .spec(invalidField("content.activities[0].tier"))
                .body("errors.field", hasItem("content.activities[0].rtoMinutes"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/templates/" + id)
                .then()
                .body("versions.size()", equalTo(0));
    }

    @Test
    void publishingACycleIsA422NamingTheCycle() {
        long id = newTemplate();
        List<Map<String, Object>> as = List.of(
                activity("network", "Network", "NETWORK", 1, 60, List.of("directory"), List.of()),
                activity("directory", "Directory", "PLATFORM", 1, 60, List.of("dns"), List.of()),
                activity("dns", "DNS", "PLATFORM", 1, 60, List.of("network"), List.of()),
                activity("email", "Email", "SYSTEM", 2, 60, List.of("directory"), List.of()));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("content", Map.of("activities", as)))
                .when()
                .post("/api/dr/templates/" + id + "/versions")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/dr/templates/" + id + "/versions/1/publish")
                .then()
                .spec(problem(422))
                .body("type", equalTo("urn:sharedict:problem:dependency-cycle"))
                .body("cycle", contains("directory", "dns", "network", "directory"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/templates/" + id + "/versions/1")
                .then()
                .body("status", equalTo("DRAFT"));
    }

    @Test
    void concurrentTemplateEditsAreDetected() {
        long id = newTemplate();
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("name", "Renamed"))
                .when()
                .put("/api/dr/templates/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("name", "Lost"))
                .when()
                .put("/api/dr/templates/" + id)
                .then()
                .spec(problem(412));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "No version"))
                .when()
                .put("/api/dr/templates/" + id)
                .then()
                .spec(problem(428));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Stale body", "version", 0))
                .when()
                .put("/api/dr/templates/" + id)
                .then()
                .spec(problem(409));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/templates/" + id)
                .then()
                .body("name", equalTo("Renamed"));
    }

    @Test
    void missingTemplateIs404AndBadIdIs400() {
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/templates/999999")
                .then()
                .spec(problem(404));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/templates/abc")
                .then()
                .spec(problem(400));
    }
}
