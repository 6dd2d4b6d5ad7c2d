package org.sharedict.system.cluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.TestKeys;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Heartbeat monitors on two packaged rota-service processes sharing one database: both run the
 * clustered silence check every two seconds, monitors are pinged through either, and every silent
 * monitor raises exactly one incident (one page); after one instance dies, pings through the other
 * resolve them all.
 */
class HeartbeatClusterIT {

    static final String DB = "rota_hb_it";
    static final long PERSON = 7001;
    static final String EMAIL = "heartbeat.responder@it.example";

    static GreenMail mail;
    static WireMockServer skills;
    static RotaProcess a;
    static RotaProcess b;
    static String manager;

    static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        EscalationClusterIT.jdbcBase() + "/",
                        System.getenv().getOrDefault("DB_USER", "root"),
                        System.getenv().getOrDefault("DB_PASSWORD", ""));
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @BeforeAll
    static void startTwoInstances() throws Exception {
        // Killing an instance mid-conversation resets its SMTP connection, and GreenMail's handler thread
        // throws about it: the crash is this test's own doing, not a failure for Awaitility to report.
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
        sql("DROP DATABASE IF EXISTS " + DB);
        sql("CREATE DATABASE " + DB);
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        skills = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        skills.start();
        skills.stubFor(get(urlPathEqualTo("/api/partners/BBC"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": \"BBC\", \"name\": \"Boston Borough Council\"}")));
        skills.stubFor(get(urlPathEqualTo("/api/people/" + PERSON))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"id\": %d, \"partner\": \"BBC\", \"name\": \"Hattie Heartbeat\", \"email\": \"%s\", \"manager\": false}"
                                        .formatted(PERSON, EMAIL))));
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", EscalationClusterIT.jdbcBase() + "/" + DB);
        env.put("QUARKUS_DATASOURCE_USERNAME", System.getenv().getOrDefault("DB_USER", "root"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", System.getenv().getOrDefault("DB_PASSWORD", ""));
        env.put("JWT_PUBLIC_KEY_LOCATION", TestKeys.publicKey().toString());
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", Integer.toString(mail.getSmtp().getPort()));
        env.put("SKILLS_URL", skills.baseUrl());
        env.put("ROTA_QUARTZ_IDLE_WAIT", "1000");
        env.put("ROTA_HEARTBEAT_CHECK_CRON", "*/2 * * * * ?");
        env.put("QUARKUS_LOG_LEVEL", "INFO");
        Path logs = Path.of("target", "it-logs");
        a = new RotaProcess("rota-hb-a", env, logs);
        b = new RotaProcess("rota-hb-b", env, logs);
        a.start();
        b.start();
        manager = Tokens.manager("BBC");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        Awaitility.reset();
        if (a != null) {
            a.stop();
        }
        if (b != null) {
            b.stop();
        }
        if (mail != null) {
            mail.stop();
        }
        if (skills != null) {
            skills.stop();
        }
        sql("DROP DATABASE IF EXISTS " + DB);
    }

    static long policy() {
        return given().baseUri(a.url())
                .auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Heartbeat responder",
                        "partner",
                        "BBC",
                        "steps",
                        List.of(Map.of(
                                "delay", "PT30M", "targets", List.of(Map.of("kind", "PERSON", "personId", PERSON))))))
                .when()
                .post("/api/escalation-policies")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    static List<Map<String, Object>> monitors(String base) {
        return given().baseUri(base)
                .auth()
                .oauth2(manager)
                .when()
                .get("/api/integrations/heartbeats?partner=BBC")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    static List<Map<String, Object>> alerts(String base) {
        return given().baseUri(base)
                .auth()
                .oauth2(manager)
                .when()
                .get("/api/integrations/alerts?partner=BBC&size=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    static long pagesFor(long incident) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(EMAIL)
                                && m.getSubject().contains("incident #" + incident + ":");
                    } catch (Exception e) {
                        return false;
                    }
                })
                .count();
    }

    @Test
    void twoInstancesRaiseOneIncidentPerSilentMonitorAndPingsResolveThem() throws Exception {
        long policy = policy();
        List<String> pings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String base = (i % 2 == 0 ? a : b).url();
            JsonPath created = given().baseUri(base)
                    .auth()
                    .oauth2(manager)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "partner",
                            "BBC",
                            "name",
                            "Job " + i,
                            "policyId",
                            policy,
                            "severity",
                            "HIGH",
                            "intervalSeconds",
                            30,
                            "graceSeconds",
                            0))
                    .when()
                    .post("/api/integrations/heartbeats")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            String url = created.getString("pingUrl");
            String path = url.substring(url.indexOf("/api/intake/heartbeats/"));
            pings.add(path);
            given().baseUri((i % 2 == 0 ? b : a).url()).when().get(path).then().statusCode(200);
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> monitors(b.url()).stream().allMatch(m -> "DOWN".equals(m.get("state"))));
        List<Map<String, Object>> down = monitors(a.url());
        List<Long> incidents = down.stream()
                .map(m -> ((Number) m.get("incidentId")).longValue())
                .toList();
        assertEquals(8, incidents.stream().distinct().count(), "one incident per monitor: " + down);
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> incidents.stream().allMatch(id -> pagesFor(id) > 0));
        // Both instances kept checking every two seconds meanwhile: nothing was raised twice.
        Awaitility.await()
                .during(Duration.ofSeconds(6))
                .atMost(Duration.ofSeconds(30))
                .until(() -> alerts(a.url()).stream()
                                .filter(x -> "RAISED".equals(x.get("outcome")))
                                .count()
                        == 8);
        for (long id : incidents) {
            assertEquals(1, pagesFor(id), "incident " + id + " paged once");
        }

        a.kill();
        for (String ping : pings) {
            given().baseUri(b.url()).when().post(ping).then().statusCode(200);
        }
        for (long id : incidents) {
            assertEquals(
                    "RESOLVED",
                    given().baseUri(b.url())
                            .auth()
                            .oauth2(Tokens.admin())
                            .when()
                            .get("/api/incidents/" + id)
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("status"));
        }
        assertEquals(
                8,
                alerts(b.url()).stream()
                        .filter(x -> "RESOLVED".equals(x.get("outcome")))
                        .count());
    }
}
