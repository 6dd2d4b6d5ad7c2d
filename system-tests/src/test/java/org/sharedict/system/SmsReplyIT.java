package org.sharedict.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.system.PartnershipStoryIT.as;
import static org.sharedict.system.PartnershipStoryIT.login;
import static org.sharedict.system.PartnershipStoryIT.person;
import static org.sharedict.system.PartnershipStoryIT.user;

/**
 * Paging that reaches a phone, through the gateway only: North Kesteven's monitoring raises a HIGH
 * incident with its API key; the on-call engineer's SMS reaches GOV.UK Notify (a stand-in, through
 * the official client) at once and the call reaches Twilio after his rule's minute; he replies
 * {@code 1a}, Notify's received-text callback acknowledges the incident, escalation stops, and the
 * service desk's webhook heard {@code triggered} and {@code acknowledged}, signed.
 */
@ExtendWith(PlatformExtension.class)
class SmsReplyIT {

    static final String HOOK = "/hooks/nkdc-service-desk";
    static final Pattern REPLY = Pattern.compile("Reply (\\d+)a to acknowledge");
    static final Pattern CODE = Pattern.compile("(\\d{6})");

    static Platform platform;
    static WireMockServer desk;
    static String manager;
    static long lee;
    static long kim;
    static final String PHONE = "+447700900871";

