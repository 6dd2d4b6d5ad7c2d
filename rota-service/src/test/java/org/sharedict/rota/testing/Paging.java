package org.sharedict.rota.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;

/**
 * GOV.UK Notify and Twilio as the WireMock stub answers them (their documented responses), and
 * helpers that read what reached them: the SMS a phone got, the call placed, a webhook's body.
 */
public final class Paging {

    public static final String NOTIFY_SMS = "/v2/notifications/sms";
    public static final String TWILIO_CALLS = "/2010-04-01/Accounts/ACtest0000000000000000000000000000/Calls.json";
    public static final String CALLBACK_TOKEN = "notify-callback-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private static final java.util.concurrent.atomic.AtomicInteger PHONES =
            new java.util.concurrent.atomic.AtomicInteger(new java.util.Random().nextInt(400));

    private Paging() {}

    /** A UK mobile no other test of this run uses, from Ofcom's range for drama (07700 900000 to 900999), E.164. */
    public static String phone() {
        return "+447700900" + String.format("%03d", PHONES.incrementAndGet() % 1000);
    }

    /** Notify and Twilio accept everything (a test may put a failing answer above these). */
    public static void providersUp(WireMockServer stubs) {
        stubs.stubFor(post(urlPathEqualTo(NOTIFY_SMS))
                .atPriority(5)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"id": "%s", "reference": "ref", "content": {"body": "text", "from_number": "GOVUK"},
                                 "uri": "https://api.notifications.service.gov.uk/v2/notifications/x",
                                 "template": {"id": "00000000-0000-0000-0000-000000000001", "version": 1,
                                              "uri": "https://api.notifications.service.gov.uk/v2/templates/x"}}
                                """.formatted(UUID.randomUUID()))));
        stubs.stubFor(post(urlPathEqualTo(TWILIO_CALLS))
                .atPriority(5)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"CA0123456789abcdef0123456789abcdef\", \"status\": \"queued\"}")));
        stubs.stubFor(post(urlPathMatching("/hooks/.*"))
                .atPriority(9)
                .willReturn(aResponse().withStatus(200)));
    }

    /** Every SMS sent through Notify to this number (E.164), as Notify's request bodies. */
    public static List<JsonNode> sms(WireMockServer stubs, String phone) {
        return stubs.findAll(postRequestedFor(urlPathEqualTo(NOTIFY_SMS))).stream()
                .map(Paging::json)
                .filter(j -> phone.equals(j.path("phone_number").asText()))
                .toList();
    }

    /** The text of each SMS to this number, oldest first. */
    public static List<String> texts(WireMockServer stubs, String phone) {
        return sms(stubs, phone).stream()
                .map(j -> j.path("personalisation").path("body").asText())
                .toList();
    }

    /** Every call placed through Twilio to this number, as its form fields. */
    public static List<Map<String, String>> calls(WireMockServer stubs, String phone) {
        return stubs.findAll(postRequestedFor(urlPathEqualTo(TWILIO_CALLS))).stream()
                .map(r -> form(r.getBodyAsString()))
                .filter(f -> phone.equals(f.get("To")))
                .toList();
    }

    public static List<JsonNode> posted(WireMockServer stubs, String path) {
        return stubs.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .map(Paging::json)
                .toList();
    }

    public static JsonNode json(LoggedRequest r) {
        try {
            return JSON.readTree(r.getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String body) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            m.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    /** The six digits in a text. */
    public static String code(String text) {
        Matcher m = CODE.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no code in " + text);
        }
        return m.group(1);
    }

    /** Adds an SMS method for the person and verifies it with the code Notify was asked to send; answers its ID. */
    public static long verifiedSms(WireMockServer stubs, String token, long personId, String phone) {
        long id = add(token, personId, "SMS", phone);
        int before = texts(stubs, phone).size();
        given().auth()
                .oauth2(token)
                .when()
                .post("/api/contacts/" + personId + "/methods/" + id + "/code")
                .then()
                .statusCode(202);
        String text = Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(90))
                .until(() -> texts(stubs, phone), t -> t.size() > before)
                .get(before);
        verify(token, personId, id, code(text));
        return id;
    }

    /** Adds a method that is verified by reading the code from whatever reached {@code read} (a call, a webhook). */
    public static long verified(
            String token, long personId, String kind, String address, java.util.function.Supplier<String> read) {
        long id = add(token, personId, kind, address);
        given().auth()
                .oauth2(token)
                .when()
                .post("/api/contacts/" + personId + "/methods/" + id + "/code")
                .then()
                .statusCode(202);
        String text = Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(90))
                .until(read::get, t -> t != null && CODE.matcher(t).find());
        verify(token, personId, id, code(text));
        return id;
    }

    public static long add(String token, long personId, String kind, String address) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "address", address))
                .when()
                .post("/api/contacts/" + personId + "/methods")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    public static void verify(String token, long personId, long id, String code) {
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .when()
                .post("/api/contacts/" + personId + "/methods/" + id + "/verify")
                .then()
                .statusCode(200);
    }
}
