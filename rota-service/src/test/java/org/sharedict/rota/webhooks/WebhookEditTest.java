package org.sharedict.rota.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

/** Editing a lifecycle-webhook subscription (address, events, on or off) and rotating its secret. */
@QuarkusTest
class WebhookEditTest {

    @InjectStubs
    WireMockServer stubs;

    private record Subscribed(String partner, long id, String secret, long version) {}

    private Subscribed subscribe(String partner, String path, List<String> events) {
        stubs.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
        JsonPath created = given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(Map.of("url", stubs.baseUrl() + path, "events", events))
                .post("/api/webhooks")
                .then()
                .statusCode(201)
                .body("enabled", equalTo(true))
                .extract()
                .jsonPath();
        return new Subscribed(partner, created.getLong("id"), created.getString("secret"), created.getLong("version"));
    }

    private static Map<String, Object> edit(String url, List<String> events, Boolean enabled) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("events", events);
        body.put("description", "Edited");
        body.put("enabled", enabled);
        return body;
    }

    private long raise(String partner) {
        Person engineer = person(stubs, partner, "Eve Edited");
        long policy = given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        unique("Edits"),
                        "partner",
                        partner,
                        "repeatCount",
                        0,
                        "steps",
                        List.of(Map.of(
                                "delay",
                                "PT10M",
                                "targets",
                                List.of(Map.of("kind", "PERSON", "personId", engineer.id()))))))
                .post("/api/escalation-policies")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        return given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(Map.of("partner", partner, "summary", "Edited hooks", "severity", "HIGH", "policyId", policy))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private List<LoggedRequest> calls(String path, String event) {
        return stubs.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .filter(r -> event.equals(r.getHeader("X-Sharedict-Event")))
                .toList();
    }

    private static String signature(String secret, LoggedRequest r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v1="
                + HexFormat.of()
                        .formatHex(mac.doFinal((r.getHeader("X-Sharedict-Timestamp") + "." + r.getBodyAsString())
                                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEditMovesTheAddressAndEventsAndKeepsTheSecret() throws Exception {
        String partner = Fixtures.partner(stubs);
        String oldPath = "/edit-old/" + partner.toLowerCase();
        String newPath = "/edit-new/" + partner.toLowerCase();
        Subscribed s = subscribe(partner, oldPath, List.of("incident.acknowledged"));
        stubs.stubFor(post(urlPathEqualTo(newPath)).willReturn(aResponse().withStatus(204)));

        String etag = given().auth()
                .oauth2(Tokens.manager(partner))
                .get("/api/webhooks/" + s.id())
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(edit(stubs.baseUrl() + newPath, List.of("incident.triggered", "incident.resolved"), true))
                .put("/api/webhooks/" + s.id())
                .then()
                .statusCode(200)
                .header("ETag", "\"" + (s.version() + 1) + "\"")
                .body("url", equalTo(stubs.baseUrl() + newPath))
                .body("events", equalTo(List.of("incident.triggered", "incident.resolved")))
                .body("description", equalTo("Edited"))
                .body("secret", nullValue());

        long incident = raise(partner);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> calls(newPath, "incident.triggered").size() == 1);
        LoggedRequest call = calls(newPath, "incident.triggered").get(0);
        assertEquals(signature(s.secret(), call), call.getHeader("X-Sharedict-Signature"), "the secret stays");
        assertEquals(incident, JsonPath.from(call.getBodyAsString()).getLong("incident.id"));
        assertEquals(0, stubs.findAll(postRequestedFor(urlPathEqualTo(oldPath))).size());

        // The same edit again, from the version read before it: refused, whichever way the version is named.
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(edit(stubs.baseUrl() + oldPath, List.of("incident.triggered"), true))
                .put("/api/webhooks/" + s.id())
                .then()
                .spec(problem(412));
        Map<String, Object> stale = edit(stubs.baseUrl() + oldPath, List.of("incident.triggered"), true);
        stale.put("version", s.version());
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(stale)
                .put("/api/webhooks/" + s.id())
                .then()
                .spec(problem(409));
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(edit(stubs.baseUrl() + oldPath, List.of("incident.triggered"), true))
                .put("/api/webhooks/" + s.id())
                .then()
                .spec(problem(428));
    }

    @Test
    void aDisabledSubscriberIsSentNothingWhileAnotherIsCalled() {
        String partner = Fixtures.partner(stubs);
        String offPath = "/edit-off/" + partner.toLowerCase();
        String onPath = "/edit-on/" + partner.toLowerCase();
        Subscribed off = subscribe(partner, offPath, List.of("incident.triggered"));
        Subscribed on = subscribe(partner, onPath, List.of("incident.triggered"));
        Map<String, Object> body = edit(stubs.baseUrl() + offPath, List.of("incident.triggered"), false);
        body.put("version", off.version());
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/webhooks/" + off.id())
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false));

        raise(partner);
        // The calls are queued in the transaction that raised the incident: one for the enabled subscriber only.
        given().auth()
                .oauth2(Tokens.manager(partner))
                .get("/api/webhooks/" + off.id() + "/attempts")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().auth()
                .oauth2(Tokens.manager(partner))
                .get("/api/webhooks/" + on.id() + "/attempts")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> calls(onPath, "incident.triggered").size() == 1);
        assertEquals(0, calls(offPath, "incident.triggered").size());
    }

    @Test
    void aRotatedSecretIsShownOnceAndSignsFromThenOn() throws Exception {
        String partner = Fixtures.partner(stubs);
        String path = "/edit-rotate/" + partner.toLowerCase();
        Subscribed s = subscribe(partner, path, List.of("incident.triggered"));
        String rotated = given().auth()
                .oauth2(Tokens.manager(partner))
                .post("/api/webhooks/" + s.id() + "/rotate-secret")
                .then()
                .statusCode(200)
                .body("secret", startsWith("whsec_"))
                .extract()
                .jsonPath()
                .getString("secret");
        assertNotEquals(s.secret(), rotated);
        given().auth()
                .oauth2(Tokens.manager(partner))
                .get("/api/webhooks/" + s.id())
                .then()
                .statusCode(200)
                .body("secret", nullValue());
        given().auth()
                .oauth2(Tokens.manager(partner))
                .post("/api/webhooks/" + s.id() + "/test")
                .then()
                .statusCode(202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> calls(path, "test").size() == 1);
        LoggedRequest call = calls(path, "test").get(0);
        assertEquals(signature(rotated, call), call.getHeader("X-Sharedict-Signature"));
    }

    @Test
    void editsAreRefusedNamingTheFieldAndOnlyThePartnersManagersMayMakeThem() {
        String partner = Fixtures.partner(stubs);
        Subscribed s = subscribe(partner, "/edit-bad/" + partner.toLowerCase(), List.of("incident.triggered"));
        String url = "https://example.org/hook";
        Map<String, Object> noEnabled = edit(url, List.of("incident.triggered"), null);
        noEnabled.put("version", s.version());
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(noEnabled)
                .put("/api/webhooks/" + s.id())
                .then()
                .spec(invalidField("enabled"));
        Map<String, Object> wrongEvent = edit(url, List.of("incident.exploded"), true);
        wrongEvent.put("version", s.version());
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(wrongEvent)
                .put("/api/webhooks/" + s.id())
                .then()
                .spec(invalidField("events"));
        Map<String, Object> ftp = edit("ftp://example.org/h", List.of("incident.triggered"), true);
        ftp.put("version", s.version());
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(ftp)
                .put("/api/webhooks/" + s.id())
                .then()
                .spec(invalidField("url"));
        Map<String, Object> fine = edit(url, List.of("incident.triggered"), false);
        fine.put("version", s.version());
        for (String token : List.of(Tokens.manager("OTHER"), Tokens.engineer(partner))) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(fine)
                    .put("/api/webhooks/" + s.id())
                    .then()
                    .spec(problem(403));
            given().auth()
                    .oauth2(token)
                    .post("/api/webhooks/" + s.id() + "/rotate-secret")
                    .then()
                    .spec(problem(403));
        }
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(fine)
                .put("/api/webhooks/987654321")
                .then()
                .spec(problem(404));
        // Nothing was changed by the refusals.
        given().auth()
                .oauth2(Tokens.manager(partner))
                .get("/api/webhooks/" + s.id())
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("version", equalTo((int) s.version()));
    }
}
