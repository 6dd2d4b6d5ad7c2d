package org.sharedict.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.mail.internet.MimeMessage;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.system.PartnershipStoryIT.as;
import static org.sharedict.system.PartnershipStoryIT.login;
import static org.sharedict.system.PartnershipStoryIT.person;
import static org.sharedict.system.PartnershipStoryIT.user;

/**
 * At 3 a.m., through the gateway only: East Lindsey's monitoring raises a HIGH incident with its API
 * key, its service desk (a webhook subscriber) hears incident.triggered, signed; the on-call
 * engineer acknowledges from the link in the e-mail, without signing in; the escalation stops and
 * the service desk hears incident.acknowledged, signed.
 */
@ExtendWith(PlatformExtension.class)
class PageLinkAndWebhookIT {

    static final String HOOK = "/hooks/eldc-service-desk";
    static final Pattern ACKNOWLEDGE = Pattern.compile("Acknowledge: (\\S+)");

    static Platform platform;
    static WireMockServer desk;
    static String admin;
    static long policy;

    @BeforeAll
    static void eastLindsey(Platform p) {
        platform = p;
        RestAssured.baseURI = p.gateway().toString();
        desk = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        desk.start();
        desk.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(204)));

        admin = login("admin", p.adminPassword()).getString("accessToken");
        as(admin)
                .body(Map.of("code", "ELDC", "name", "East Lindsey District Council", "type", "DISTRICT_COUNCIL"))
                .post("/api/partners")
                .then()
                .statusCode(201);
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        String csv =
                "partner,name,email,job_title,team,work_phone,mobile,site,manager,help_other_partners,help_hours_per_month,"
                        + "out_of_hours,unavailable_until,unavailable_reason,last_confirmed,skills,certifications\n"
                        + "ELDC,Mia Fenwick,mia.fenwick@eastlindsey.example.gov.uk,ICT Manager,ICT,01632 960500,07700 900500,"
                        + "Tedder Hall,yes,no,0,no,,," + today + ",,\n"
                        + "ELDC,Sam Carter,sam.carter@eastlindsey.example.gov.uk,Network Engineer,Infrastructure,01632 960501,"
                        + "07700 900501,Tedder Hall,no,no,0,yes,,," + today + ",,\n"
                        + "ELDC,Rob Quayle,rob.quayle@eastlindsey.example.gov.uk,Senior Engineer,Infrastructure,01632 960502,"
                        + "07700 900502,Tedder Hall,no,no,0,yes,,," + today + ",,\n";
        given().auth()
                .oauth2(admin)
                .contentType("text/csv")
                .body(csv)
                .post("/api/people/import")
                .then()
                .statusCode(200);
        long mia = person(admin, "mia.fenwick@eastlindsey.example.gov.uk");
        long sam = person(admin, "sam.carter@eastlindsey.example.gov.uk");
        long rob = person(admin, "rob.quayle@eastlindsey.example.gov.uk");
        user(admin, "mia.fenwick", "Mia Fenwick", "ELDC", List.of("manager"), mia);

        // Sam first; Rob 20 seconds later if nobody has acknowledged.
        policy = as(admin)
                .body(Map.of(
                        "name", "East Lindsey out of hours",
                        "partner", "ELDC",
                        "steps",
                                List.of(
                                        Map.of(
                                                "delay",
                                                "PT20S",
                                                "targets",
                                                List.of(Map.of("kind", "PERSON", "personId", sam))),
                                        Map.of(
                                                "delay",
                                                "PT10M",
                                                "targets",
                                                List.of(Map.of("kind", "PERSON", "personId", rob))))))
                .post("/api/escalation-policies")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        as(admin)
                .body(Map.of("policyId", policy))
                .put("/api/escalation-policies/defaults/ELDC")
                .then()
                .statusCode(200);
    }

    @AfterAll
    static void stopDesk() {
        if (desk != null) {
            desk.stop();
        }
    }

    @Test
    void monitoringRaisesTheServiceDeskHearsTheEngineerAcknowledgesFromTheEmailAndEscalationStops() throws Exception {
        String manager = login("mia.fenwick", PartnershipStoryIT.PASSWORD).getString("accessToken");
        String secret = as(manager)
                .body(Map.of(
                        "url",
                        "http://127.0.0.1:" + desk.port() + HOOK,
                        "events",
                        List.of("incident.triggered", "incident.acknowledged"),
                        "description",
                        "East Lindsey service desk"))
                .post("/api/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        String key = as(manager)
                .body(Map.of(
                        "name",
                        "East Lindsey monitoring",
                        "partner",
                        "ELDC",
                        "permissions",
                        List.of("incidents:write")))
                .post("/api/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");

        String summary = "Firewall cluster at Tedder Hall unreachable";
        JsonPath raised = given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("summary", summary, "severity", "HIGH"))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        long incident = raised.getLong("id");
        Instant stepTwoDue = Instant.parse(raised.getString("nextEscalationAt"));

        // The service desk hears of it, signed with the secret it was given.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> calls("incident.triggered").size() == 1);
        assertSigned(calls("incident.triggered").get(0), secret);
        assertEquals(
                incident,
                JsonPath.from(calls("incident.triggered").get(0).getBodyAsString())
                        .getLong("incident.id"));

        // Sam's page carries a signed acknowledge link to the gateway.
        String link = await().atMost(Duration.ofSeconds(60))
                .until(() -> acknowledgeLink("sam.carter@eastlindsey.example.gov.uk", incident), Optional::isPresent)
                .orElseThrow();
        assertTrue(link.startsWith(platform.gateway() + "/api/incidents/actions/"), link);
        String path = link.substring(platform.gateway().toString().length());

        // Opening it (as a mail scanner would) changes nothing; the button acts, without signing in.
        given().get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString(summary));
        as(manager).get("/api/incidents/" + incident).then().body("status", equalTo("TRIGGERED"));
        given().post(path).then().statusCode(200).body(containsString("Acknowledged by Sam Carter"));
        given().post(path).then().statusCode(409);

        // The link is as good as a password until it expires: no log keeps it, though each
        // service logged the three requests (with the token redacted).
        String token = path.substring(path.lastIndexOf('/') + 1);
        for (String service : List.of("gateway", "rota-service")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            platform.log(service).contains("\"POST /api/incidents/actions/[redacted] HTTP/1.1\" 409"));
            assertFalse(platform.log(service).contains(token), service + "'s log holds the page link's token");
        }

        JsonPath acknowledged =
                as(manager).get("/api/incidents/" + incident).then().extract().jsonPath();
        assertEquals("ACKNOWLEDGED", acknowledged.getString("status"));
        assertEquals("Sam Carter", acknowledged.getString("acknowledgedBy"));
        assertTrue(acknowledged.getList("timeline.detail", String.class).stream()
                .anyMatch(d -> d != null && d.contains("acknowledged by Sam Carter from a page link")));

        // The service desk hears of that too, signed.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> calls("incident.acknowledged").size() == 1);
        assertSigned(calls("incident.acknowledged").get(0), secret);

        // Well after step 2 was due, Rob has not been paged: the escalation stopped.
        await().atMost(Duration.ofSeconds(90)).until(() -> Instant.now().isAfter(stepTwoDue.plusSeconds(10)));
        assertFalse(
                acknowledgeLink("rob.quayle@eastlindsey.example.gov.uk", incident)
                        .isPresent(),
                "Rob was not paged");
        as(manager)
                .get("/api/incidents/" + incident)
                .then()
                .body("step", equalTo(1))
                .body("timeline.findAll { it.kind == 'WEBHOOK_SENT' }.size()", equalTo(2));
    }

    private static List<LoggedRequest> calls(String event) {
        return desk.findAll(postRequestedFor(urlPathEqualTo(HOOK))).stream()
                .filter(r -> event.equals(r.getHeader("X-Sharedict-Event")))
                .toList();
    }

    /** docs/API.md's recipe: HMAC-SHA256 over timestamp "." body, keyed with the secret, as v1=hex. */
    static void assertSigned(LoggedRequest r, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signed = r.getHeader("X-Sharedict-Timestamp") + "." + r.getBodyAsString();
        assertEquals(
                "v1=" + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8))),
                r.getHeader("X-Sharedict-Signature"));
    }

    private static Optional<String> acknowledgeLink(String address, long incident) throws Exception {
        for (MimeMessage m : platform.mail().getReceivedMessages()) {
            boolean toThem = Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().contains(address));
            if (toThem && m.getSubject().contains("incident #" + incident + ":")) {
                Matcher link = ACKNOWLEDGE.matcher(Mails.text(m));
                if (link.find()) {
                    return Optional.of(link.group(1));
                }
            }
        }
        return Optional.empty();
    }
}
