package org.sharedict.dr.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.Problems;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * dr-planner's audit trail at /api/audit/dr (platform-common's resource; its filters are proved in
 * skills-service's AuditTrailTest): admins and managers read it, a DR lead does not, a bad filter is
 * a 400 naming it.
 */
@QuarkusTest
class AuditTrailTest {

    @Test
    void adminsAndManagersReadTheTrailAndADrLeadIsRefused() {
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/audit/dr")
                .then()
                .statusCode(200)
                .body("totalItems", greaterThanOrEqualTo(0));
        given().auth()
                .oauth2(Tokens.manager("COL"))
                .when()
                .get("/api/audit/dr/kinds")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.drLead("COL"))
                .when()
                .get("/api/audit/dr")
                .then()
                .spec(Problems.problem(403));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("entityType", "dr plan")
                .when()
                .get("/api/audit/dr")
                .then()
                .spec(Problems.invalidField("entityType"));
    }
}
