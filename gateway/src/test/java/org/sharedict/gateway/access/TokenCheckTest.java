package org.sharedict.gateway.access;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.sharedict.gateway.testing.Accounts;
import org.sharedict.gateway.testing.Backends;
import org.sharedict.gateway.testing.InjectBackends;
import org.sharedict.gateway.testing.Jwts;
import org.sharedict.testing.Problems;
import org.sharedict.testing.TestKeys;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/**
 * The gateway refuses every token the services would refuse, before anything is routed: expired,
 * tampered, signed with another key or none, from another issuer, or signed out.
 */
@QuarkusTest
class TokenCheckTest {

    static final String PATH = "/api/experts/token-check";

    /** Each test its own path, so "nothing reached the service" is about that test alone. */
    final String path = PATH + "/" + UUID.randomUUID();

    @InjectBackends
    Backends.Servers backends;

    @BeforeEach
    void stub() {
        backends.skills.stubFor(get(WireMock.urlPathMatching(PATH + "/.*"))
                .willReturn(aResponse().withStatus(200).withBody("[]")));
    }

    @Test
    void noTokenIsRefusedWithAProblemAndABearerChallenge() {
        given().when()
                .get(path)
                .then()
                .spec(Problems.problem(401))
                .header("WWW-Authenticate", "Bearer")
                .body("type", Matchers.equalTo("urn:sharedict:problem:unauthenticated"));
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=")
                .when()
                .get(path)
                .then()
                .spec(Problems.problem(401));
        notRouted();
    }

    @Test
    void aValidTokenIsRoutedWithItsAuthorizationUnchanged() {
        String token = Tokens.manager("BBC");
        given().auth().oauth2(token).when().get(path).then().statusCode(200);
        backends.skills.verify(
                anyRequestedFor(urlPathEqualTo(path)).withHeader("Authorization", WireMock.equalTo("Bearer " + token)));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = Tokens.as("late")
                .roles("viewer")
                .partner("BBC")
                .issuedAt(Instant.now().minus(Duration.ofHours(1)))
                .expiresIn(Duration.ofMinutes(10))
                .token();
        given().auth()
                .oauth2(expired)
                .when()
                .get(path)
                .then()
                .spec(Problems.problem(401))
                .body("detail", containsString("expired"));
        notRouted();
    }

    @Test
    void aTokenSecondsPastItsExpiryIsRefusedAsEveryServiceRefusesIt() {
        // Access tokens live 30 s; the platform's verification allows 5 s of clock skew, not MicroProfile's default 60.
        String late = Tokens.as("late")
                .roles("viewer")
                .partner("BBC")
                .issuedAt(Instant.now().minus(Duration.ofSeconds(45)))
                .expiresIn(Duration.ofSeconds(30))
                .token();
        given().auth()
                .oauth2(late)
                .when()
                .get(path)
                .then()
                .spec(Problems.problem(401))
                .body("detail", containsString("expired"));
        notRouted();
    }

    @Test
    void aTokenWithAChangedPayloadIsRefused() {
        String real = Tokens.viewer("BBC");
        Map<String, Object> claims = new HashMap<>(Jwts.claims(real));
        claims.put("groups", List.of("admin"));
        claims.remove("partner");
        given().auth()
                .oauth2(Jwts.withClaims(real, claims))
                .when()
                .get(path)
                .then()
                .spec(Problems.problem(401));
        notRouted();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        given().auth()
                .oauth2(Tokens.as("mallory")
                        .roles("admin")
                        .signedWithUnknownKey()
                        .token())
                .when()
                .get(path)
                .then()
                .spec(Problems.problem(401));
        notRouted();
    }

    @Test
    void anUnsignedTokenIsRefused() {
        Map<String, Object> claims = new HashMap<>(Jwts.claims(Tokens.admin()));
        given().auth().oauth2(Jwts.unsigned(claims)).when().get(path).then().spec(Problems.problem(401));
        notRouted();
    }

    @Test
    void aTokenSignedWithThePublicKeyAsAnHmacSecretIsRefused() throws Exception {
        // The classic algorithm confusion: HS256 keyed with the (public) RSA key must not verify.
        Map<String, Object> claims = new HashMap<>(Jwts.claims(Tokens.admin()));
        String input = Jwts.encode(Map.of("alg", "HS256", "typ", "JWT")) + "." + Jwts.encode(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Files.readAllBytes(TestKeys.publicKey()), "HmacSHA256"));
        String forged = input + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        given().auth().oauth2(forged).when().get(path).then().spec(Problems.problem(401));
        notRouted();
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        given().auth()
                .oauth2(Tokens.as("elsewhere")
                        .roles("admin")
                        .issuer("https://someone-else.example")
                        .token())
                .when()
                .get(path)
                .then()
                .spec(Problems.problem(401));
        given().auth().oauth2("not.a.jwt").when().get(path).then().spec(Problems.problem(401));
        notRouted();
    }

    @Test
    void aSignedOutSessionsTokenIsRefused() {
        String user = Accounts.unique("leaver");
        Accounts.create(user, "BBC", List.of("viewer"));
        String token = Accounts.accessToken(user);
        given().auth().oauth2(token).when().get(path).then().statusCode(200);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/auth/logout")
                .then()
                .statusCode(204);
        String after = path + "/after";
        given().auth()
                .oauth2(token)
                .when()
                .get(after)
                .then()
                .spec(Problems.problem(401))
                .body("detail", containsString("signed out"));
        given().auth().oauth2(token).when().get("/api/auth/me").then().spec(Problems.problem(401));
        backends.skills.verify(0, anyRequestedFor(urlPathEqualTo(after)));
    }

    private void notRouted() {
        backends.skills.verify(0, anyRequestedFor(urlPathEqualTo(path)));
    }
}
