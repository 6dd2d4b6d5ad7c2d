package org.sharedict.rota.platform;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Traces switched on (OTEL_SDK_DISABLED=false): a request that arrives with a W3C traceparent (as the
 * gateway sends it) keeps its trace in rota-service's call to skills-service, under a span of
 * rota-service's own, and carries the same request ID.
 */
@QuarkusTest
@TestProfile(TracingTest.TracesOn.class)
class TracingTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    public static class TracesOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The skills-service stand-in doubles as the OTLP collector (its /v1/traces).
            return Map.of(
                    "quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.protocol", "http/protobuf",
                    "quarkus.otel.exporter.otlp.endpoint", "${quarkus.rest-client.skills.url}");
        }
    }

    @InjectStubs
    WireMockServer skills;

    @Test
    void aCallToSkillsServiceStaysInTheCallersTrace() {
        skills.stubFor(post(urlPathEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)));
        Person person = Fixtures.person(skills, Fixtures.partner(skills), "Tracy Trace");
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        new Random().nextBytes(trace);
        new Random().nextBytes(span);
        trace[0] = 1;
        String traceId = HexFormat.of().formatHex(trace);
        String callerSpan = HexFormat.of().formatHex(span);
        String requestId = "trace-test-" + traceId.substring(0, 8);

        given().auth()
                .oauth2(Tokens.admin())
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .header("X-Request-Id", requestId)
                .when()
                .get("/api/calendar/feeds/people/" + person.id())
                .then()
                .statusCode(200);

        List<LoggedRequest> calls = skills.findAll(getRequestedFor(urlPathEqualTo("/api/people/" + person.id())));
        assertFalse(calls.isEmpty(), "rota-service asked skills-service about the person");
        for (LoggedRequest call : calls) {
            String traceparent = call.getHeader("traceparent");
            Matcher m = TRACEPARENT.matcher(traceparent == null ? "" : traceparent);
            assertTrue(m.matches(), "skills-service got a W3C traceparent, not " + traceparent);
            assertEquals(traceId, m.group(1), "the call belongs to the caller's trace");
            assertNotEquals(callerSpan, m.group(2), "under rota-service's own span");
            assertEquals(requestId, call.getHeader("X-Request-Id"), "one request ID across the services");
        }
    }
}
