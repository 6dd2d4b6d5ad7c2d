package org.sharedict.rota.platform;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.sharedict.testing.Problems.problem;

/** API keys read only what their read scopes name, here as at the gateway. */
@QuarkusTest
class ApiKeyReadScopesTest {

    @InjectStubs
    WireMockServer stubs;

    private static String key(String partner, String scope) {
        return Tokens.as("apikey:77")
                .roles("integration")
                .partner(partner)
                .scope(scope)
                .token();
    }

    @Test
    void aStatusBoardKeyAsksWhoIsOnCallButReadsNothingElse() {
        String partner = Fixtures.partner(stubs);
        String board = key(partner, "oncall:read");
        given().auth()
                .oauth2(board)
                .when()
                .get("/api/oncall?partner=" + partner)
                .then()
                .statusCode(200);
        given().auth().oauth2(board).when().get("/api/incidents").then().spec(problem(403));
        given().auth().oauth2(board).when().get("/api/rotas").then().spec(problem(403));
        given().auth()
                .oauth2(board)
                .when()
                .get("/api/escalation-policies")
                .then()
                .spec(problem(403));
        given().auth().oauth2(board).when().get("/api/integrations").then().spec(problem(403));
    }

    @Test
    void rotaAndIncidentScopesReadTheirOwnButNeverLeave() {
        String partner = Fixtures.partner(stubs);
        String rotas = key(partner, "rotas:read");
        given().auth().oauth2(rotas).when().get("/api/rotas").then().statusCode(200);
        given().auth().oauth2(rotas).when().get("/api/rotas/leave").then().spec(problem(403));
        given().auth()
                .oauth2(rotas)
                .when()
                .get("/api/oncall?partner=" + partner)
                .then()
                .spec(problem(403));
        String incidents = key(partner, "incidents:read");
        given().auth().oauth2(incidents).when().get("/api/incidents").then().statusCode(200);
        given().auth()
                .oauth2(key(partner, "incidents:write"))
                .when()
                .get("/api/incidents")
                .then()
                .statusCode(200);
    }
}