    @BeforeAll
    static void northKesteven(Platform p) {
        platform = p;
        RestAssured.baseURI = p.gateway().toString();
        desk = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        desk.start();
        desk.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(204)));

        String admin = login("admin", p.adminPassword()).getString("accessToken");
        as(admin)
                .body(Map.of("code", "NKDC", "name", "North Kesteven District Council", "type", "DISTRICT_COUNCIL"))
                .post("/api/partners")
                .then()
                .statusCode(201);
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        String csv =
                "partner,name,email,job_title,team,work_phone,mobile,site,manager,help_other_partners,help_hours_per_month,"
                        + "out_of_hours,unavailable_until,unavailable_reason,last_confirmed,skills,certifications\n"
                        + "NKDC,Nia Holt,nia.holt@n-kesteven.example.gov.uk,ICT Manager,ICT,01632 960600,07700 900600,"
                        + "Kesteven Street,yes,no,0,no,,," + today + ",,\n"
                        + "NKDC,Lee Marsh,lee.marsh@n-kesteven.example.gov.uk,Infrastructure Engineer,ICT,01632 960601,"
                        + "07700 900871,Kesteven Street,no,no,0,yes,,," + today + ",,\n"
                        + "NKDC,Kim Ward,kim.ward@n-kesteven.example.gov.uk,Senior Engineer,ICT,01632 960602,"
                        + "07700 900602,Kesteven Street,no,no,0,yes,,," + today + ",,\n";
        given().auth()
                .oauth2(admin)
                .contentType("text/csv")
                .body(csv)
                .post("/api/people/import")
                .then()
                .statusCode(200);
        long nia = person(admin, "nia.holt@n-kesteven.example.gov.uk");
        lee = person(admin, "lee.marsh@n-kesteven.example.gov.uk");
        kim = person(admin, "kim.ward@n-kesteven.example.gov.uk");
        user(admin, "nia.holt", "Nia Holt", "NKDC", List.of("manager"), nia);
        manager = login("nia.holt", PartnershipStoryIT.PASSWORD).getString("accessToken");

        // Lee first; Kim ten minutes later if nobody has acknowledged.
        long policy = as(admin)
                .body(Map.of(
                        "name", "North Kesteven out of hours",
                        "partner", "NKDC",
                        "steps",
                                List.of(
                                        Map.of(
                                                "delay",
                                                "PT10M",
                                                "targets",
                                                List.of(Map.of("kind", "PERSON", "personId", lee))),
                                        Map.of(
                                                "delay",
                                                "PT10M",
                                                "targets",
                                                List.of(Map.of("kind", "PERSON", "personId", kim))))))
                .post("/api/escalation-policies")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        as(admin)
                .body(Map.of("policyId", policy))
                .put("/api/escalation-policies/defaults/NKDC")
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
    void theEngineerIsTextedAtOnceCalledAfterHisMinuteAndAcknowledgesByReplying() throws Exception {
        PagingProviders providers = platform.paging();
        // His manager sets up his phone: a code by SMS, another by a call, each typed back.
        long sms = verified(
                "SMS",
                () -> providers.texts(PHONE).stream()
                        .map(PagingProviders.Text::body)
                        .filter(t -> t.contains("verification code"))
                        .findFirst()
                        .orElse(null));
        long voice = verified(
                "VOICE",
                () -> providers.calls(PHONE).stream()
                        .map(c -> c.twiml().replaceAll("(\\d) (?=\\d)", "$1"))
                        .findFirst()
                        .orElse(null));
        as(manager)
                .body(Map.of(
                        "high",
                        List.of(
                                Map.of("methodId", sms, "delayMinutes", 0),
                                Map.of("methodId", voice, "delayMinutes", 1)),
                        "low",
                        List.of(Map.of("methodId", sms, "delayMinutes", 0))))
                .put("/api/contacts/" + lee + "/rules")
                .then()
                .statusCode(200);
        String secret = as(manager)
                .body(Map.of(
                        "url",
                        "http://127.0.0.1:" + desk.port() + HOOK,
                        "events",
                        List.of("incident.triggered", "incident.acknowledged"),
                        "description",
                        "North Kesteven service desk"))
                .post("/api/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        String key = as(manager)
                .body(Map.of(
                        "name",
                        "North Kesteven monitoring",
                        "partner",
                        "NKDC",
                        "permissions",
                        List.of("incidents:write")))
                .post("/api/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        int textsBefore = providers.texts(PHONE).size();
        int callsBefore = providers.calls(PHONE).size();

        Instant raisedAt = Instant.now();
        long incident = given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("summary", "Storage array at Kesteven Street degraded", "severity", "HIGH"))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");

        // The text goes at once and says how to answer it.
        PagingProviders.Text page = await().atMost(Duration.ofSeconds(60))
                .until(() -> providers.texts(PHONE), t -> t.size() > textsBefore)
                .get(textsBefore);
        assertTrue(page.body().contains("#" + incident), page.body());
        Matcher reply = REPLY.matcher(page.body());
        assertTrue(reply.find(), page.body());

        // The call follows his rule: not before a minute has passed since the page started.
        PagingProviders.Call call = await().atMost(Duration.ofSeconds(180))
                .until(() -> providers.calls(PHONE), c -> c.size() > callsBefore)
                .get(callsBefore);
        assertFalse(call.at().isBefore(raisedAt.plusSeconds(60)), "called at " + call.at() + ", raised at " + raisedAt);
        assertTrue(call.twiml().contains("press 1") || call.twiml().contains("Press 1"), call.twiml());

        // He replies by text; Notify calls back through the gateway with its token.
        given().auth()
                .oauth2(PagingProviders.CALLBACK_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        "7d3e1a52-0000-4000-8000-00000000e2e1",
                        "source_number",
                        PHONE.substring(1),
                        "destination_number",
                        "07700900000",
                        "content",
                        reply.group(1) + "a",
                        "date_received",
                        Instant.now().toString()))
                .post("/api/paging/notify/replies")
                .then()
                .statusCode(204);

        JsonPath acknowledged =
                as(manager).get("/api/incidents/" + incident).then().extract().jsonPath();
        assertEquals("ACKNOWLEDGED", acknowledged.getString("status"));
        assertNull(acknowledged.getString("nextEscalationAt"), "escalation stopped: Kim's step is not planned");
        assertEquals(1, acknowledged.getInt("step"));

        // The service desk heard both, signed.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> calls("incident.acknowledged").size() == 1);
        assertEquals(1, calls("incident.triggered").size());
        PageLinkAndWebhookIT.assertSigned(calls("incident.triggered").get(0), secret);
        PageLinkAndWebhookIT.assertSigned(calls("incident.acknowledged").get(0), secret);
    }

    /** Adds Lee's method with his mobile, asks for a code and types back what reached the phone. */
    private static long verified(String kind, Supplier<String> read) {
        long id = as(manager)
                .body(Map.of("kind", kind, "address", PHONE))
                .post("/api/contacts/" + lee + "/methods")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        as(manager)
                .post("/api/contacts/" + lee + "/methods/" + id + "/code")
                .then()
                .statusCode(202);
        String text = await().atMost(Duration.ofSeconds(60))
                .until(read::get, t -> t != null && CODE.matcher(t).find());
        Matcher code = CODE.matcher(text);
        assertTrue(code.find());
        as(manager)
                .body(Map.of("code", code.group(1)))
                .post("/api/contacts/" + lee + "/methods/" + id + "/verify")
                .then()
                .statusCode(200);
        return id;
    }

    private static List<LoggedRequest> calls(String event) {
        return desk.findAll(postRequestedFor(urlPathEqualTo(HOOK))).stream()
                .filter(r -> event.equals(r.getHeader("X-Sharedict-Event")))
                .toList();
    }
}
