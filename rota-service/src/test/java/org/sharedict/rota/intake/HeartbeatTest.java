package org.sharedict.rota.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.intake.IntakeFixtures.Setup;
import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.rota.testing.TestClock;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class HeartbeatTest {

    @InjectStubs
    WireMockServer stubs;

    @InjectMailServer
    GreenMail mail;

    @Inject
    TestClock clock;

    @Inject
    HeartbeatScheduler scheduler;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private Setup setup() {
        return IntakeFixtures.setup(stubs, LocalDate.now(clock.withZone(Fixtures.LONDON)));
    }

    private static JsonPath monitor(Setup s, String name) {
        return given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "partner",
                        s.partner(),
                        "name",
                        name,
                        "policyId",
                        s.policyId(),
                        "severity",
                        "HIGH",
                        "intervalSeconds",
                        300,
                        "graceSeconds",
                        60))
                .when()
                .post("/api/integrations/heartbeats")
                .then()
                .statusCode(201)
                .body("monitor.state", equalTo("WAITING"))
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> state(Setup s, long id) {
        List<Map<String, Object>> all = given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .when()
                .get("/api/integrations/heartbeats?partner=" + s.partner())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        return all.stream()
                .filter(m -> ((Number) m.get("id")).longValue() == id)
                .findFirst()
                .orElseThrow();
    }

    private static String pingPath(JsonPath created) {
        String url = created.getString("pingUrl");
        return url.substring(url.indexOf("/api/intake/heartbeats/"));
    }

    private static List<Map<String, Object>> heartbeatAlerts(Setup s, long monitor) {
        List<Map<String, Object>> items = given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .when()
                .get("/api/integrations/alerts?size=100&partner=" + s.partner())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        return items.stream()
                .filter(a -> a.get("heartbeatId") != null && ((Number) a.get("heartbeatId")).longValue() == monitor)
                .toList();
    }

    @Test
    void aSilentMonitorRaisesOneIncidentAndItsNextPingResolvesIt() throws Exception {
        Setup s = setup();
        Instant start = Instant.now().minus(Duration.ofMinutes(30));
        clock.set(start);
        JsonPath created = monitor(s, "Nightly backup");
        long id = created.getLong("monitor.id");
        String ping = pingPath(created);
        given().when().get(ping).then().statusCode(200).body("state", equalTo("UP"));
        // Back to real time: the last ping was 30 minutes ago, past its 5-minute interval and minute of grace.
        clock.reset();
        scheduler.runNow();
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> "DOWN".equals(state(s, id).get("state")));
        long incident = ((Number) state(s, id).get("incidentId")).longValue();
        JsonPath i = given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/incidents/" + incident)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("TRIGGERED", i.getString("status"));
        assertEquals("HIGH", i.getString("severity"));
        assertEquals("heartbeat:Nightly backup", i.getString("raisedBy"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> Fixtures.mailsTo(mail, s.onCall().email(), "incident #" + incident + ":")
                                .size()
                        == 1);

        scheduler.runNow();
        scheduler.runNow();
        given().when().post(ping).then().statusCode(200).body("state", equalTo("UP"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/incidents/" + incident)
                .then()
                .body("status", equalTo("RESOLVED"));
        List<Map<String, Object>> alerts = heartbeatAlerts(s, id);
        assertEquals(
                List.of("RESOLVED", "RAISED"),
                alerts.stream().map(a -> a.get("outcome")).toList(),
                "one silence raised once, then resolved: " + alerts);
    }

    @Test
    void aMonitorSilentDuringMaintenanceIsRecordedAsSuppressed() throws Exception {
        Setup s = setup();
        clock.set(Instant.now().minus(Duration.ofMinutes(30)));
        JsonPath created = monitor(s, "Payroll export");
        long id = created.getLong("monitor.id");
        clock.reset();
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .contentType(ContentType.JSON)
                .body(Map.of("partner", s.partner(), "reason", "Data centre move", "minutes", 120))
                .when()
                .post("/api/integrations/maintenance-windows")
                .then()
                .statusCode(201);
        scheduler.runNow();
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> "DOWN".equals(state(s, id).get("state")));
        assertEquals(null, state(s, id).get("incidentId"));
        assertEquals(
                List.of("SUPPRESSED"),
                heartbeatAlerts(s, id).stream().map(a -> a.get("outcome")).toList());
    }

    @Test
    void badMonitorsAndUnknownPingAddressesAreProblems() {
        Setup s = setup();
        given().auth()
                .oauth2(Tokens.manager(s.partner()))
                .contentType(ContentType.JSON)
                .body(Map.of("partner", s.partner(), "name", "Too eager", "severity", "LOW", "intervalSeconds", 5))
                .when()
                .post("/api/integrations/heartbeats")
                .then()
                .spec(invalidField("intervalSeconds"));
        given().when()
                .get("/api/intake/heartbeats/rhb_AAAAAAAAAAAA_notarealsecretnotarealsecret")
                .then()
                .spec(problem(404));
        given().auth()
                .oauth2(Tokens.engineer(s.partner()))
                .contentType(ContentType.JSON)
                .body(Map.of("partner", s.partner(), "name", "Not mine", "severity", "LOW", "intervalSeconds", 60))
                .when()
                .post("/api/integrations/heartbeats")
                .then()
                .spec(problem(403));
    }
}
