package org.sharedict.gateway.apikeys;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.sharedict.gateway.testing.Backends;
import org.sharedict.gateway.testing.InjectBackends;
import org.sharedict.gateway.testing.Jwts;
import org.sharedict.gateway.testing.TestClock;
import org.sharedict.testing.Problems;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API keys: shown once, stored hashed, exchanged for a scoped token, limited to their permissions, revocable. */
@QuarkusTest
class ApiKeyTest {

    @InjectBackends
    Backends.Servers backends;

    @Inject
    DataSource db;

    @Inject
    TestClock clock;

    @Test
    void aKeyIsShownOnceAndStoredOnlyAsAHash() throws Exception {
        JsonPath made = create(Tokens.admin(), "Boston network monitoring", "BBC", List.of("incidents:write"), null)
                .then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .extract()
                .jsonPath();
        String key = made.getString("key");
        assertTrue(key.startsWith("sik_"), key);
        int id = made.getInt("apiKey.id");
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/api-keys/" + id)
                .then()
                .statusCode(200)
                .body("$", not(Matchers.hasKey("key")))
                .body("prefix", equalTo(key.substring(0, 16)))
                .body("permissions", equalTo(List.of("incidents:write")));
        String secret = key.substring(17);
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM api_key WHERE id = " + id)) {
            assertTrue(rs.next());
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String value = rs.getString(i);
                assertFalse(
                        value != null && value.contains(secret), "the secret is stored in " + meta.getColumnName(i));
            }
        }
    }

    @Test
    void aRequestWithAKeyIsForwardedWithAShortLivedTokenOfTheContract() {
        String key = create(Tokens.admin(), "Boston monitoring", "BBC", List.of("incidents:write"), null)
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        backends.rota.stubFor(post(urlEqualTo("/api/incidents"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":1}")));
        given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body("{\"partner\":\"BBC\",\"title\":\"Core switch down\"}")
                .when()
                .post("/api/incidents")
                .then()
                .statusCode(201);
        List<LoggedRequest> seen = backends.rota.findAll(anyRequestedFor(urlEqualTo("/api/incidents")));
        LoggedRequest last = seen.get(seen.size() - 1);
        assertFalse(last.containsHeader("X-Api-Key"), "the key itself never reaches the services");
        String token = last.getHeader("Authorization").substring("Bearer ".length());
        Map<String, Object> claims = Jwts.claims(token);
        assertTrue(claims.get("sub").toString().startsWith("apikey:"), claims.toString());
        assertEquals(List.of("integration"), claims.get("groups"));
        assertEquals("BBC", claims.get("partner"));
        assertEquals("incidents:write", claims.get("scope"));
        assertEquals("RS256", Jwts.header(token).get("alg"));
        long life = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
        assertEquals(30, life);
    }

    @Test
    void aStatusBoardKeyReadsWhoIsOnCallAndTheRotasButChangesNothing() {
        String key = create(Tokens.admin(), "Status board", "BBC", List.of("oncall:read", "rotas:read"), null)
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        backends.rota.stubFor(WireMock.get(urlPathEqualTo("/api/oncall"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"partner\":\"BBC\",\"covered\":true}")));
        backends.rota.stubFor(WireMock.get(urlPathEqualTo("/api/rotas/5/shifts"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("[]")));
        given().header("X-Api-Key", key)
                .when()
                .get("/api/oncall?partner=BBC")
                .then()
                .statusCode(200);
        given().header("X-Api-Key", key)
                .when()
                .get("/api/rotas/5/shifts")
                .then()
                .statusCode(200);
        String token = backends.rota
                .findAll(anyRequestedFor(urlPathEqualTo("/api/oncall")))
                .get(0)
                .getHeader("Authorization")
                .substring("Bearer ".length());
        assertEquals("oncall:read rotas:read", Jwts.claims(token).get("scope"));
        given().header("X-Api-Key", key).when().get("/api/incidents").then().spec(Problems.problem(403));
        given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/incidents")
                .then()
                .spec(Problems.problem(403));
        given().header("X-Api-Key", key).when().get("/api/integrations").then().spec(Problems.problem(403));
    }

    @Test
    void aKeyReachesOnlyWhatItsPermissionsAllow() {
        String key = create(Tokens.admin(), "Monitoring", "BBC", List.of("incidents:write"), null)
                .then()
                .extract()
                .path("key");
        String rotas = "/api/rotas/" + UUID.randomUUID();
        given().header("X-Api-Key", key).when().get(rotas).then().spec(Problems.problem(403));
        given().header("X-Api-Key", key).when().get("/api/users").then().spec(Problems.problem(403));
        given().header("X-Api-Key", key)
                .when()
                .delete("/api/incidents/4")
                .then()
                .spec(Problems.problem(403));
        backends.rota.verify(0, anyRequestedFor(urlPathEqualTo(rotas)));
        create(Tokens.admin(), "Bad", "BBC", List.of("everything:write"), null)
                .then()
                .spec(Problems.invalidField("permissions"));
        create(Tokens.admin(), "", "BBC", List.of("incidents:write"), null)
                .then()
                .spec(Problems.invalidField("name"));
        create(
                        Tokens.admin(),
                        "Past",
                        "BBC",
                        List.of("incidents:write"),
                        Instant.now().minusSeconds(60))
                .then()
                .spec(Problems.invalidField("expiresAt"));
        create(Tokens.admin(), "Nowhere", "NOPE", List.of("incidents:write"), null)
                .then()
                .spec(Problems.invalidField("partner"));
    }

    @Test
    void aManagerMakesKeysForTheirOwnPartnerOnly() {
        create(Tokens.manager("LCC"), "Lincoln monitoring", "LCC", List.of("incidents:write"), null)
                .then()
                .statusCode(201);
        create(Tokens.manager("LCC"), "Boston monitoring", "BBC", List.of("incidents:write"), null)
                .then()
                .spec(Problems.problem(403));
        create(Tokens.engineer("LCC"), "Mine", "LCC", List.of("incidents:write"), null)
                .then()
                .spec(Problems.problem(403));
        given().auth()
                .oauth2(Tokens.manager("LCC"))
                .when()
                .get("/api/api-keys")
                .then()
                .statusCode(200)
                .body("items.partner", Matchers.everyItem(equalTo("LCC")));
    }

    @Test
    void aRevokedWrongOrExpiredKeyIsRefused() {
        JsonPath made = create(Tokens.admin(), "Soon revoked", "BBC", List.of("incidents:write"), null)
                .then()
                .extract()
                .jsonPath();
        String key = made.getString("key");
        backends.rota.stubFor(post(urlEqualTo("/api/incidents"))
                .willReturn(aResponse().withStatus(201).withBody("{}")));
        given().header("X-Api-Key", key).when().post("/api/incidents").then().statusCode(201);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .delete("/api/api-keys/" + made.getInt("apiKey.id"))
                .then()
                .statusCode(200)
                .body("revoked", equalTo(true));
        given().header("X-Api-Key", key).when().post("/api/incidents").then().spec(Problems.problem(401));
        given().header("X-Api-Key", key.substring(0, key.length() - 3) + "abc")
                .when()
                .post("/api/incidents")
                .then()
                .spec(Problems.problem(401));
        given().header("X-Api-Key", "sik_nonsense")
                .when()
                .post("/api/incidents")
                .then()
                .spec(Problems.problem(401));

        clock.stop();
        try {
            String brief = create(
                            Tokens.admin(),
                            "One minute",
                            "BBC",
                            List.of("incidents:write"),
                            clock.instant().plusSeconds(60))
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("key");
            clock.advance(Duration.ofSeconds(59));
            given().header("X-Api-Key", brief)
                    .when()
                    .post("/api/incidents")
                    .then()
                    .statusCode(201);
            clock.advance(Duration.ofSeconds(1));
            given().header("X-Api-Key", brief)
                    .when()
                    .post("/api/incidents")
                    .then()
                    .spec(Problems.problem(401));
        } finally {
            clock.reset();
        }
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("entityType", "api_key")
                .queryParam("action", "REVOKE")
                .when()
                .get("/api/auth/audit")
                .then()
                .body("items.entityId", Matchers.hasItem(Integer.toString(made.getInt("apiKey.id"))));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("includeRevoked", true)
                .when()
                .get("/api/api-keys")
                .then()
                .body("items.prefix", Matchers.hasItem(startsWith("sik_")));
    }

    static Response create(String token, String name, String partner, List<String> permissions, Instant expires) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("partner", partner);
        body.put("permissions", permissions);
        if (expires != null) {
            body.put("expiresAt", expires.toString());
        }
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/api-keys");
    }
}
