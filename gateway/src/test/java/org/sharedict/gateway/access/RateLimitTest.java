package org.sharedict.gateway.access;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.sharedict.gateway.testing.Accounts;
import org.sharedict.gateway.testing.Backends;
import org.sharedict.gateway.testing.InjectBackends;
import org.sharedict.testing.Problems;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limits with small numbers, behind a trusted reverse proxy (so each test is its own client
 * address through X-Forwarded-For, as real clients behind an Ingress are).
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("gateway.rate-limit.login-per-address.requests", "4"),
                    Map.entry("gateway.rate-limit.api-per-user.requests", "5"),
                    Map.entry("gateway.rate-limit.api-per-key.requests", "3"),
                    Map.entry("gateway.rate-limit.api-per-address.requests", "4"),
                    Map.entry("gateway.rate-limit.intake-per-key.requests", "6"),
                    Map.entry("gateway.sign-in-throttle.free-failures-per-account-and-address", "100"),
                    Map.entry("gateway.sign-in-throttle.free-failures-per-address", "100"),
                    Map.entry("gateway.sign-in-throttle.free-failures-per-account", "100"),
                    Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                    Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
                    Map.entry("quarkus.http.proxy.trusted-proxies", "127.0.0.1"));
        }
    }

    @InjectBackends
    Backends.Servers backends;

    @BeforeEach
    void stubs() {
        backends.rota.stubFor(any(urlPathMatching("/api/(oncall|incidents|calendar)/?.*"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{}")));
        backends.rota.stubFor(post(urlPathMatching("/api/intake/.*"))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"alerts\":[]}")));
        // rota-service refuses a key it does not know; the gateway cannot tell, it only reads the key's form.
        backends.rota.stubFor(post(urlPathMatching("/api/intake/rik_unknown.*"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":401,\"title\":\"Unauthorized\"}")));
    }

    private static final String SECRET = "_abcdefghijkmnopqrstuvwxyz234567";

    private static int alert(String from, String key, boolean inHeader) {
        var request = given().header("X-Forwarded-For", from)
                .contentType(ContentType.JSON)
                .body(Map.of("action", "trigger", "summary", "Disk full"));
        if (inHeader) {
            return request.header("Authorization", "Bearer " + key)
                    .when()
                    .post("/api/intake/events")
                    .statusCode();
        }
        return request.when().post("/api/intake/" + key + "/events").statusCode();
    }

    @Test
    void alertsAreLimitedPerIntegrationKeyNotPerAddress() {
        String from = "192.0.2.70";
        String busy = "rik_Busy23456789" + SECRET;
        String quiet = "rik_Quiet3456789" + SECRET;
        // More alerts than the address's anonymous allowance (4): a burst through one key gets through.
        for (int i = 0; i < 6; i++) {
            assertEquals(202, alert(from, busy, i % 2 == 0), "alert " + i);
        }
        Response limited = given().header("X-Forwarded-For", "192.0.2.71")
                .contentType(ContentType.JSON)
                .body(Map.of("action", "trigger", "summary", "Disk full"))
                .when()
                .post("/api/intake/" + busy + "/events");
        limited.then()
                .spec(Problems.problem(429))
                .body("detail", equalTo("Too many alerts with this integration key; slow down"));
        assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1);
        // Another key from the same address is not held back...
        assertEquals(202, alert(from, quiet, true));
        // ...and the address's other anonymous traffic still has its own limit, untouched by the alerts.
        for (int i = 0; i < 4; i++) {
            given().header("X-Forwarded-For", from)
                    .when()
                    .get("/api/calendar/feeds/intake" + i + ".ics")
                    .then()
                    .statusCode(200);
        }
        given().header("X-Forwarded-For", from)
                .when()
                .get("/api/calendar/feeds/intake.ics")
                .then()
                .spec(Problems.problem(429));
    }

    @Test
    void refusedIntegrationKeysCostTheAddressSoGuessingIsLimited() {
        String from = "192.0.2.80";
        for (int i = 0; i < 4; i++) {
            assertEquals(401, alert(from, "rik_unknown" + i + "ABCD" + SECRET, false), "guess " + i);
        }
        // Each guess named a new key, but the address has used up its allowance: refused before rota-service.
        assertEquals(429, alert(from, "rik_unknown9ABCD" + SECRET, false));
        assertEquals(429, alert(from, "rik_Known3456789" + SECRET, true));
        // Another address with a real key is not affected.
        assertEquals(202, alert("192.0.2.81", "rik_Known3456789" + SECRET, true));
    }

    @Test
    void signInAttemptsFromOneAddressAreLimited() {
        String from = "192.0.2.10";
        for (int i = 0; i < 4; i++) {
            login(from, Accounts.unique("u"), "wrong-password-here").then().statusCode(401);
        }
        Response limited = login(from, Accounts.unique("u"), "wrong-password-here");
        limited.then().spec(Problems.problem(429)).body("type", equalTo("urn:sharedict:problem:rate-limited"));
        assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1);
        // Another address is not held back.
        login("192.0.2.11", Accounts.unique("u"), "wrong-password-here").then().statusCode(401);
    }

    @Test
    void apiRequestsOfOneUserAreLimited() {
        String token = Tokens.as(Accounts.unique("busy"))
                .partner("BBC")
                .roles("viewer")
                .token();
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", "192.0.2.40")
                    .auth()
                    .oauth2(token)
                    .when()
                    .get("/api/oncall")
                    .then()
                    .statusCode(200);
        }
        given().header("X-Forwarded-For", "192.0.2.41")
                .auth()
                .oauth2(token)
                .when()
                .get("/api/oncall")
                .then()
                .spec(Problems.problem(429))
                .header("Retry-After", Matchers.notNullValue());
        // Someone else at the same moment is not.
        given().header("X-Forwarded-For", "192.0.2.40")
                .auth()
                .oauth2(Tokens.as(Accounts.unique("calm"))
                        .roles("viewer")
                        .partner("BBC")
                        .token())
                .when()
                .get("/api/oncall")
                .then()
                .statusCode(200);
    }

    @Test
    void apiRequestsOfOneKeyAreLimited() {
        String key = given().header("X-Forwarded-For", "192.0.2.50")
                .auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Chatty monitoring", "partner", "BBC", "permissions", List.of("incidents:write")))
                .when()
                .post("/api/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 5; i++) {
            int status = given().header("X-Forwarded-For", "192.0.2." + (51 + i))
                    .header("X-Api-Key", key)
                    .when()
                    .post("/api/incidents")
                    .statusCode();
            ok += status == 200 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        assertEquals(3, ok);
        assertEquals(2, limited);
    }

    @Test
    void anonymousRequestsAndRefusedTokensFromOneAddressAreLimited() {
        String from = "192.0.2.60";
        for (int i = 0; i < 4; i++) {
            given().header("X-Forwarded-For", from)
                    .when()
                    .get("/api/calendar/feeds/secret" + i + ".ics")
                    .then()
                    .statusCode(200);
        }
        given().header("X-Forwarded-For", from)
                .when()
                .get("/api/calendar/feeds/secret.ics")
                .then()
                .spec(Problems.problem(429));
        given().header("X-Forwarded-For", "192.0.2.61")
                .auth()
                .oauth2("forged.token.value")
                .when()
                .get("/api/oncall")
                .then()
                .statusCode(401);
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "192.0.2.61")
                    .when()
                    .get("/api/oncall")
                    .then()
                    .statusCode(401);
        }
        given().header("X-Forwarded-For", "192.0.2.61")
                .when()
                .get("/api/oncall")
                .then()
                .spec(Problems.problem(429));
    }

    static Response login(String from, String username, String password) {
        return given().header("X-Forwarded-For", from)
                .contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .when()
                .post("/api/auth/login");
    }
}
