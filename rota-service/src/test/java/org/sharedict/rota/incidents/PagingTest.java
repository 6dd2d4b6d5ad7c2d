package org.sharedict.rota.incidents;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.AdaptiveCards;
import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.rota.testing.Paging;
import org.sharedict.rota.testing.TestClock;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.rota.testing.Fixtures.createRota;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.rota;
import static org.sharedict.rota.testing.Fixtures.unique;

/** Pages through each person's verified methods, per urgency, and acting on them from the message. */
@QuarkusTest
class PagingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectStubs
    WireMockServer stubs;

    @InjectMailServer
    GreenMail mail;

    @Inject
    TestClock clock;

    @BeforeEach
    void providers() {
        Paging.providersUp(stubs);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private record Setup(String partner, Person engineer, String token, Person manager, long policy) {}

    /** An engineer on call now on a 24x7 rota; a policy paging them, then (30 minutes later) the partner's manager. */
    private Setup setup(boolean lowUrgencyWaits) {
        String partner = Fixtures.partner(stubs);
        Person e = person(stubs, partner, "Eve Oncall");
        Person m = person(stubs, partner, "Max Manager", true);
        Fixtures.managersOf(stubs, partner, m);
        long rota = createRota(
                Tokens.admin(),
                rota(
                        unique("Paging"),
                        List.of(partner),
                        "ALWAYS",
                        "P7D",
                        "00:00",
                        LocalDate.now(clock.withZone(Fixtures.LONDON)).minusDays(1),
                        List.of(e.id()),
                        List.of()));
        long policy = given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        unique("Paging policy"),
                        "partner",
                        partner,
                        "lowUrgencyWaits",
                        lowUrgencyWaits,
                        "steps",
                        List.of(
                                Map.of(
                                        "delay",
                                        "PT30M",
                                        "targets",
                                        List.of(Map.of("kind", "ROTA_LAYER", "rotaId", rota))),
                                Map.of("delay", "PT30M", "targets", List.of(Map.of("kind", "PARTNER_MANAGER"))))))
                .when()
                .post("/api/escalation-policies")
                .then()
                .statusCode(201)
                .body("highUrgency", equalTo(List.of("CRITICAL", "HIGH")))
                .extract()
                .jsonPath()
                .getLong("id");
        String token = Tokens.as("user-" + e.id())
                .partner(partner)
                .roles("engineer")
                .person(e.id())
                .token();
        return new Setup(partner, e, token, m, policy);
    }

    private static long raise(Setup s, String severity, String summary) {
        String key = Tokens.as("apikey:12")
                .roles("integration")
                .partner(s.partner())
                .scope("incidents:write")
                .token();
        return given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(Map.of("summary", summary, "severity", severity, "policyId", s.policy()))
                .when()
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static JsonPath incident(long id) {
        return given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/incidents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<Map<String, Object>> deliveries(long id) {
        return given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/incidents/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private static Map<String, Object> delivery(long id, String channel) {
        return deliveries(id).stream()
                .filter(d -> channel.equals(d.get("channel")))
                .findFirst()
                .orElseThrow();
    }

    private static boolean timelineHas(long id, String kind, String detailPart) {
        List<Map<String, Object>> events = incident(id).getList("timeline");
        return events.stream()
                .anyMatch(e -> kind.equals(e.get("kind"))
                        && (detailPart == null
                                || String.valueOf(e.get("detail")).contains(detailPart)));
    }

    private static void notifyCallback(String path, String token, Map<String, Object> body, int status) {
        given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/paging/notify/" + path)
                .then()
                .statusCode(status);
    }

    private static String text(MimeMessage m, String type) throws Exception {
        if (m.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                if (mp.getBodyPart(i).isMimeType(type)) {
                    return mp.getBodyPart(i).getContent().toString();
                }
                if (mp.getBodyPart(i).getContent() instanceof Multipart inner) {
                    for (int j = 0; j < inner.getCount(); j++) {
                        if (inner.getBodyPart(j).isMimeType(type)) {
                            return inner.getBodyPart(j).getContent().toString();
                        }
                    }
                }
            }
            return null;
        }
        return m.isMimeType(type) ? m.getContent().toString() : null;
    }

    @Test
    void highUrgencyPagesEveryVerifiedMethodAtOnceAndAReplyAcknowledges() throws Exception {
        Setup s = setup(true);
        String phone = Paging.phone();
        String teams = "/hooks/teams-" + s.engineer().id();
        String slack = "/hooks/slack-" + s.engineer().id();
        Paging.verifiedSms(stubs, s.token(), s.engineer().id(), phone);
        Paging.verified(
                s.token(),
                s.engineer().id(),
                "TEAMS",
                stubs.baseUrl() + teams,
                () -> Paging.posted(stubs, teams).stream()
                        .map(JsonNode::toString)
                        .findFirst()
                        .orElse(null));
        Paging.verified(
                s.token(),
                s.engineer().id(),
                "SLACK",
                stubs.baseUrl() + slack,
                () -> Paging.posted(stubs, slack).stream()
                        .map(JsonNode::toString)
                        .findFirst()
                        .orElse(null));
        Paging.verified(
                s.token(),
                s.engineer().id(),
                "VOICE",
                phone,
                () -> Paging.calls(stubs, phone).stream()
                        .map(c -> c.get("Twiml").replaceAll("(\\d) (?=\\d)", "$1"))
                        .findFirst()
                        .orElse(null));
        int textsBefore = Paging.texts(stubs, phone).size();

        long id = raise(s, "HIGH", "Core switch stack down");
        assertEquals("HIGH", incident(id).getString("urgency"));

        String sms = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> Paging.texts(stubs, phone), t -> t.size() > textsBefore)
                .get(textsBefore);
        assertTrue(sms.contains("#" + id) && sms.contains("Core switch stack down"), sms);
        assertTrue(sms.contains("Reply 1a to acknowledge"), sms);
        assertTrue(sms.contains("/#/incidents/" + id), sms);
        assertEquals(
                "00000000-0000-0000-0000-000000000001",
                Paging.sms(stubs, phone).get(textsBefore).path("template_id").asText());

        JsonNode card = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> Paging.posted(stubs, teams), l -> l.size() > 1)
                .get(1);
        ProcessingReport report = JsonSchemaFactory.byDefault()
                .getJsonSchema(JSON.readTree(getClass().getResource("/schemas/adaptive-card-1.4-reduced.json")))
                .validate(card);
        assertTrue(report.isSuccess(), report.toString());
        AdaptiveCards.assertEveryCardValid(card);
        String cardText = card.toString();
        assertTrue(
                cardText.contains(s.partner()) && cardText.contains("HIGH") && cardText.contains("Eve Oncall"),
                cardText);
        assertTrue(cardText.contains("Action.OpenUrl") && cardText.contains("/#/incidents/" + id), cardText);

        JsonNode blocks = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> Paging.posted(stubs, slack), l -> l.size() > 1)
                .get(1);
        assertEquals("header", blocks.path("blocks").get(0).path("type").asText());
        assertTrue(blocks.toString().contains("Eve Oncall") && blocks.toString().contains("/#/incidents/" + id));

        // The call waits 3 minutes by default: acknowledging by SMS first means it never happens.
        Map<String, Object> call = delivery(id, "VOICE");
        assertEquals("PENDING", call.get("status"));
        Duration wait = Duration.between(
                Instant.parse((String) delivery(id, "SMS").get("dueAt")), Instant.parse((String) call.get("dueAt")));
        assertEquals(Duration.ofMinutes(3), wait, "the default high-urgency rule calls 3 minutes after the SMS");

        notifyCallback("replies", "wrong-token", Map.of("source_number", phone.substring(1), "content", "1a"), 401);
        notifyCallback(
                "replies",
                Paging.CALLBACK_TOKEN,
                Map.of(
                        "id",
                        "b6f8f3a4-0000-4000-8000-000000000001",
                        "source_number",
                        phone.substring(1),
                        "destination_number",
                        "07700900000",
                        "content",
                        " 1A ",
                        "date_received",
                        "2026-12-07T03:00:00.000000Z"),
                204);
        JsonPath acked = incident(id);
        assertEquals("ACKNOWLEDGED", acked.getString("status"));
        assertEquals("sms:" + phone, acked.getString("acknowledgedBy"));
        assertEquals("CANCELLED", delivery(id, "VOICE").get("status"));
        String answer = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> Paging.texts(stubs, phone), t -> t.size() > textsBefore + 1)
                .get(textsBefore + 1);
        assertTrue(answer.contains("#" + id) && answer.contains("acknowledged"), answer);

        // Notify's receipt for the page goes on the timeline.
        Map<String, Object> page = delivery(id, "SMS");
        notifyCallback(
                "receipts",
                Paging.CALLBACK_TOKEN,
                Map.of(
                        "id",
                        "740e5834-3a29-46b4-9a6f-16142fde533a",
                        "reference",
                        String.valueOf(page.get("id")),
                        "to",
                        phone,
                        "status",
                        "delivered",
                        "notification_type",
                        "sms"),
                204);
        assertTrue(timelineHas(id, "NOTIFICATION_DELIVERED", "delivered to the phone"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/incidents/" + id + "/deliveries")
                .then()
                .statusCode(200);
        assertEquals("delivered", delivery(id, "SMS").get("receipt"));
    }

    @Test
    void incidentsRaisedTogetherPagingOnePhoneEachGetTheirOwnReplyNumber() throws Exception {
        Setup s = setup(true);
        String phone = Paging.phone();
        Paging.verifiedSms(stubs, s.token(), s.engineer().id(), phone);
        int before = Paging.texts(stubs, phone).size();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(5);
        try {
            List<java.util.concurrent.Future<Long>> raised = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int k = i;
                raised.add(pool.submit(() -> raise(s, "HIGH", "Storage array alarm " + k)));
            }
            for (java.util.concurrent.Future<Long> f : raised) {
                assertTrue(f.get() > 0, "every raise is a 201, whoever it pages");
            }
        } finally {
            pool.shutdown();
        }
        List<String> pages = Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> Paging.texts(stubs, phone), t -> t.size() >= before + 5)
                .subList(before, before + 5);
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (String page : pages) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Reply (\\d+)a to acknowledge")
                    .matcher(page);
            assertTrue(m.find(), page);
            codes.add(m.group(1));
        }
        assertEquals(java.util.Set.of("1", "2", "3", "4", "5"), codes);
    }

    @Test
    void personWithNoVerifiedMethodIsPagedByTheirSkillsEmailAndTheTimelineSaysSo() throws Exception {
        Setup s = setup(true);
        Paging.add(s.token(), s.engineer().id(), "SMS", Paging.phone());
        long id = raise(s, "CRITICAL", "Payroll database unreachable");

        assertTrue(timelineHas(id, "NOTIFICATION_QUEUED", "has no verified contact method"));
        MimeMessage m = Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> Fixtures.mailsTo(mail, s.engineer().email(), "incident #" + id), l -> !l.isEmpty())
                .get(0);
        String plain = text(m, "text/plain");
        String html = text(m, "text/html");
        assertTrue(plain != null && html != null, "the page has a plain-text and an HTML part");
        for (String body : List.of(plain, html)) {
            assertTrue(body.contains("/#/incidents/" + id), body);
            assertTrue(body.contains("monitoring"), "raised by an API key reads as monitoring: " + body);
            assertFalse(body.contains("apikey:"), body);
            assertFalse(body.matches("(?s).*\\d{2}:\\d{2}:\\d{2}\\.\\d+.*"), "no nanoseconds: " + body);
        }
        String words = Fixtures.LONDON.getId();
        assertTrue(
                plain.matches(
                        "(?s).*(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \\d{1,2} [A-Z][a-z]+, \\d{2}:\\d{2}.*"),
                "times in words (" + words + "): " + plain);
    }

    @Test
    void lowUrgencyOutOfHoursWaitsForTheWorkingDay() {
        // 02:00 on a Saturday at least a week ago: out of hours whatever the wall clock says.
        LocalDate saturday =
                LocalDate.now(Fixtures.LONDON).minusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        clock.set(LocalDateTime.of(saturday, LocalTime.of(2, 0)));
        Setup s = setup(true);
        String address = "eve." + s.engineer().id() + "@example.gov.uk";
        Paging.verified(s.token(), s.engineer().id(), "EMAIL", address, () -> verificationMail(address));
        long id = raise(s, "LOW", "Printer queue stuck");

        assertEquals("LOW", incident(id).getString("urgency"));
        assertTrue(timelineHas(id, "NOTIFICATION_QUEUED", "low urgency out of working hours"));
        Map<String, Object> email = delivery(id, "EMAIL");
        ZonedDateTime due = Instant.parse((String) email.get("dueAt")).atZone(Fixtures.LONDON);
        String dayStart = given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/calendar")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("dayStart");
        assertEquals(LocalTime.parse(dayStart), due.toLocalTime(), "waits for the start of the working day");
        assertTrue(due.toLocalDate().isAfter(saturday) && due.getDayOfWeek() != DayOfWeek.SUNDAY, due.toString());
    }

    @Test
    void lowUrgencyPagesAtOnceWhenThePolicySaysSo() {
        LocalDate saturday =
                LocalDate.now(Fixtures.LONDON).minusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        clock.set(LocalDateTime.of(saturday, LocalTime.of(2, 0)));
        Setup s = setup(false);
        long id = raise(s, "MEDIUM", "Intranet slow");
        Map<String, Object> email = delivery(id, "EMAIL");
        assertFalse(
                Instant.parse((String) email.get("dueAt")).isAfter(Instant.parse((String) email.get("createdAt"))),
                "due when it was queued: " + email);
        assertFalse(timelineHas(id, "NOTIFICATION_QUEUED", "low urgency out of working hours"));
    }

    private String verificationMail(String address) {
        return Fixtures.mailsTo(mail, address).stream()
                .map(m -> {
                    try {
                        String t = text(m, "text/plain");
                        return t == null ? "" : t;
                    } catch (Exception e) {
                        return "";
                    }
                })
                .filter(t -> t.contains("verification code"))
                .findFirst()
                .orElse(null);
    }

    @Test
    void notifyDownIsRetriedAndTheFailureIsOnTheTimeline() {
        Setup s = setup(true);
        String phone = Paging.phone();
        Paging.verifiedSms(stubs, s.token(), s.engineer().id(), phone);
        String scenario = "notify-down-" + phone;
        stubs.stubFor(post(urlPathEqualTo(Paging.NOTIFY_SMS))
                .atPriority(1)
                .withRequestBody(WireMock.matchingJsonPath("$.phone_number", WireMock.equalTo(phone)))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                        aResponse()
                                .withStatus(503)
                                .withHeader("Content-Type", "application/json")
                                .withBody(
                                        "{\"status_code\": 503, \"errors\": [{\"error\": \"ServiceUnavailable\", \"message\": \"down\"}]}"))
                .willSetStateTo("up"));

        long id = raise(s, "HIGH", "Firewall cluster failover");
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> timelineHas(id, "NOTIFICATION_FAILED", "GOV.UK Notify answered HTTP 503"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> "SENT".equals(delivery(id, "SMS").get("status")));
        assertEquals(2, ((Number) delivery(id, "SMS").get("attempts")).intValue());
    }

    @Test
    void repliesEscalateResolveAndUnknownOnesGetHelp() {
        Setup s = setup(true);
        String phone = Paging.phone();
        Paging.verifiedSms(stubs, s.token(), s.engineer().id(), phone);
        long id = raise(s, "HIGH", "Telephony down");
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> "SENT".equals(delivery(id, "SMS").get("status")));
        int before = Paging.texts(stubs, phone).size();

        notifyCallback(
                "replies",
                Paging.CALLBACK_TOKEN,
                Map.of("source_number", phone.substring(1), "content", "what now?"),
                204);
        String help = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> Paging.texts(stubs, phone), t -> t.size() > before)
                .get(before);
        assertTrue(help.contains("1 = incident #" + id), help);

        notifyCallback(
                "replies", Paging.CALLBACK_TOKEN, Map.of("source_number", phone.substring(1), "content", "1e"), 204);
        JsonPath escalated = incident(id);
        assertEquals(2, escalated.getInt("step"), "escalating now pages step 2");
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> !Fixtures.mailsTo(mail, s.manager().email(), "incident #" + id)
                        .isEmpty());

        notifyCallback(
                "replies", Paging.CALLBACK_TOKEN, Map.of("source_number", phone.substring(1), "content", "1r"), 204);
        assertEquals("RESOLVED", incident(id).getString("status"));
    }

    @Test
    void pressingOneInAVoicePageAcknowledges() throws Exception {
        Setup s = setup(true);
        String phone = Paging.phone();
        long voice = Paging.verified(
                s.token(),
                s.engineer().id(),
                "VOICE",
                phone,
                () -> Paging.calls(stubs, phone).stream()
                        .map(c -> c.get("Twiml").replaceAll("(\\d) (?=\\d)", "$1"))
                        .findFirst()
                        .orElse(null));
        given().auth()
                .oauth2(s.token())
                .contentType(ContentType.JSON)
                .body(Map.of("high", List.of(Map.of("methodId", voice, "delayMinutes", 0)), "low", List.of()))
                .when()
                .put("/api/contacts/" + s.engineer().id() + "/rules")
                .then()
                .statusCode(200);
        long id = raise(s, "CRITICAL", "Website defaced");
        Map<String, String> call = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> Paging.calls(stubs, phone), c -> c.size() > 1)
                .get(1);
        assertEquals("+441632960000", call.get("From"));
        assertTrue(call.get("Twiml").contains("<Gather numDigits=\"1\"")
                && call.get("Twiml").contains("Press 1 to acknowledge"));
        long notification = ((Number) delivery(id, "VOICE").get("id")).longValue();
        String url = "http://localhost:8080/api/paging/voice/" + notification + "/gather";

        given().header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")
                .formParam("Digits", "1")
                .when()
                .post("/api/paging/voice/" + notification + "/gather")
                .then()
                .statusCode(401);
        given().header("X-Twilio-Signature", twilioSignature(url, Map.of("CallSid", "CA1", "Digits", "1")))
                .formParam("CallSid", "CA1")
                .formParam("Digits", "1")
                .when()
                .post("/api/paging/voice/" + notification + "/gather")
                .then()
                .statusCode(200);
        assertEquals("ACKNOWLEDGED", incident(id).getString("status"));
    }

    private static String twilioSignature(String url, Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new java.util.TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("twilio-test-auth-token".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
