package org.sharedict.gateway.routing;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.sharedict.gateway.testing.Backends;
import org.sharedict.gateway.testing.InjectBackends;
import org.sharedict.testing.Problems;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reverse proxy: what reaches the services and what comes back, byte for byte where it matters. */
@QuarkusTest
class RoutingTest {

    @InjectBackends
    Backends.Servers backends;

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void eachPrefixOfTheRouteTableReachesItsService() {
        Map<String, WireMockServer> table = Map.ofEntries(
                Map.entry("/api/partners", backends.skills),
                Map.entry("/api/people/12", backends.skills),
                Map.entry("/api/skills/CITRIX", backends.skills),
                Map.entry("/api/experts", backends.skills),
                Map.entry("/api/reports/skills/key-person-risk", backends.skills),
                Map.entry("/api/aid/requests/4", backends.skills),
                Map.entry("/api/rotas/3", backends.rota),
                Map.entry("/api/oncall", backends.rota),
                Map.entry("/api/escalation-policies", backends.rota),
                Map.entry("/api/incidents/9", backends.rota),
                Map.entry("/api/calendar/bank-holidays", backends.rota),
                Map.entry("/api/contacts/12/methods", backends.rota),
                Map.entry("/api/dr/plans/4/analysis", backends.dr),
                Map.entry("/api/audit/skills", backends.skills),
                Map.entry("/api/audit/rota/kinds", backends.rota),
                Map.entry("/api/audit/dr", backends.dr));
        String token = Tokens.viewer("BBC");
        table.forEach((path, server) -> {
            String marker = UUID.randomUUID().toString();
            server.stubFor(get(urlPathEqualTo(path))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"marker\":\"" + marker + "\"}")));
            given().auth()
                    .oauth2(token)
                    .queryParam("page", "2")
                    .when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .body("marker", equalTo(marker));
            server.verify(getRequestedFor(urlEqualTo(path + "?page=2")));
        });
    }

    @Test
    void aPrefixMatchesOnlyWholeSegments() {
        // /api/drills is not under /api/dr: it is not routed, so the gateway itself answers 404.
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/drills")
                .then()
                .spec(Problems.problem(404));
        backends.dr.verify(0, anyRequestedFor(urlPathEqualTo("/api/drills")));
    }

    @Test
    void everyMethodPassesThroughWithItsHeadersBodyAndStatus() {
        String path = "/api/rotas/7/members";
        backends.rota.stubFor(any(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(207)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Rota-Answer", "yes")
                        .withHeader("ETag", "\"5\"")
                        .withBody("{\"ok\":true}")));
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD")) {
            String body = "{\"method\":\"" + method + "\"}";
            var request = given().auth()
                    .oauth2(Tokens.manager("BBC"))
                    .header("X-Custom", "kept " + method)
                    .header("If-Match", "\"4\"")
                    .queryParam("q", "a b&c");
            if (!method.equals("GET")
                    && !method.equals("HEAD")
                    && !method.equals("OPTIONS")
                    && !method.equals("DELETE")) {
                request = request.contentType("application/json").body(body);
            }
            Response r = request.when().request(method, path);
            r.then().statusCode(207).header("X-Rota-Answer", "yes").header("ETag", "\"5\"");
            if (!method.equals("HEAD")) {
                r.then().body("ok", is(true));
            }
            LoggedRequest seen = last(backends.rota, method, path);
            assertEquals("kept " + method, seen.getHeader("X-Custom"));
            assertEquals("\"4\"", seen.getHeader("If-Match"));
            assertEquals("a b&c", seen.queryParameter("q").firstValue());
            assertTrue(seen.getHeader("Authorization").startsWith("Bearer "), "the token goes on to the service");
            if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
                assertEquals(body, seen.getBodyAsString());
            }
        }
    }

    @Test
    void aServicesErrorAnswerPassesThroughUnchanged() {
        String problem =
                "{\"type\":\"urn:sharedict:problem:concurrent-edit\",\"title\":\"Edited by someone else\",\"status\":409}";
        backends.dr.stubFor(post(urlEqualTo("/api/dr/plans/8/approve"))
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(problem)));
        backends.dr.stubFor(get(urlEqualTo("/api/dr/plans/8/broken"))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":500}")));
        String body = given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .post("/api/dr/plans/8/approve")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .extract()
                .asString();
        assertEquals(problem, body);
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .get("/api/dr/plans/8/broken")
                .then()
                .statusCode(500);
    }

    @Test
    void aBinaryUploadArrivesByteForByte() {
        byte[] pdf = random(3 * 1024 * 1024, 1);
        backends.skills.stubFor(post(urlEqualTo("/api/people/import"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"created\":0}")));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/octet-stream")
                .body(pdf)
                .when()
                .post("/api/people/import")
                .then()
                .statusCode(200);
        backends.skills.verify(postRequestedFor(urlEqualTo("/api/people/import"))
                .withHeader("Content-Type", WireMock.containing("application/octet-stream"))
                .withHeader("Content-Length", WireMock.equalTo(Integer.toString(pdf.length)))
                .withRequestBody(binaryEqualTo(pdf)));
    }

    @Test
    void aLargeBinaryDownloadIsIdentical() throws Exception {
        byte[] pdf = random(30 * 1024 * 1024, 2);
        backends.dr.stubFor(get(urlEqualTo("/api/dr/plans/5/export.pdf"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/pdf")
                        .withHeader("Content-Disposition", "attachment; filename=\"plan.pdf\"")
                        .withBody(pdf)));
        Response r = given().auth().oauth2(Tokens.viewer("BBC")).when().get("/api/dr/plans/5/export.pdf");
        r.then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"plan.pdf\"");
        assertArrayEquals(sha256(pdf), sha256(r.asByteArray()));
    }

    @Test
    void aChunkedAnswerOfUnknownLengthPassesThrough() {
        String csv = "skill,partner,holders\n" + "CITRIX,BBC,1\n".repeat(2000);
        backends.skills.stubFor(get(urlEqualTo("/api/reports/skills/coverage.csv"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/csv")
                        .withBody(csv)
                        .withChunkedDribbleDelay(8, 200)));
        Response r = given().auth().oauth2(Tokens.manager("BBC")).when().get("/api/reports/skills/coverage.csv");
        r.then().statusCode(200).contentType("text/csv").header("Content-Length", nullValue());
        assertEquals(csv, r.asString());
    }

    @Test
    void anAnswerIsStreamedToTheClientNotBufferedFirst() throws Exception {
        backends.probe.armStream();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> r = http.send(
                HttpRequest.newBuilder(gateway.resolve("/api/probe/stream"))
                        .header("Authorization", "Bearer " + Tokens.viewer("BBC"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
        // The probe holds back its second chunk until released: the first can only arrive if it is passed on at once.
        String first = CompletableFuture.supplyAsync(() -> readLine(reader)).get(15, TimeUnit.SECONDS);
        assertEquals("first chunk", first);
        backends.probe.releaseStream();
        assertEquals("second chunk", readLine(reader));
        assertNull(readLine(reader));
    }

    @Test
    void calendarFeedsNeedNoTokenButTheRestOfTheCalendarDoes() {
        String ics =
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//rota-service//EN\r\nBEGIN:VEVENT\r\nUID:shift-1@sharedict\r\n"
                        + "DTSTART:20261122T173000Z\r\nDTEND:20261123T083000Z\r\nSUMMARY:On call\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        backends.rota.stubFor(get(urlEqualTo("/api/calendar/feeds/f33d5ecret.ics"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/calendar; charset=utf-8")
                        .withBody(ics)));
        String got = given().when()
                .get("/api/calendar/feeds/f33d5ecret.ics")
                .then()
                .statusCode(200)
                .contentType("text/calendar; charset=utf-8")
                .extract()
                .asString();
        assertEquals(ics, got);
        given().when()
                .get("/api/calendar/feeds")
                .then()
                .spec(Problems.problem(401))
                .header("WWW-Authenticate", "Bearer");
        given().when().get("/api/calendar/feeds/a/b.ics").then().spec(Problems.problem(401));
    }

    @Test
    void monitoringPostsAlertsWithoutATokenAndItsBearerKeyReachesRotaService() {
        backends.rota.stubFor(post(urlPathEqualTo("/api/intake/events"))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"alerts\":[]}")));
        backends.rota.stubFor(post(urlPathEqualTo("/api/intake/rik_abcdefghijkm_s3cr3t/alertmanager"))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"alerts\":[]}")));
        given().header("Authorization", "Bearer rik_abcdefghijkm_s3cr3t")
                .contentType("application/json")
                .body("{\"action\":\"trigger\",\"summary\":\"x\"}")
                .when()
                .post("/api/intake/events")
                .then()
                .statusCode(202);
        LoggedRequest seen = backends.rota
                .findAll(postRequestedFor(urlPathEqualTo("/api/intake/events")))
                .get(0);
        assertEquals("Bearer rik_abcdefghijkm_s3cr3t", seen.getHeader("Authorization"), "rota-service checks the key");
        given().contentType("application/json")
                .body("{\"status\":\"firing\"}")
                .when()
                .post("/api/intake/rik_abcdefghijkm_s3cr3t/alertmanager")
                .then()
                .statusCode(202);
        given().when().get("/api/integrations").then().spec(Problems.problem(401));
    }

    @Test
    void pageActionLinksNeedNoTokenAndKeepTheirOwnContentSecurityPolicy() {
        String path = "/api/incidents/actions/cGF5bG9hZA.c2lnbmF0dXJl";
        String csp = "default-src 'none'; style-src 'self'; form-action 'self'";
        for (String method : List.of("GET", "POST")) {
            backends.rota.stubFor(request(method, urlEqualTo(path))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "text/html;charset=UTF-8")
                            .withHeader("Content-Security-Policy", csp)
                            .withBody("<h1>" + method + "</h1>")));
            given().when()
                    .request(method, path)
                    .then()
                    .statusCode(200)
                    .header("Content-Security-Policy", csp)
                    .body(equalTo("<h1>" + method + "</h1>"));
        }
        // Only the link itself: the incident behind it and the webhooks still need a token.
        given().when().get("/api/incidents/actions/a/b").then().spec(Problems.problem(401));
        given().when().get("/api/incidents/1").then().spec(Problems.problem(401));
        given().when().get("/api/webhooks").then().spec(Problems.problem(401));
    }

    @Test
    void skillsServiceEmailLinksNeedNoTokenButTheRestOfItsPathsDo() {
        String path = "/api/links/cGF5bG9hZA.c2lnbmF0dXJl";
        for (String method : List.of("GET", "POST")) {
            backends.skills.stubFor(request(method, urlEqualTo(path))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "text/html;charset=UTF-8")
                            .withBody("<h1>" + method + "</h1>")));
            given().when().request(method, path).then().statusCode(200).body(equalTo("<h1>" + method + "</h1>"));
        }
        given().when().get("/api/links/a/b").then().spec(Problems.problem(401));
        given().when().get("/api/aid/requests/1").then().spec(Problems.problem(401));
    }

    @Test
    void copyAcknowledgementLinksNeedNoTokenButTheRegisterDoes() {
        String path = "/api/dr/copies/acknowledge/cGF5bG9hZA.c2lnbmF0dXJl";
        for (String method : List.of("GET", "POST")) {
            backends.dr.stubFor(request(method, urlEqualTo(path))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "text/html;charset=UTF-8")
                            .withBody("<h1>" + method + "</h1>")));
            given().when().request(method, path).then().statusCode(200).body(equalTo("<h1>" + method + "</h1>"));
        }
        given().when().get("/api/dr/copies/acknowledge/a/b").then().spec(Problems.problem(401));
        given().when().get("/api/dr/plans/1/copy-holders").then().spec(Problems.problem(401));
    }

    @Test
    void providerCallbacksPassWithTheirOwnBearerTokenButContactMethodsNeedASignIn() {
        backends.rota.stubFor(post(urlEqualTo("/api/paging/notify/replies"))
                .willReturn(aResponse().withStatus(204)));
        given().header("Authorization", "Bearer notify-callback-secret")
                .contentType("application/json")
                .body("{\"source_number\": \"447700900123\", \"content\": \"1a\"}")
                .when()
                .post("/api/paging/notify/replies")
                .then()
                .statusCode(204);
        // rota-service, not the gateway, judges Notify's token: it must arrive as sent.
        backends.rota.verify(postRequestedFor(urlEqualTo("/api/paging/notify/replies"))
                .withHeader("Authorization", WireMock.equalTo("Bearer notify-callback-secret")));
        given().when().get("/api/contacts/12/methods").then().spec(Problems.problem(401));
        given().when().post("/api/paging/notify/anything-else").then().spec(Problems.problem(401));
    }

    @Test
    void hopByHopHeadersAreNotPassedOnEitherWay() {
        String path = "/api/rotas/hops";
        backends.rota.stubFor(get(urlEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/plain")
                        .withHeader("Keep-Alive", "timeout=5")
                        .withHeader("Proxy-Authenticate", "Basic")
                        .withHeader("Upgrade", "h2c")
                        .withHeader("X-End-To-End", "kept")
                        .withBody("ok")));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .header("Connection", "keep-alive, X-Hop-Secret")
                .header("X-Hop-Secret", "s")
                .header("TE", "trailers")
                .header("Proxy-Authorization", "Basic eDp5")
                .header("X-End-To-End", "kept")
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .header("Keep-Alive", nullValue())
                .header("Proxy-Authenticate", nullValue())
                .header("Upgrade", nullValue())
                .header("X-End-To-End", "kept");
        LoggedRequest seen = last(backends.rota, "GET", path);
        assertFalse(seen.containsHeader("X-Hop-Secret"), "named in Connection: hop-by-hop");
        assertFalse(seen.containsHeader("TE"));
        assertFalse(seen.containsHeader("Proxy-Authorization"));
        assertEquals("kept", seen.getHeader("X-End-To-End"));
    }

    @Test
    void theRequestIdIsPassedOnOrMadeAndEchoed() {
        backends.skills.stubFor(get(urlEqualTo("/api/skills/ids"))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .header("X-Request-Id", "trace-me-123")
                .when()
                .get("/api/skills/ids")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "trace-me-123");
        assertEquals(
                "trace-me-123", last(backends.skills, "GET", "/api/skills/ids").getHeader("X-Request-Id"));

        String made = given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/skills/ids")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Request-Id");
        assertTrue(made.matches("[0-9a-f-]{36}"), made);
        assertEquals(made, last(backends.skills, "GET", "/api/skills/ids").getHeader("X-Request-Id"));
        List<String> echoed = given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/skills/ids")
                .headers()
                .getValues("X-Request-Id");
        assertEquals(1, echoed.size(), "one request ID on the answer, not the gateway's and the service's");
    }

    @Test
    void theServiceIsToldWhereTheRequestCameFrom() {
        backends.dr.stubFor(get(urlEqualTo("/api/dr/templates"))
                .willReturn(aResponse().withStatus(200).withBody("[]")));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .header("X-Forwarded-For", "203.0.113.9")
                .when()
                .get("/api/dr/templates")
                .then()
                .statusCode(200);
        LoggedRequest seen = last(backends.dr, "GET", "/api/dr/templates");
        assertEquals("127.0.0.1", seen.getHeader("X-Forwarded-For"), "a client's own X-Forwarded-For is not trusted");
        assertEquals("http", seen.getHeader("X-Forwarded-Proto"));
        assertEquals(gateway.getHost() + ":" + gateway.getPort(), seen.getHeader("X-Forwarded-Host"));
    }

    @Test
    void aLocationOnTheServicesOwnAddressBecomesAPathOnTheGateway() {
        backends.skills.stubFor(post(urlEqualTo("/api/people"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Location", backends.skills.baseUrl() + "/api/people/77")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":77}")));
        given().auth()
                .oauth2(Tokens.manager("BBC"))
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/people")
                .then()
                .statusCode(201)
                .header("Location", Matchers.endsWith("/api/people/77"))
                .header("Location", Matchers.not(Matchers.containsString(":" + backends.skills.port())));
    }

    static LoggedRequest last(WireMockServer server, String method, String path) {
        List<LoggedRequest> all = server.findAll(anyRequestedFor(urlPathEqualTo(path)));
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).getMethod().getName().equals(method)) {
                return all.get(i);
            }
        }
        throw new AssertionError("no " + method + " " + path + " reached the service");
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }

    private static String readLine(BufferedReader r) {
        try {
            return r.readLine();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
