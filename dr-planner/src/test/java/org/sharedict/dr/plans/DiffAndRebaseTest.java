package org.sharedict.dr.plans;

import java.util.ArrayList;
import java.util.HashMap;
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
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.sharedict.dr.testing.Fixtures.activity;
import static org.sharedict.dr.testing.Fixtures.councilActivities;
import static org.sharedict.dr.testing.Fixtures.plan;
import static org.sharedict.dr.testing.Fixtures.publishNextVersion;
import static org.sharedict.dr.testing.Fixtures.publishedTemplate;
import static org.sharedict.dr.testing.Fixtures.step;
import static org.sharedict.dr.testing.Fixtures.version;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class DiffAndRebaseTest {

    /** Overrides payroll's RTO, excludes email, adds a CRM activity needing the directory and a payroll step. */
    private static Map<String, Object> bbcCustomisation(int version) {
        return Map.of(
                "overrides",
                        List.of(
                                Map.of("activityKey", "payroll", "field", "rtoMinutes", "value", 480),
                                Map.of(
                                        "activityKey",
                                        "network",
                                        "stepKey",
                                        "core-switch",
                                        "field",
                                        "durationMinutes",
                                        "value",
                                        90)),
                "additions",
                        Map.of(
                                "activities",
                                        List.of(activity(
                                                "crm",
                                                "Customer contact CRM",
                                                "SYSTEM",
                                                2,
                                                720,
                                                List.of("directory", "email"),
                                                List.of(step(
                                                        "start",
                                                        "Start the CRM servers",
                                                        45,
                                                        "DYNAMICS_CRM",
                                                        "Applications lead")))),
                                "steps",
                                        List.of(Map.of(
                                                "activityKey",
                                                "payroll",
                                                "after",
                                                "restore-db",
                                                "step",
                                                step("bacs", "Re-send the BACS file", 30, "PAYROLL", "Payroll lead")))),
                "exclusions",
                        List.of(Map.of(
                                "activityKey",
                                "power",
                                "stepKey",
                                "generator",
                                "reason",
                                "Our data centre is hosted at LCC")),
                "version", version);
    }

    private long customisedPlan(long template) {
        long id = plan("BBC", template);
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .body(bbcCustomisation(version(id)))
                .when()
                .put("/api/dr/plans/" + id + "/customisation")
                .then()
                .statusCode(200)
                .body("customisation.overrides.size()", equalTo(2));
        return id;
    }

    @Test
    void effectivePlanAppliesOverridesAdditionsAndExclusionsWithoutTouchingTheTemplate() {
        long template = publishedTemplate(councilActivities());
        long id = customisedPlan(template);
        given().auth()
                .oauth2(Tokens.viewer("LCC"))
                .when()
                .get("/api/dr/plans/" + id + "/effective")
                .then()
                .statusCode(200)
                .body("activityCount", equalTo(6))
                .body("activities.find { it.key == 'payroll' }.rtoMinutes", equalTo(480))
                .body("activities.find { it.key == 'payroll' }.origin", equalTo("CUSTOMISED"))
                .body("activities.find { it.key == 'payroll' }.steps.key", contains("restore-db", "bacs", "check"))
                .body(
                        "activities.find { it.key == 'payroll' }.steps.find { it.key == 'bacs' }.origin",
                        equalTo("ADDED"))
                .body("activities.find { it.key == 'network' }.steps[0].durationMinutes", equalTo(90))
                .body("activities.find { it.key == 'power' }.steps.size()", equalTo(0))
                .body("activities.find { it.key == 'crm' }.origin", equalTo("ADDED"))
                .body("excluded[0].reason", equalTo("Our data centre is hosted at LCC"));
        given().auth()
                .oauth2(Tokens.viewer("LCC"))
                .when()
                .get("/api/dr/templates/" + template + "/versions/1")
                .then()
                .body("content.activities.find { it.key == 'payroll' }.rtoMinutes", equalTo(240));
    }

    @Test
    void diffListsEveryChangeAgainstTheTemplateVersion() {
        long template = publishedTemplate(councilActivities());
        long id = customisedPlan(template);
        given().auth()
                .oauth2(Tokens.viewer("LCC"))
                .when()
                .get("/api/dr/plans/" + id + "/diff")
                .then()
                .statusCode(200)
                .body("template.version", equalTo(1))
                .body("overridden", equalTo(2))
                .body("added", equalTo(2))
                .body("excluded", equalTo(1))
                .body("changes.find { it.field == 'rtoMinutes' }.templateValue", equalTo(240))
                .body("changes.find { it.field == 'rtoMinutes' }.planValue", equalTo(480))
                .body("changes.find { it.change == 'EXCLUDED' }.reason", equalTo("Our data centre is hosted at LCC"))
                .body("changes.findAll { it.change == 'ADDED' }.kind", hasItems("ACTIVITY", "STEP"));
    }

    @Test
    void rebaseKeepsOverridesTakesTemplateChangesAndReportsConflicts() {
        long template = publishedTemplate(councilActivities());
        long id = customisedPlan(template);
        List<Map<String, Object>> v2 = new ArrayList<>(councilActivities());
        // The template changes payroll's RTO too (the partner overrode it), shortens email's and drops nothing.
        Map<String, Object> payroll = new HashMap<>(v2.get(4));
        payroll.put("rtoMinutes", 360);
        v2.set(4, payroll);
        Map<String, Object> email = new HashMap<>(v2.get(3));
        email.put("rtoMinutes", 240);
        v2.set(3, email);
        v2.add(activity("website", "Council website", "SYSTEM", 3, 1440, List.of("network"), List.of()));
        int number = publishNextVersion(template, v2);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/plans/" + id)
                .then()
                .body("template.latestPublishedVersion", equalTo(number));

        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("dryRun", true))
                .when()
                .post("/api/dr/plans/" + id + "/rebase")
                .then()
                .statusCode(200)
                .body("applied", equalTo(false))
                .body("toTemplateVersion", equalTo(number))
                .body("conflicts.kind", contains("OVERRIDDEN_FIELD_CHANGED"));
        // A dry run needs no version, but one it is sent must be the plan's.
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"987654321\"")
                .body(Map.of("dryRun", true))
                .when()
                .post("/api/dr/plans/" + id + "/rebase")
                .then()
                .spec(problem(412));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + version(id) + "\"")
                .body(Map.of("dryRun", true))
                .when()
                .post("/api/dr/plans/" + id + "/rebase")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/plans/" + id)
                .then()
                .body("template.version", equalTo(1));

        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("templateVersion", number, "version", version(id)))
                .when()
                .post("/api/dr/plans/" + id + "/rebase")
                .then()
                .statusCode(200)
                .body("applied", equalTo(true))
                .body("fromTemplateVersion", equalTo(1))
                .body("keptOverrides", equalTo(2))
                .body("keptAdditions", equalTo(2))
                .body("keptExclusions", equalTo(1))
                .body("conflicts[0].activityKey", equalTo("payroll"))
                .body("conflicts[0].field", equalTo("rtoMinutes"))
                .body("conflicts[0].templateBefore", equalTo(240))
                .body("conflicts[0].templateAfter", equalTo(360))
                .body("conflicts[0].planValue", equalTo(480))
                .body("conflicts[0].blocking", equalTo(false));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/plans/" + id + "/effective")
                .then()
                .body("template.version", equalTo(number))
                .body("activities.find { it.key == 'payroll' }.rtoMinutes", equalTo(480))
                .body("activities.find { it.key == 'email' }.rtoMinutes", equalTo(240))
                .body("activities.key", hasItems("website", "crm"));
    }

    @Test
    void rebaseDropsWhatDependsOnARemovedActivityAndSaysSo() {
        long template = publishedTemplate(councilActivities());
        long id = customisedPlan(template);
        List<Map<String, Object>> v2 = new ArrayList<>(councilActivities());
        v2.remove(3); // email goes: the partner's CRM depended on it
        publishNextVersion(template, v2);
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("version", version(id)))
                .when()
                .post("/api/dr/plans/" + id + "/rebase")
                .then()
                .statusCode(200)
                .body("conflicts.kind", hasItem("DEPENDENCY_ON_REMOVED_ACTIVITY"))
                .body("conflicts.find { it.kind == 'DEPENDENCY_ON_REMOVED_ACTIVITY' }.activityKey", equalTo("crm"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/plans/" + id + "/effective")
                .then()
                .body("activities.find { it.key == 'crm' }.dependsOn", contains("directory"))
                .body("activities.key", not(hasItem("email")));
    }

    @Test
    void rebaseOntoAVersionThatReusesAnAddedKeyIsBlockedAndChangesNothing() {
        long template = publishedTemplate(councilActivities());
        long id = customisedPlan(template);
        int before = version(id);
        List<Map<String, Object>> v2 = new ArrayList<>(councilActivities());
        v2.add(activity("crm", "CRM (partnership)", "SYSTEM", 2, 480, List.of("directory"), List.of()));
        publishNextVersion(template, v2);
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("version", before))
                .when()
                .post("/api/dr/plans/" + id + "/rebase")
                .then()
                .spec(problem(409))
                .body("type", equalTo("urn:sharedict:problem:rebase-conflict"))
                .body("conflicts.find { it.blocking }.kind", equalTo("KEY_CLASH"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/plans/" + id)
                .then()
                .body("version", equalTo(before))
                .body("template.version", equalTo(1));
    }

    @Test
    void rebaseIsRefusedForOtherPartnersApprovedPlansAndBadVersions() {
        long template = publishedTemplate(councilActivities());
        long id = customisedPlan(template);
        given().auth()
                .oauth2(Tokens.drLead("LCC"))
                .contentType(ContentType.JSON)
                .body(Map.of("version", version(id)))
                .when()
                .post("/api/dr/plans/" + id + "/rebase")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("templateVersion", 1, "version", version(id)))
                .when()
                .post("/api/dr/plans/" + id + "/rebase")
                .then()
                .spec(invalidField("templateVersion"));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("templateVersion", 0, "version", version(id)))
                .when()
                .post("/api/dr/plans/" + id + "/rebase")
                .then()
                .spec(invalidField("templateVersion"));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .body(Map.of("templateVersion", 1))
                .when()
                .post("/api/dr/plans/" + id + "/rebase")
                .then()
                .spec(problem(428));
    }
}
