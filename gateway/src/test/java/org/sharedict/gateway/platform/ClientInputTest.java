package org.sharedict.gateway.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.sharedict.gateway.testing.Accounts;
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

/** The gateway's own endpoints, sign-in included, answer whatever a client sends with a 4xx problem naming what is wrong. */
@QuarkusTest
class ClientInputTest {

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }

    private static RequestSpecification anonymous(String body) {
        return given().contentType(ContentType.JSON).body(body);
    }

    @Test
    void aPageFarBeyondTheEndIsEmptyOnEveryList() {
        for (String list : List.of("/api/users", "/api/api-keys", "/api/auth/audit")) {
            admin().when()
                    .get(list + "?page=2147483647&size=500")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(0));
        }
        admin().when().get("/api/users?page=abc").then().spec(badParameter("page"));
        admin().when().get("/api/users/abc").then().spec(badParameter("id"));
        admin().when().get("/api/api-keys?includeRevoked=perhaps").then().spec(badParameter("includeRevoked"));
    }

    @Test
    void signInWithHugeNumbersOrDeepNestingIsRefusedNamingWhatIsWrongAndLogsNoError() {
        try (ErrorLogs errors = ErrorLogs.capture()) {
            anonymous("{\"username\":\"admin\",\"password\":" + "9".repeat(1_200) + "}")
                    .when()
                    .post("/api/auth/login")
                    .then()
                    .spec(invalidField("password"));
            anonymous("{\"username\":\"admin\",\"password\":\"x\",\"extra\":" + "[".repeat(1_500) + "]".repeat(1_500)
                            + "}")
                    .when()
                    .post("/api/auth/login")
                    .then()
                    .spec(malformedJson());
            assertEquals(List.of(), errors.messages());
        }
    }

    @Test
    void signInRefusesMalformedTrailingAndNullBodies() {
        anonymous("{\"username\":").when().post("/api/auth/login").then().spec(malformedJson());
        anonymous("{\"username\":\"admin\",\"password\":\"x\"} {\"username\":\"other\"}")
                .when()
                .post("/api/auth/login")
                .then()
                .spec(malformedJson());
        anonymous("null").when().post("/api/auth/login").then().spec(invalidField("body"));
        anonymous("{\"username\":[\"admin\"],\"password\":\"x\"}")
                .when()
                .post("/api/auth/login")
                .then()
                .spec(invalidField("username"));
        anonymous("{\"username\":12345,\"password\":\"x\"}")
                .when()
                .post("/api/auth/login")
                .then()
                .spec(invalidField("username"));
        anonymous("{\"username\":\"admin\",\"password\":true}")
                .when()
                .post("/api/auth/login")
                .then()
                .spec(invalidField("password"));
    }

    @Test
    void aJsonBodySentAsAnotherMediaTypeIsRefused() {
        long id = user("Plain " + Accounts.unique("p"));
        admin().contentType("text/plain")
                .body("{\"password\":\"" + Accounts.PASSWORD + "-new\"}")
                .when()
                .post("/api/users/" + id + "/password")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void aLongQueryIsAnsweredAndATooLongOneIsAProblem() {
        admin().queryParam("q", "x".repeat(5_000))
                .when()
                .get("/api/users")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        admin().queryParam("q", "x".repeat(9_000))
                .when()
                .get("/api/users")
                .then()
                .statusCode(414)
                .contentType("application/problem+json")
                .body("type", containsString("uri-too-long"));
    }

    @Test
    void methodNotAllowedSaysWhichAre() {
        admin().when()
                .get("/api/auth/login")
                .then()
                .statusCode(405)
                .header("Allow", allOf(containsString("POST"), not(containsString("GET"))));
        admin().when()
                .put("/api/users")
                .then()
                .statusCode(405)
                .header("Allow", allOf(containsString("GET"), containsString("POST")));
        // Without a token too, on the paths that need none: the method is missing, not the sign-in.
        given().when().patch("/api/auth/providers").then().statusCode(405).header("Allow", containsString("GET"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .patch("/api/auth/login")
                .then()
                .statusCode(405)
                .header("Allow", containsString("POST"));
        given().when().get("/api/users").then().statusCode(401); // a method the path has still needs a token
    }

    @Test
    void percentAndUnderscoreAreLiteralInUserSearch() {
        String tag = Accounts.unique("lit").replace("-", "");
        long underscore = user("Ann_" + tag);
        user("AnnX" + tag);
        long percent = user("Bob 100% " + tag);
        admin().queryParam("q", "ann_" + tag)
                .when()
                .get("/api/users")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of((int) underscore)));
        admin().queryParam("q", "100%")
                .when()
                .get("/api/users")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of((int) percent)));
        admin().queryParam("q", "%" + tag)
                .when()
                .get("/api/users")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    private static long user(String displayName) {
        Map<String, Object> body = new HashMap<>();
        String username = Accounts.unique("u");
        body.put("username", username);
        body.put("displayName", displayName);
        body.put("email", username + "@example.gov.uk");
        body.put("partner", "BBC");
        body.put("roles", List.of("viewer"));
        body.put("password", Accounts.PASSWORD);
        return ((Number) admin().contentType(ContentType.JSON)
                        .body(body)
                        .when()
                        .post("/api/users")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }
}
