package org.sharedict.rota.platform;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.Problems;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * rota-service's audit trail at /api/audit/rota (platform-common's resource; its filters are proved
 * in skills-service's AuditTrailTest): a write is found by its kind and who made it, a bad filter is
 * a 400 naming it, and only admins and managers read it — not an API key, whatever its scope.
 */
@QuarkusTest
class AuditTrailTest {

    @Test
    void aBankHolidayAddedByAnAdminIsInTheTrail() {
        String admin = "audit-admin-" + System.nanoTime();
        int id = given().auth()
                .oauth2(Tokens.as(admin).roles("admin").token())
                .contentType(ContentType.JSON)
                .body(Map.of("date", "2032-06-07", "name", "Audit trail day"))
                .when()
                .post("/api/calendar/bank-holidays")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("actor", admin)
                .queryParam("entityType", "bank-holiday")
                .when()
                .get("/api/audit/rota")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].action", equalTo("CREATE"))
                .body("items[0].entityId", equalTo(String.valueOf(id)));
        given().auth()
                .oauth2(Tokens.manager("BBC"))
                .when()
                .get("/api/audit/rota/kinds")
                .then()
                .statusCode(200)
                .body("entityTypes", hasItem("bank-holiday"));
    }

    @Test
    void aBadFilterIsRefusedNamingItAndOnlyAdminsAndManagersReadTheTrail() {
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("from", "2032-06-08")
                .queryParam("to", "2032-06-07")
                .when()
                .get("/api/audit/rota")
                .then()
                .spec(Problems.invalidField("to"));
        for (String token : new String[] {
            Tokens.engineer("BBC"),
            Tokens.viewer("BBC"),
            Tokens.as("apikey:7")
                    .partner("BBC")
                    .roles("integration")
                    .scope("incidents:read rotas:read oncall:read")
                    .token()
        }) {
            given().auth().oauth2(token).when().get("/api/audit/rota").then().spec(Problems.problem(403));
        }
    }
}
