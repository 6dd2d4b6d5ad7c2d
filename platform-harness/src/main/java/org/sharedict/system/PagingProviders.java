package org.sharedict.system;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * GOV.UK Notify and Twilio as rota-service meets them in production, on a local port: their
 * documented answers to sending an SMS and placing a call, and what reached them. rota-service
 * talks to it through the official Notify client and its Twilio client, switched on by the same
 * settings a deployment uses ({@link #environment()}).
 */
public final class PagingProviders implements AutoCloseable {

    static final String ACCOUNT = "ACe2e00000000000000000000000000000";
    static final String CALLBACK_TOKEN = "e2e-notify-callback-token";
    static final String NOTIFY_SMS = "/v2/notifications/sms";
    static final String TWILIO_CALLS = "/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;

    PagingProviders() {
        server = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(urlPathEqualTo(NOTIFY_SMS))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"id": "%s", "reference": null, "content": {"body": "text", "from_number": "GOVUK"},
                                 "uri": "https://api.notifications.service.gov.uk/v2/notifications/x",
                                 "template": {"id": "00000000-0000-0000-0000-000000000001", "version": 1,
                                              "uri": "https://api.notifications.service.gov.uk/v2/templates/x"}}
                                """.formatted(UUID.randomUUID()))));
        server.stubFor(post(urlPathEqualTo(TWILIO_CALLS))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"CA0123456789abcdef0123456789abcdef\", \"status\": \"queued\"}")));
    }

    /** rota-service's settings for both providers, as a deployment sets them. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NOTIFY_ENABLED", "true");
        env.put("NOTIFY_BASE_URL", server.baseUrl());
        env.put("NOTIFY_API_KEY", "e2e_key-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0");
        env.put("NOTIFY_CALLBACK_TOKEN", CALLBACK_TOKEN);
        env.put("TWILIO_ENABLED", "true");
        env.put("TWILIO_BASE_URL", server.baseUrl());
        env.put("TWILIO_ACCOUNT_SID", ACCOUNT);
        env.put("TWILIO_AUTH_TOKEN", "e2e-twilio-auth-token");
        env.put("TWILIO_FROM", "+441632960000");
        return env;
    }

    /** A text Notify was asked to send, and when it was asked. */
    public record Text(String body, Instant at) {}

    /** A call Twilio was asked to place: its spoken TwiML, and when it was asked. */
    public record Call(String twiml, Instant at) {}

    /** Every SMS to this number (E.164), oldest first. */
    public List<Text> texts(String phone) {
        return server.findAll(postRequestedFor(urlPathEqualTo(NOTIFY_SMS))).stream()
                .filter(r -> phone.equals(json(r).path("phone_number").asText()))
                .map(r -> new Text(
                        json(r).path("personalisation").path("body").asText(),
                        r.getLoggedDate().toInstant()))
                .toList();
    }

    /** Every call to this number (E.164), oldest first. */
    public List<Call> calls(String phone) {
        return server.findAll(postRequestedFor(urlPathEqualTo(TWILIO_CALLS))).stream()
                .map(r -> Map.entry(form(r.getBodyAsString()), r.getLoggedDate().toInstant()))
                .filter(e -> phone.equals(e.getKey().get("To")))
                .map(e -> new Call(e.getKey().get("Twiml"), e.getValue()))
                .toList();
    }

    private static JsonNode json(LoggedRequest r) {
        try {
            return JSON.readTree(r.getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    @Override
    public void close() {
        server.stop();
    }
}
