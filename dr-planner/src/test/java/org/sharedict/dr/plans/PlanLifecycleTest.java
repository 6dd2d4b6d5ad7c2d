package org.sharedict.dr.plans;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.sharedict.platform.audit.AuditEntry;
import org.sharedict.testing.ConcurrentEdits;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.dr.testing.Fixtures.approve;
import static org.sharedict.dr.testing.Fixtures.councilActivities;
import static org.sharedict.dr.testing.Fixtures.plan;
import static org.sharedict.dr.testing.Fixtures.publishedTemplate;
import static org.sharedict.dr.testing.Fixtures.version;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class PlanLifecycleTest {

    private static final String OTHER_LEAD =
            Tokens.as("another-lead-bbc").partner("BBC").roles("dr-lead").token();

    @Test
    void draftIsSubmittedApprovedAndThenImmutable() {
        long template = publishedTemplate(councilActivities());
        long id = plan("BBC", template);
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .post("/api/dr/plans/" + id + "/submit")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("submittedBy", equalTo("drlead-bbc"));
        given().auth()
                .oauth2(OTHER_LEAD)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "Reviewed at the DR board"))
                .when()
                .post("/api/dr/plans/" + id + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("approvedBy", equalTo("another-lead-bbc"))
                .body("approvalNote", equalTo("Reviewed at the DR board"))
                .body("reviewDate", notNullValue());
        int v = version(id);
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + v + "\"")
                .body(Map.of("name", "Changed after approval"))
                .when()
                .put("/api/dr/plans/" + id)
                .then()
                .spec(problem(409))
                .body("currentState", equalTo("APPROVED"));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + v + "\"")
                .body(Map.of("exclusions", List.of(Map.of("activityKey", "email", "reason", "hosted"))))
                .when()
                .put("/api/dr/plans/" + id + "/customisation")
                .then()
                .spec(problem(409));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .delete("/api/dr/plans/" + id)
                .then()
                .spec(problem(409));
        given().auth()
                .oauth2(Tokens.viewer("LCC"))
                .when()
                .get("/api/dr/plans/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("BBC ICT recovery plan"))
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void aNewRevisionSupersedesTheApprovedOneWhenApproved() {
        long template = publishedTemplate(councilActivities());
        long first = plan("BBC", template);
        approve("BBC", first);
        long second = ((Number) given().auth()
                        .oauth2(Tokens.drLead("BBC"))
                        .when()
                        .post("/api/dr/plans/" + first + "/revisions")
                        .then()
                        .statusCode(201)
                        .body("revision", equalTo(2))
                        .body("status", equalTo("DRAFT"))
                        .extract()
                        .path("id"))
                .longValue();
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .post("/api/dr/plans/" + first + "/revisions")
                .then()
                .spec(problem(409));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + version(second) + "\"")
                .body(Map.of(
                        "overrides", List.of(Map.of("activityKey", "payroll", "field", "rtoMinutes", "value", 480))))
                .when()
                .put("/api/dr/plans/" + second + "/customisation")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/plans/" + first)
                .then()
                .body("status", equalTo("APPROVED"));
        approve("BBC", second);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/plans/" + first)
                .then()
                .body("status", equalTo("SUPERSEDED"))
                .body("supersededAt", notNullValue());
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/plans/" + second + "/revisions")
                .then()
                .statusCode(200)
                .body("revision", contains(1, 2))
                .body("status", contains("SUPERSEDED", "APPROVED"));
    }

    @Test
    void theAuthorCannotApproveTheirOwnPlan() {
        long template = publishedTemplate(councilActivities());
        long id = plan("LCC", template);
        given().auth()
                .oauth2(Tokens.drLead("LCC"))
                .when()
                .post("/api/dr/plans/" + id + "/submit")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.drLead("LCC"))
                .when()
                .post("/api/dr/plans/" + id + "/approve")
                .then()
                .spec(problem(403));
        // An admin who wrote the plan is still its author.
        long adminPlan = plan("LCC", template, Tokens.admin());
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/dr/plans/" + adminPlan + "/submit")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/dr/plans/" + adminPlan + "/approve")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.drLead("LCC"))
                .when()
                .post("/api/dr/plans/" + adminPlan + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void approvalTakesAnOptionalJsonNoteAndNothingElse() {
        long id = plan("LCC", publishedTemplate(councilActivities()));
        given().auth()
                .oauth2(Tokens.drLead("LCC"))
                .when()
                .post("/api/dr/plans/" + id + "/submit")
                .then()
                .statusCode(200);
        String approver =
                Tokens.as("second-lead-LCC").partner("LCC").roles("dr-lead").token();
        given().auth()
                .oauth2(approver)
                .contentType(ContentType.JSON)
                .body("null")
                .when()
                .post("/api/dr/plans/" + id + "/approve")
                .then()
                .spec(invalidField("body"));
        given().auth()
                .oauth2(approver)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "x".repeat(2001)))
                .when()
                .post("/api/dr/plans/" + id + "/approve")
                .then()
                .spec(invalidField("note"));
        given().auth()
                .oauth2(approver)
                .contentType(ContentType.TEXT)
                .body("{\"note\": \"as text\"}")
                .when()
                .post("/api/dr/plans/" + id + "/approve")
                .then()
                .spec(problem(415));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/plans/" + id)
                .then()
                .body("status", equalTo("SUBMITTED"));
        given().auth()
                .oauth2(approver)
                .when()
                .post("/api/dr/plans/" + id + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("approvalNote", nullValue());
    }

    @Test
    void anEmptyJsonObjectApprovesWithoutANote() {
        long id = plan("LCC", publishedTemplate(councilActivities()));
        given().auth()
                .oauth2(Tokens.drLead("LCC"))
                .when()
                .post("/api/dr/plans/" + id + "/submit")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/dr/plans/" + id + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("approvalNote", nullValue());
    }

    @Test
    void everyBodyIsDeclaredAsJsonWithItsSchema() {
        Map<String, Object> paths = given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        int bodies = 0;
        for (var path : paths.entrySet()) {
            for (var operation : ((Map<?, ?>) path.getValue()).entrySet()) {
                Object body = operation.getValue() instanceof Map<?, ?> op ? op.get("requestBody") : null;
                if (body == null) {
                    continue;
                }
                bodies++;
                Map<?, ?> content = (Map<?, ?>) ((Map<?, ?>) body).get("content");
                String where = operation.getKey().toString().toUpperCase() + " " + path.getKey();
                assertEquals(List.of("application/json"), List.copyOf(content.keySet()), where);
                Map<?, ?> schema = (Map<?, ?>) ((Map<?, ?>) content.get("application/json")).get("schema");
                assertTrue(schema.containsKey("$ref"), where + " has a schema of its own: " + schema);
            }
        }
        assertTrue(bodies >= 12, "request bodies found: " + bodies);
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .body(
                        "paths.'/api/dr/plans/{id}/approve'.post.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Decision"))
                .body("paths.'/api/dr/plans/{id}/approve'.post.requestBody.required", equalTo(false));
    }

    @Test
    void approvalNeedsADrLeadOfThePartnerOrAnAdmin() {
        long template = publishedTemplate(councilActivities());
        long id = plan("COL", template);
        given().auth()
                .oauth2(Tokens.drLead("COL"))
                .when()
                .post("/api/dr/plans/" + id + "/submit")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .post("/api/dr/plans/" + id + "/approve")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.manager("COL"))
                .when()
                .post("/api/dr/plans/" + id + "/approve")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Add the PSN contacts"))
                .when()
                .post("/api/dr/plans/" + id + "/reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("approvalNote", equalTo("Add the PSN contacts"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/dr/plans/" + id + "/approve")
                .then()
                .spec(problem(409));
    }

    @Test
    void aDrLeadCannotTouchAnotherPartnersPlan() {
        long template = publishedTemplate(councilActivities());
        long id = plan("NKDC", template);
        int v = version(id);
        given().auth()
                .oauth2(Tokens.drLead("SKDC"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + v + "\"")
                .body(Map.of("name", "Hijacked"))
                .when()
                .put("/api/dr/plans/" + id)
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.drLead("SKDC"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + v + "\"")
                .body(Map.of("exclusions", List.of(Map.of("activityKey", "email", "reason", "x"))))
                .when()
                .put("/api/dr/plans/" + id + "/customisation")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.drLead("SKDC"))
                .when()
                .post("/api/dr/plans/" + id + "/submit")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.drLead("SKDC"))
                .when()
                .delete("/api/dr/plans/" + id)
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.drLead("SKDC"))
                .contentType(ContentType.JSON)
                .body(Map.of("partner", "NKDC", "name", "Theirs", "templateId", template))
                .when()
                .post("/api/dr/plans")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.viewer("NKDC"))
                .contentType(ContentType.JSON)
                .body(Map.of("partner", "NKDC", "name", "Viewer's", "templateId", template))
                .when()
                .post("/api/dr/plans")
                .then()
                .spec(problem(403));
        given().when().get("/api/dr/plans/" + id).then().spec(problem(401));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/plans/" + id)
                .then()
                .body("name", equalTo("NKDC ICT recovery plan"));
    }

    @Test
    void badPlanInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        long template = publishedTemplate(councilActivities());
        long before = given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/plans?partner=WLDC&size=1")
                .then()
                .extract()
                .jsonPath()
                .getLong("totalItems");
        given().auth()
                .oauth2(Tokens.drLead("WLDC"))
                .contentType(ContentType.JSON)
                .body(Map.of("partner", "WLDC", "name", "", "templateId", template, "ownerEmail", "not-an-email"))
                .when()
                .post("/api/dr/plans")
                .then()
                .spec(invalidField("name"))
                .body("errors.field", hasItem("ownerEmail"));
        given().auth()
                .oauth2(Tokens.drLead("WLDC"))
                .contentType(ContentType.JSON)
                .body(Map.of("partner", "WLDC", "name", "Plan", "templateId", 99999999))
                .when()
                .post("/api/dr/plans")
                .then()
                .spec(problem(404));
        given().auth()
                .oauth2(Tokens.drLead("WLDC"))
                .contentType(ContentType.JSON)
                .body(Map.of("partner", "WLDC", "name", "Plan", "templateId", template, "templateVersion", 7))
                .when()
                .post("/api/dr/plans")
                .then()
                .spec(invalidField("templateVersion"));
        given().auth()
                .oauth2(Tokens.drLead("WLDC"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "partner",
                        "WLDC",
                        "name",
                        "Plan",
                        "templateId",
                        template,
                        "specifics",
                        Map.of("contacts", List.of(Map.of("name", "", "phone", "call me")))))
                .when()
                .post("/api/dr/plans")
                .then()
                .spec(invalidField("specifics.contacts[0].name"))
                .body("errors.field", hasItem("specifics.contacts[0].phone"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/plans?partner=WLDC&size=1")
                .then()
                .body("totalItems", equalTo((int) before));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/plans?status=LOST")
                .then()
                .spec(problem(400));
    }

    @Test
    void badCustomisationIsRefusedNamingTheFieldAndKeepsThePlan() {
        long template = publishedTemplate(councilActivities());
        long id = plan("SHDC", template);
        int v = version(id);
        given().auth()
                .oauth2(Tokens.drLead("SHDC"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + v + "\"")
                .body(Map.of(
                        "overrides",
                        List.of(
                                Map.of("activityKey", "payroll", "field", "rtoMinutes", "value", "soon"),
                                Map.of("activityKey", "nothing", "field", "name", "value", "x"),
                                Map.of("activityKey", "email", "field", "key", "value", "mail")),
                        "additions",
                        Map.of("dependencies", List.of(Map.of("activityKey", "email", "dependsOn", "crm"))),
                        "exclusions",
                        List.of(Map.of("activityKey", "power", "stepKey", "nope", "reason", "n/a"))))
                .when()
                .put("/api/dr/plans/" + id + "/customisation")
                .then()
                .spec(invalidField("overrides[0].value"))
                .body("errors.field", hasItem("overrides[1].activityKey"))
                .body("errors.field", hasItem("overrides[2].field"))
                .body("errors.field", hasItem("additions.dependencies[0].dependsOn"))
                .body("errors.field", hasItem("exclusions[0].stepKey"));
        given().auth()
                .oauth2(Tokens.drLead("SHDC"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + v + "\"")
                .body(Map.of("exclusions", List.of(Map.of("activityKey", "power", "reason", ""))))
                .when()
                .put("/api/dr/plans/" + id + "/customisation")
                .then()
                .spec(invalidField("exclusions[0].reason"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/plans/" + id)
                .then()
                .body("version", equalTo(v))
                .body("customisation.overrides.size()", equalTo(0));
    }

    @Test
    void concurrentPlanEditsAreDetected() {
        long template = publishedTemplate(councilActivities());
        long id = plan("ELDC", template);
        int v = version(id);
        given().auth()
                .oauth2(Tokens.drLead("ELDC"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + v + "\"")
                .body(Map.of("name", "ELDC plan, first edit", "ownerEmail", "lead@e-lindsey.example.gov.uk"))
                .when()
                .put("/api/dr/plans/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"" + (v + 1) + "\"");
        given().auth()
                .oauth2(Tokens.drLead("ELDC"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + v + "\"")
                .body(Map.of("name", "ELDC plan, lost edit"))
                .when()
                .put("/api/dr/plans/" + id)
                .then()
                .spec(problem(412));
        given().auth()
                .oauth2(Tokens.drLead("ELDC"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "ELDC plan, stale", "version", v))
                .when()
                .put("/api/dr/plans/" + id)
                .then()
                .spec(problem(409));
        given().auth()
                .oauth2(Tokens.drLead("ELDC"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "ELDC plan, unversioned"))
                .when()
                .put("/api/dr/plans/" + id)
                .then()
                .spec(problem(428));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/plans/" + id)
                .then()
                .body("name", equalTo("ELDC plan, first edit"));
    }

    @Test
    void aStaleEditThatChangesNothingIsStillRefused() {
        long id = plan("NKDC", publishedTemplate(councilActivities()));
        Map<String, Object> read = given().auth()
                .oauth2(Tokens.drLead("NKDC"))
                .when()
                .get("/api/dr/plans/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        Map<String, Object> unchanged = new HashMap<>();
        for (String field : List.of("name", "reviewDate", "ownerName", "ownerEmail", "specifics")) {
            unchanged.put(field, read.get(field));
        }
        int v = (Integer) read.get("version");
        String rename = "UPDATE dr_plan SET name = 'Renamed meanwhile', version = version + 1 WHERE id = " + id;

        ConcurrentEdits.whileAnotherEditIsUncommitted(
                        "dr_plan",
                        rename,
                        () -> given().auth()
                                .oauth2(Tokens.drLead("NKDC"))
                                .contentType(ContentType.JSON)
                                .header("If-Match", "\"" + v + "\"")
                                .body(unchanged)
                                .when()
                                .put("/api/dr/plans/" + id)
                                .then())
                .spec(problem(412))
                .body("currentVersion", equalTo(v + 1));
        unchanged.put("version", v + 1);
        ConcurrentEdits.whileAnotherEditIsUncommitted(
                        "dr_plan",
                        rename,
                        () -> given().auth()
                                .oauth2(Tokens.drLead("NKDC"))
                                .contentType(ContentType.JSON)
                                .body(unchanged)
                                .when()
                                .put("/api/dr/plans/" + id)
                                .then())
                .spec(problem(409))
                .body("currentVersion", equalTo(v + 2));

        unchanged.put("name", "Renamed meanwhile");
        unchanged.put("version", v + 2);
        given().auth()
                .oauth2(Tokens.drLead("NKDC"))
                .contentType(ContentType.JSON)
                .body(unchanged)
                .when()
                .put("/api/dr/plans/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(v + 2));
    }

    @Test
    void submittingAPlanWithACycleIsA422NamingIt() {
        long template = publishedTemplate(councilActivities());
        long id = plan("SKDC", template);
        given().auth()
                .oauth2(Tokens.drLead("SKDC"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + version(id) + "\"")
                .body(Map.of(
                        "additions",
                        Map.of("dependencies", List.of(Map.of("activityKey", "power", "dependsOn", "email")))))
                .when()
                .put("/api/dr/plans/" + id + "/customisation")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.drLead("SKDC"))
                .when()
                .post("/api/dr/plans/" + id + "/submit")
                .then()
                .spec(problem(422))
                .body("type", equalTo("urn:sharedict:problem:dependency-cycle"))
                .body("cycle", contains("power", "email", "directory", "network", "power"));
        given().auth()
                .oauth2(Tokens.drLead("SKDC"))
                .when()
                .get("/api/dr/plans/" + id + "/analysis")
                .then()
                .spec(problem(422))
                .body("cycle[0]", equalTo("power"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/plans/" + id)
                .then()
                .body("status", equalTo("DRAFT"));
    }

    @Test
    void planWritesAreAudited() {
        long template = publishedTemplate(councilActivities());
        long id = plan("BBC", template);
        approve("BBC", id);
        List<String> actions = QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.<AuditEntry>find(
                                "entityType = ?1 and entityId = ?2 order by id", "dr-plan", Long.toString(id))
                        .list()
                        .stream()
                        .map(e -> e.action)
                        .toList());
        assertEquals(List.of("CREATE", "SUBMIT", "APPROVE"), actions);
    }

    @Test
    void listsFilterByPartnerAndStatus() {
        long template = publishedTemplate(councilActivities());
        long id = plan("LCC", template);
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans?partner=lcc&status=DRAFT&size=500&sort=-updatedAt")
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) id))
                .body("items.partner", everyItem(equalTo("LCC")));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans?sort=salary")
                .then()
                .spec(invalidField("sort"));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/" + id)
                .then()
                .body("approvedBy", nullValue());
    }
}
