package org.sharedict.gateway.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;

/** Users made and signed in through the API, as an admin and the user would. */
public final class Accounts {

    public static final String PASSWORD = "correct-horse-battery";

    private Accounts() {}

    public static String unique(String prefix) {
        return (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
    }

    public static long create(String username, String partner, List<String> roles) {
        return create(username, partner, roles, null);
    }

    public static long create(String username, String partner, List<String> roles, Long personId) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "Test " + username);
        body.put("email", username + "@example.gov.uk");
        body.put("partner", partner);
        body.put("roles", roles);
        body.put("password", PASSWORD);
        if (personId != null) {
            body.put("personId", personId);
        }
        return ((Number) given().auth()
                        .oauth2(Tokens.admin())
                        .contentType(ContentType.JSON)
                        .body(body)
                        .when()
                        .post("/api/users")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    /** Signs in and answers the token response. */
    public static JsonPath login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .when()
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    public static String accessToken(String username) {
        return login(username, PASSWORD).getString("accessToken");
    }
}
