package org.sharedict.dr.platform;

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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sharedict.testing.Problems.badParameter;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.malformedJson;

/** dr-planner's endpoints answer whatever a client sends with a 4xx problem naming what is wrong (rules in platform-common). */
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
        for (String list : List.of("/api/dr/plans", "/api/dr/templates", "/api/dr/exercises", "/api/dr/invocations")) {
            admin().when()
                    .get(list + "?page=2147483647&size=500")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(0));
        }
        admin().when().get("/api/dr/plans?page=99999999999").then().spec(badParameter("page"));
    }

    @Test
    void anUnknownStatusListsTheValidOnesAndNoClassName() {
        admin().when()
                .get("/api/dr/plans?status=LOST")
                .then()
                .spec(badParameter("status"))
                .body(
                        "errors[0].message",
                        allOf(
                                containsString("DRAFT, SUBMITTED, APPROVED, SUPERSEDED"),
                                not(containsString("org.sharedict"))))
                .body("detail", not(containsString("org.sharedict")));
        admin().when()
                .get("/api/dr/invocations?status=open")
                .then()
                .spec(badParameter("status"))
                .body("errors[0].message", containsString("OPEN, CLOSED"));
        admin().when().get("/api/dr/exercises?planId=1.5").then().spec(badParameter("planId"));
        admin().when().get("/api/dr/plans/abc").then().spec(badParameter("id"));
    }

    @Test
    void aBadBodyIsNamedNotA500() {
        json("{\"planId\":1.5,\"reason\":\"Flood\"}")
                .when()
                .post("/api/dr/invocations")
                .then()
                .spec(invalidField("planId"));
        json("{\"planId\":1,\"reason\":\"Flood\",\"startedAt\":\"2026-13-45T00:00:00Z\"}")
                .when()
                .post("/api/dr/invocations")
                .then()
                .spec(invalidField("startedAt"));
        json("{\"planId\":1,\"heldOn\":\"2026-01-01\",\"type\":\"DRILL\",\"scope\":\"All\"}")
                .when()
                .post("/api/dr/exercises")
                .then()
                .spec(invalidField("type"))
                .body("errors[0].message", containsString("TABLETOP"));
        json("{\"code\":\"T1\",\"name\":\"T\"} []")
                .when()
                .post("/api/dr/templates")
                .then()
                .spec(malformedJson());
        json("null").when().post("/api/dr/templates").then().spec(invalidField("body"));
    }

    @Test
    void hugeNumbersAndDeepNestingAreMalformedJsonAndLogNoError() {
        try (ErrorLogs errors = ErrorLogs.capture()) {
            json("{\"planId\":" + "1".repeat(1_200) + ",\"reason\":\"Flood\"}")
                    .when()
                    .post("/api/dr/invocations")
                    .then()
                    .spec(invalidField("planId"));
            json("{\"code\":\"T2\",\"name\":\"T\",\"x\":" + "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500) + "}")
                    .when()
                    .post("/api/dr/templates")
                    .then()
                    .spec(malformedJson());
            assertEquals(List.of(), errors.messages());
        }
    }

    @Test
    void methodNotAllowedSaysWhichAre() {
        admin().when()
                .delete("/api/dr/plans")
                .then()
                .statusCode(405)
                .header("Allow", allOf(containsString("GET"), containsString("POST"), not(containsString("DELETE"))));
        admin().when().patch("/api/dr/plans/1/analysis").then().statusCode(405).header("Allow", containsString("GET"));
    }
}
