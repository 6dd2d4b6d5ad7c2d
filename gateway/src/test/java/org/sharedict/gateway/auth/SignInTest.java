package org.sharedict.gateway.auth;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.sharedict.gateway.testing.Accounts;
import org.sharedict.gateway.testing.Backends;
import org.sharedict.gateway.testing.InjectBackends;
import org.sharedict.gateway.testing.Jwts;
import org.sharedict.testing.Problems;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SignInTest {

    @InjectBackends
    Backends.Servers backends;

    @BeforeEach
    void people() {
        backends.skills.stubFor(
                get(urlEqualTo("/api/people/11"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"id\":11,\"partner\":\"BBC\",\"name\":\"Sam Carter\",\"email\":\"sam.carter@boston.example.gov.uk\"}")));
    }

    @Test
    void signingInAnswersAShortLivedTokenOfTheContract() {
        String user = Accounts.unique("sam");
        Accounts.create(user, "BBC", List.of("engineer", "dr-lead"), 11L);
        JsonPath answer = Accounts.login(user.toUpperCase(), Accounts.PASSWORD);
        String token = answer.getString("accessToken");
        assertEquals("Bearer", answer.getString("tokenType"));
        assertEquals(30, answer.getInt("expiresIn"), 2);
        assertNotEquals(null, answer.getString("refreshToken"));

        Map<String, Object> header = Jwts.header(token);
        assertEquals("RS256", header.get("alg"));
        Map<String, Object> c = Jwts.claims(token);
        assertEquals("https://sharedict.local/gateway", c.get("iss"));
        assertEquals(user, c.get("sub"));
        assertEquals(user, c.get("upn"));
        assertEquals(List.of("engineer", "dr-lead"), c.get("groups"));
        assertEquals("BBC", c.get("partner"));
        assertEquals(11, ((Number) c.get("person")).intValue());
        assertEquals("Test " + user, c.get("name"));
        assertEquals(user + "@example.gov.uk", c.get("email"));
        assertEquals(30, ((Number) c.get("exp")).longValue() - ((Number) c.get("iat")).longValue());
        assertTrue(c.containsKey("sid") && c.containsKey("jti"));
        assertEquals(user, answer.getString("user.username"));

        given().auth()
                .oauth2(token)
                .when()
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(user))
                .body("personId", equalTo(11))
                .body("signIn", equalTo("password"));
    }

    @Test
    void anAdminsTokenNamesNoPartner() {
        JsonPath answer = Accounts.login("admin", "test-root-passphrase-123");
        Map<String, Object> c = Jwts.claims(answer.getString("accessToken"));
        assertEquals(List.of("admin"), c.get("groups"));
        assertFalse(c.containsKey("partner"));
    }

    @Test
    void aRefreshTokenWorksOnceAndReusingItEndsTheSession() {
        String user = Accounts.unique("refresher");
        Accounts.create(user, "LCC", List.of("viewer"));
        JsonPath first = Accounts.login(user, Accounts.PASSWORD);
        JsonPath second = refresh(first.getString("refreshToken"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertNotEquals(first.getString("refreshToken"), second.getString("refreshToken"));
        given().auth()
                .oauth2(second.getString("accessToken"))
                .when()
                .get("/api/auth/me")
                .then()
                .statusCode(200);

        // The first refresh token again: it was copied, so the whole session ends.
        refresh(first.getString("refreshToken"))
                .then()
                .spec(Problems.problem(401))
                .body("detail", containsString("already used"));
        refresh(second.getString("refreshToken")).then().spec(Problems.problem(401));
        given().auth()
                .oauth2(second.getString("accessToken"))
                .when()
                .get("/api/auth/me")
                .then()
                .spec(Problems.problem(401));
        audit("REFRESH_REUSED", user).body("items.action", hasItem("REFRESH_REUSED"));
    }

    @Test
    void theRefreshCookieRenewsTheAccessTokenOfABrowser() {
        String user = Accounts.unique("browser");
        Accounts.create(user, "BBC", List.of("viewer"));
        Response login = given().contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", Accounts.PASSWORD))
                .when()
                .post("/api/auth/login");
        login.then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"))
                .header("Set-Cookie", containsString("Path=/api/auth"));
        String cookie = login.getCookie(AuthResource.REFRESH_COOKIE);
        given().cookie(AuthResource.REFRESH_COOKIE, cookie)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/auth/refresh")
                .then()
                .statusCode(200)
                .body("accessToken", notNullValue());
    }

    @Test
    void signingOutEndsTheSessionAndItsRefreshToken() {
        String user = Accounts.unique("out");
        Accounts.create(user, "BBC", List.of("viewer"));
        JsonPath s = Accounts.login(user, Accounts.PASSWORD);
        given().auth()
                .oauth2(s.getString("accessToken"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/auth/logout")
                .then()
                .statusCode(204);
        refresh(s.getString("refreshToken")).then().spec(Problems.problem(401));
        audit("SIGN_OUT", user).body("items.action", hasItem("SIGN_OUT"));

        // With only the refresh token (the access token has expired), and for every session at once.
        JsonPath a = Accounts.login(user, Accounts.PASSWORD);
        JsonPath b = Accounts.login(user, Accounts.PASSWORD);
        given().contentType(ContentType.JSON)
                .body(Map.of("refreshToken", a.getString("refreshToken"), "allSessions", true))
                .when()
                .post("/api/auth/logout")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(b.getString("accessToken"))
                .when()
                .get("/api/auth/me")
                .then()
                .spec(Problems.problem(401));
    }

    @Test
    void aWrongPasswordOrAnUnknownUserGetTheSameAnswerAndAreAudited() {
        String user = Accounts.unique("typo");
        Accounts.create(user, "BBC", List.of("viewer"));
        String wrong = login(user, "not-the-password")
                .then()
                .spec(Problems.problem(401))
                .extract()
                .path("detail");
        String unknown = login(Accounts.unique("nobody"), "whatever-password")
                .then()
                .spec(Problems.problem(401))
                .extract()
                .path("detail");
        assertEquals(wrong, unknown);
        audit("SIGN_IN_FAILED", user).body("items[0].changes", containsString("wrong password"));
    }

    @Test
    void aDisabledAccountCannotSignIn() {
        String user = Accounts.unique("disabled");
        long id = Accounts.create(user, "BBC", List.of("viewer"));
        int version = given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/users/" + id)
                .then()
                .extract()
                .path("version");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "displayName",
                        "Gone",
                        "partner",
                        "BBC",
                        "roles",
                        List.of("viewer"),
                        "enabled",
                        false,
                        "version",
                        version))
                .when()
                .put("/api/users/" + id)
                .then()
                .statusCode(200);
        login(user, Accounts.PASSWORD).then().spec(Problems.problem(401));
    }

    @Test
    void badSignInInputNamesTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("password", "x"))
                .when()
                .post("/api/auth/login")
                .then()
                .spec(Problems.invalidField("username"));
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "x", "password", ""))
                .when()
                .post("/api/auth/login")
                .then()
                .spec(Problems.invalidField("password"));
        given().contentType(ContentType.JSON)
                .body("{\"username\": ")
                .when()
                .post("/api/auth/login")
                .then()
                .spec(Problems.problem(400));
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/auth/refresh")
                .then()
                .spec(Problems.invalidField("refreshToken"));
        refresh("nonsense").then().spec(Problems.problem(401));
    }

    @Test
    void changingYourPasswordChecksTheOldOneAndEndsYourOtherSessions() {
        String user = Accounts.unique("changer");
        Accounts.create(user, "BBC", List.of("viewer"));
        String here = Accounts.accessToken(user);
        String elsewhere = Accounts.accessToken(user);
        given().auth()
                .oauth2(here)
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "wrong-one-entirely", "newPassword", "a-much-better-passphrase"))
                .when()
                .put("/api/auth/password")
                .then()
                .spec(Problems.invalidField("currentPassword"));
        given().auth()
                .oauth2(here)
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "short"))
                .when()
                .put("/api/auth/password")
                .then()
                .spec(Problems.invalidField("newPassword"));
        given().auth()
                .oauth2(here)
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "a-much-better-passphrase"))
                .when()
                .put("/api/auth/password")
                .then()
                .statusCode(204);
        given().auth().oauth2(here).when().get("/api/auth/me").then().statusCode(200);
        given().auth().oauth2(elsewhere).when().get("/api/auth/me").then().spec(Problems.problem(401));
        Accounts.login(user, "a-much-better-passphrase");
        login(user, Accounts.PASSWORD).then().statusCode(401);
    }

    static Response login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .when()
                .post("/api/auth/login");
    }

    static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("refreshToken", refreshToken))
                .when()
                .post("/api/auth/refresh");
    }

    static ValidatableResponse audit(String action, String actor) {
        return given().auth()
                .oauth2(Tokens.admin())
                .queryParam("action", action)
                .queryParam("actor", actor)
                .when()
                .get("/api/auth/audit")
                .then()
                .statusCode(200)
                .body("totalItems", Matchers.greaterThan(0));
    }
}
