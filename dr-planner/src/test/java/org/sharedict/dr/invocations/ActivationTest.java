package org.sharedict.dr.invocations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.sharedict.dr.testing.Fixtures.approve;
import static org.sharedict.dr.testing.Fixtures.councilActivities;
import static org.sharedict.dr.testing.Fixtures.publishedTemplate;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

/** Activation criteria and who may invoke: named people and roles only, the criterion met recorded. */
@QuarkusTest
class ActivationTest {

    private static final String DUTY_OFFICER =
            Tokens.as("duty.officer").partner("BBC").roles("viewer").token();

    /** An approved BBC plan that the duty officer and BBC's managers may invoke, on two criteria. */
    private static long planWithActivation() {
        long template = publishedTemplate(councilActivities());
        Map<String, Object> body = new HashMap<>();
        body.put("partner", "BBC");
        body.put("name", "BBC plan with activation criteria");
        body.put("templateId", template);
        body.put(
                "specifics",
                Map.of(
                        "activation",
                        Map.of(
                                "criteria",
                                List.of(
                                        Map.of(
                                                "key", "tier1-down",
                                                "condition", "A tier-1 system is down",
                                                "threshold", "longer than 2 hours"),
                                        Map.of("key", "site-lost", "condition", "The data centre cannot be used")),
                                "mayInvoke",
                                List.of(
                                        Map.of("username", "duty.officer", "name", "Out-of-hours duty officer"),
                                        Map.of("role", "manager", "name", "ICT managers")))));
        long id = ((Number) given().auth()
                        .oauth2(Tokens.drLead("BBC"))
                        .contentType(ContentType.JSON)
                        .body(body)
                        .when()
                        .post("/api/dr/plans")
                        .then()
                        .statusCode(201)
                        .body("specifics.activation.criteria.key", containsInAnyOrder("tier1-down", "site-lost"))
                        .extract()
                        .path("id"))
                .longValue();
        approve("BBC", id);
        return id;
    }

    private static ValidatableResponse invoke(String token, long plan, String criterion) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", plan);
        body.put("reason", "Storage array failed at 02:10");
        body.put("criterion", criterion);
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/dr/invocations")
                .then();
    }

    @Test
    void aNamedPersonInvokesAndTheCriterionMetIsRecorded() {
        long plan = planWithActivation();
        invoke(DUTY_OFFICER, plan, "tier1-down")
                .statusCode(201)
                .body("startedBy", equalTo("duty.officer"))
                .body("criterionKey", equalTo("tier1-down"))
                .body("criterion", equalTo("A tier-1 system is down (longer than 2 hours)"))
                .body("timeline[0].message", containsString("criterion met: A tier-1 system is down"));
    }

    @Test
    void aRoleNamedByThePlanInvokesAtItsPartnerOnly() {
        long plan = planWithActivation();
        invoke(Tokens.manager("LCC"), plan, "site-lost").spec(problem(403));
        invoke(Tokens.manager("BBC"), plan, "site-lost")
                .statusCode(201)
                .body("criterion", equalTo("The data centre cannot be used"));
    }

    @Test
    void anyoneElseIsToldWhoMay() {
        long plan = planWithActivation();
        // A DR lead may invoke a plan that names nobody, but this one names who may.
        for (String token : List.of(Tokens.drLead("BBC"), Tokens.engineer("BBC"), Tokens.admin())) {
            invoke(token, plan, "tier1-down")
                    .spec(problem(403))
                    .body("detail", containsString("Out-of-hours duty officer"))
                    .body("mayInvoke.username", hasItem("duty.officer"))
                    .body("mayInvoke.role", hasItem("manager"))
                    .body("mayInvoke.name", containsInAnyOrder("Out-of-hours duty officer", "ICT managers"));
        }
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/invocations?planId=" + plan)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void theCriterionMetMustBeOneOfThePlans() {
        long plan = planWithActivation();
        invoke(DUTY_OFFICER, plan, null)
                .spec(invalidField("criterion"))
                .body("errors.message", hasItem(containsString("tier1-down, site-lost")));
        invoke(DUTY_OFFICER, plan, "bad-weather").spec(invalidField("criterion"));
    }

    @Test
    void aPlanWithoutCriteriaKeepsTheDefaultAndTakesNoCriterion() {
        long template = publishedTemplate(councilActivities());
        long plan = org.sharedict.dr.testing.Fixtures.plan("BBC", template);
        approve("BBC", plan);
        invoke(Tokens.viewer("BBC"), plan, null)
                .spec(problem(403))
                .body("mayInvoke.role", containsInAnyOrder("dr-lead", "manager", "admin"));
        invoke(Tokens.drLead("BBC"), plan, "tier1-down").spec(invalidField("criterion"));
        invoke(Tokens.drLead("BBC"), plan, null).statusCode(201).body("criterionKey", equalTo(null));
    }

    @Test
    void anInvokerMustBeAPersonOrARole() {
        long template = publishedTemplate(councilActivities());
        Map<String, Object> body = new HashMap<>();
        body.put("partner", "BBC");
        body.put("name", "BBC plan");
        body.put("templateId", template);
        body.put(
                "specifics",
                Map.of(
                        "activation",
                        Map.of(
                                "mayInvoke",
                                List.of(
                                        Map.of("username", "x", "role", "manager", "name", "Both"),
                                        Map.of("role", "wizard", "name", "A wizard")))));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/dr/plans")
                .then()
                .spec(problem(400))
                .body("errors.field", hasItem(containsString("specifics.activation.mayInvoke[0]")))
                .body("errors.field", hasItem("specifics.activation.mayInvoke[1].role"));
    }
}
