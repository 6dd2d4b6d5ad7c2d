package org.sharedict.gateway.access;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import org.sharedict.gateway.testing.Backends;
import org.sharedict.gateway.testing.InjectBackends;
import org.sharedict.testing.Problems;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Security headers on every answer, CORS for listed origins only, and request size limits. */
@QuarkusTest
class HeadersAndLimitsTest {

    @InjectBackends
    Backends.Servers backends;

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        backends.dr.stubFor(get(urlPathEqualTo("/api/dr/headers"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("X-Frame-Options", "ALLOWALL")
                        .withBody("{}")));
        secure(given().when().get("/api/auth/providers").then().statusCode(200))
                .header("Content-Security-Policy", startsWithPolicy("default-src 'none'"));
        secure(given().auth()
                        .oauth2(Tokens.viewer("BBC"))
                        .when()
                        .get("/api/dr/headers")
                        .then()
                        .statusCode(200))
                .header("X-Frame-Options", "DENY");
        secure(given().when().get("/api/users").then().statusCode(401));
        secure(given().when().get("/").then().statusCode(200))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
    }

    @Test
    void theWebUiIsServedAtTheRootWithoutInlineScriptSoTheStrictPolicyHolds() {
        String html = given().when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("html"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .extract()
                .asString();
        var scripts = Pattern.compile("<script([^>]*)>").matcher(html);
        int n = 0;
        while (scripts.find()) {
            n++;
            Assertions.assertTrue(scripts.group(1).contains("src="), "inline script: " + scripts.group());
        }
        Assertions.assertTrue(n > 0, "the web UI's page loads its script from a file");
        Assertions.assertFalse(html.contains(" style="), "no inline style");
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() {
        backends.rota.stubFor(get(urlPathEqualTo("/api/rotas/cors"))
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        given().header("Origin", "https://ui.example.org")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when()
                .options("/api/rotas/cors")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://ui.example.org")
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "GET")
                .when()
                .options("/api/rotas/cors")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        backends.rota.verify(0, anyRequestedFor(urlPathEqualTo("/api/rotas/cors")));
        // The platform's public https address is allowed although the gateway itself is reached over http.
        given().header("Origin", "https://sharedict.example.gov.uk")
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/api/auth/login")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://sharedict.example.gov.uk");
        given().header("Origin", "https://ui.example.org")
                .auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/rotas/cors")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://ui.example.org")
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }

    @Test
    void aBodyOverTheRoutesLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() throws Exception {
        // The probe route accepts 64 KiB in tests.
        byte[] small = new byte[60 * 1024];
        byte[] large = new byte[200 * 1024];
        Arrays.fill(large, (byte) 'x');
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .body(small)
                .when()
                .post("/api/probe/upload")
                .then()
                .statusCode(200)
                .body(equalTo(Integer.toString(small.length)));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .body(large)
                .when()
                .post("/api/probe/upload")
                .then()
                .spec(Problems.problem(413))
                .body("type", equalTo("urn:sharedict:problem:payload-too-large"));

        // Chunked (no Content-Length): cut off once the limit is passed; the service never gets the whole body.
        HttpClient http = HttpClient.newHttpClient();
        backends.probe.lastUpload.set(null);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(gateway.resolve("/api/probe/upload"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + Tokens.viewer("BBC"))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> (InputStream) new ByteArrayInputStream(large)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
        assertEquals(
                "application/problem+json",
                r.headers().firstValue("Content-Type").orElse(""));
        Long got = backends.probe.lastUpload.get();
        assertNotEquals(Long.valueOf(large.length), got);

        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(new byte[2 * 1024 * 1024])
                .when()
                .post("/api/users")
                .then()
                .spec(Problems.problem(413));
    }

    private static ValidatableResponse secure(ValidatableResponse r) {
        return r.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Strict-Transport-Security", containsString("max-age="))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    private static Matcher<String> startsWithPolicy(String p) {
        return Matchers.startsWith(p);
    }
}
