package org.sharedict.system.cluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.sharedict.testing.TestKeys;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black-box evidence for the escalation guarantees: two packaged rota-service processes share one
 * database (and its Quartz tables); incidents are raised through both; every step must reach its
 * person exactly once. Then one instance is killed mid-escalation (the other carries on), and
 * finally every instance is down while a step falls due (it fires when one starts again).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EscalationClusterIT {

    static final String DB = "rota_it";
    static final Pattern INSTANCE = Pattern.compile("\\(instance ([^)]+)\\)");

    static GreenMail mail;
    static WireMockServer skills;
    static RotaProcess a;
    static RotaProcess b;
    static String admin;
    static long nextPerson = 5000;

    static String jdbcBase() {
        return System.getenv().getOrDefault("TEST_DB_URL", "jdbc:mariadb://127.0.0.1:3306");
    }

    static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        jdbcBase() + "/",
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
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcBase() + "/" + DB);
        env.put("QUARKUS_DATASOURCE_USERNAME", System.getenv().getOrDefault("DB_USER", "root"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", System.getenv().getOrDefault("DB_PASSWORD", ""));
        env.put("JWT_PUBLIC_KEY_LOCATION", TestKeys.publicKey().toString());
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", Integer.toString(mail.getSmtp().getPort()));
        env.put("SKILLS_URL", skills.baseUrl());
        env.put("ROTA_QUARTZ_IDLE_WAIT", "2000");
        env.put("QUARKUS_LOG_LEVEL", "INFO");
        Path logs = Path.of("target", "it-logs");
        a = new RotaProcess("rota-a", env, logs);
        b = new RotaProcess("rota-b", env, logs);
        a.start();
        b.start();
        admin = Tokens.admin();
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

    static long person(String name) {
        long id = ++nextPerson;
        skills.stubFor(get(urlPathEqualTo("/api/people/" + id))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"id\": %d, \"partner\": \"BBC\", \"name\": \"%s\", \"email\": \"p%d@it.example\", \"manager\": false}"
                                        .formatted(id, name, id))));
        return id;
    }

    static String email(long person) {
        return "p" + person + "@it.example";
    }

    static long policy(String base, String name, String delay, long... persons) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (long p : persons) {
            steps.add(Map.of("delay", delay, "targets", List.of(Map.of("kind", "PERSON", "personId", p))));
        }
        return given().baseUri(base)
                .auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "partner", "BBC", "steps", steps))
                .when()
                .post("/api/escalation-policies")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    static long raise(String base, long policy, String summary) {
        return given().baseUri(base)
                .auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("partner", "BBC", "summary", summary, "severity", "CRITICAL", "policyId", policy))
                .when()
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    static JsonPath incident(String base, long id) {
        return given().baseUri(base)
                .auth()
                .oauth2(admin)
                .when()
                .get("/api/incidents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static long mailsFor(long person, long incident) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(email(person))
                                && m.getSubject().contains("incident #" + incident + ":");
                    } catch (Exception e) {
                        return false;
                    }
                })
                .count();
    }

    static List<Map<String, Object>> steps(JsonPath incident) {
        List<Map<String, Object>> events = incident.getList("timeline");
        return events.stream()
                .filter(e -> "STEP_NOTIFIED".equals(e.get("kind")))
                .toList();
    }

    @Test
    @Order(1)
    void twoInstancesOnOneDatabaseFireEachEscalationStepExactlyOnce() {
        long s1 = person("Step One");
        long s2 = person("Step Two");
        long s3 = person("Step Three");
        long policy = policy(a.url(), "Three steps, two seconds apart", "PT2S", s1, s2, s3);
        List<Long> incidents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            incidents.add(raise((i % 2 == 0 ? a : b).url(), policy, "cluster incident " + i));
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> incidents.stream()
                        .allMatch(id ->
                                incident(a.url(), id).getList("timeline.kind").contains("ESCALATION_EXHAUSTED")));
        // E-mail leaves through the outbox after the step that queued it, so the last steps' mail
        // may still be on its way when the escalation is exhausted; a double would arrive with it.
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> incidents.stream()
                        .allMatch(id -> mailsFor(s1, id) > 0 && mailsFor(s2, id) > 0 && mailsFor(s3, id) > 0));
        Set<String> instances = new HashSet<>();
        for (long id : incidents) {
            JsonPath i = incident(b.url(), id);
            List<Map<String, Object>> steps = steps(i);
            assertEquals(
                    List.of(1, 2, 3), steps.stream().map(e -> e.get("step")).toList(), "incident " + id + " steps");
            for (Map<String, Object> step : steps) {
                Matcher m = INSTANCE.matcher((String) step.get("detail"));
                assertTrue(m.find(), (String) step.get("detail"));
                instances.add(m.group(1));
            }
            assertEquals(1, mailsFor(s1, id), "step 1 of incident " + id);
            assertEquals(1, mailsFor(s2, id), "step 2 of incident " + id);
            assertEquals(1, mailsFor(s3, id), "step 3 of incident " + id);
        }
        assertEquals(2, instances.size(), "both instances fired steps: " + instances);
    }

    @Test
    @Order(2)
    void whenAnInstanceDiesMidEscalationTheOtherCarriesOn() throws Exception {
        long s1 = person("First Responder");
        long s2 = person("Second Responder");
        long policy = policy(a.url(), "Two steps, four seconds apart", "PT4S", s1, s2);
        List<Long> incidents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            incidents.add(raise(a.url(), policy, "before the crash " + i));
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> incidents.stream().allMatch(id -> mailsFor(s1, id) == 1));
        a.kill();
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> incidents.stream().allMatch(id -> mailsFor(s2, id) == 1));
        for (long id : incidents) {
            List<Map<String, Object>> steps = steps(incident(b.url(), id));
            assertEquals(List.of(1, 2), steps.stream().map(e -> e.get("step")).toList(), "incident " + id);
            assertEquals(1, mailsFor(s2, id));
        }
        a.start();
    }

    @Test
    @Order(3)
    void aStepThatFellDueWhileEveryInstanceWasDownFiresAtStartUp() throws Exception {
        long s1 = person("Before Restart");
        long s2 = person("After Restart");
        // Long enough that both instances are surely down before step 2 falls due, however slowly they stop.
        long policy = policy(a.url(), "Step two after thirty seconds", "PT30S", s1, s2);
        long id = raise(b.url(), policy, "escalation across a restart");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mailsFor(s1, id) == 1);
        Instant due = Instant.parse(incident(a.url(), id).getString("nextEscalationAt"));
        a.stop();
        b.stop();
        assertTrue(Instant.now().isBefore(due), "both instances stopped before step 2 was due");
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> Instant.now().isAfter(due.plusSeconds(3)));
        assertEquals(0, mailsFor(s2, id), "nobody was running to send step 2");
        Instant restarted = Instant.now();
        a.start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> mailsFor(s2, id) == 1);
        Map<String, Object> step2 = steps(incident(a.url(), id)).get(1);
        assertEquals(2, step2.get("step"));
        assertTrue(Instant.parse((String) step2.get("at")).isAfter(restarted), "fired after the restart");
        assertTrue(((Number) step2.get("lateMillis")).longValue() > 3000, "it was overdue: " + step2);
        b.start();
        Awaitility.await()
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(40))
                .until(() -> mailsFor(s2, id) == 1);
    }
}
