package org.sharedict.rota.platform;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.ErrorLogs;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sharedict.testing.Problems.badParameter;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.malformedJson;

/** rota-service's endpoints answer whatever a client sends with a 4xx problem naming what is wrong (rules in platform-common). */
@QuarkusTest
class ClientInputTest {

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }

    private static RequestSpecification json(String body) {
        return admin().contentType(ContentType.JSON).body(body);
    }

    private static String incident(String severity, String rest) {
        return "{\"partner\":\"BBC\",\"summary\":\"Core switch down\",\"severity\":" + severity + rest + "}";
    }

    @Test
    void aPageFarBeyondTheEndIsEmptyOnEveryList() {
        for (String list : List.of("/api/rotas", "/api/incidents")) {
            admin().when()
                    .get(list + "?page=2147483647&size=500")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(0));
        }
        admin().when().get("/api/incidents?page=-1").then().spec(invalidField("page"));
        admin().when().get("/api/rotas?size=abc").then().spec(badParameter("size"));
    }

    @Test
    void parametersThatCannotBeReadAreNamed() {
        admin().when()
                .get("/api/rotas/99999999999999999999")
                .then()
                .spec(badParameter("id"))
                .body("errors[0].message", containsString("range"));
        admin().when().get("/api/escalation-policies/abc").then().spec(badParameter("id"));
        admin().when()
                .get("/api/incidents?status=LOST")
                .then()
                .spec(invalidField("status"))
                .body("errors[0].message", allOf(containsString("TRIGGERED"), not(containsString("org.sharedict"))));
    }

    @Test
    void aBadIncidentBodyIsNamedNotA500() {
        json(incident("\"SEV9\"", ""))
                .when()
                .post("/api/incidents")
                .then()
                .spec(invalidField("severity"))
                .body("errors[0].message", containsString("HIGH"));
        json(incident("2", "")).when().post("/api/incidents").then().spec(invalidField("severity"));
        json(incident("\"HIGH\"", ",\"policyId\":1.5"))
                .when()
                .post("/api/incidents")
                .then()
                .spec(invalidField("policyId"));
        json(incident("\"HIGH\"", ",\"policyId\":99999999999999999999"))
                .when()
                .post("/api/incidents")
                .then()
                .spec(invalidField("policyId"));
        json(incident("\"HIGH\"", "") + "{}")
                .when()
                .post("/api/incidents")
                .then()
                .spec(malformedJson());
        json("{\"summary\":").when().post("/api/incidents").then().spec(malformedJson());
        json("null").when().post("/api/incidents").then().spec(invalidField("body"));
        json("{\"name\":\"P\",\"repeatCount\":2.5,\"steps\":[]}")
                .when()
                .post("/api/escalation-policies")
                .then()
                .spec(invalidField("repeatCount"));
    }

    @Test
    void hugeNumbersAndDeepNestingAreMalformedJsonAndLogNoError() {
        try (ErrorLogs errors = ErrorLogs.capture()) {
            json(incident("\"HIGH\"", ",\"policyId\":" + "7".repeat(1_200)))
                    .when()
                    .post("/api/incidents")
                    .then()
                    .spec(invalidField("policyId"));
            json(incident("\"HIGH\"", ",\"extra\":" + "[".repeat(1_500) + "]".repeat(1_500)))
                    .when()
                    .post("/api/incidents")
                    .then()
                    .spec(malformedJson());
            assertEquals(List.of(), errors.messages());
        }
    }

    @Test
    void methodNotAllowedSaysWhichAre() {
        admin().when()
                .delete("/api/incidents")
                .then()
                .statusCode(405)
                .header("Allow", allOf(containsString("GET"), containsString("POST"), not(containsString("DELETE"))))
                .body("status", equalTo(405));
    }
}
