package org.sharedict.gateway.routing;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.sharedict.gateway.testing.Backends;
import org.sharedict.gateway.testing.InjectBackends;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Traces with OpenTelemetry switched on (OTEL_SDK_DISABLED=false, as docs/OPERATIONS.md says): the
 * caller's W3C trace continues through the gateway into the service, under a span of the gateway's
 * own, and the gateway's spans are exported over OTLP (here to a stand-in collector, over HTTP).
 */
@QuarkusTest
@TestProfile(TracingTest.TracesOn.class)
class TracingTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    public static class TracesOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The dr-planner stand-in doubles as the OTLP collector (its /v1/traces), so no other port is needed.
            return Map.of(
                    "quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.protocol", "http/protobuf",
                    "quarkus.otel.exporter.otlp.endpoint", "${gateway.services.dr-planner.url}",
                    "quarkus.otel.bsp.schedule.delay", "PT0.2S");
        }
    }

    @InjectBackends
    Backends.Servers backends;

    @Test
    void theCallersTraceContinuesIntoTheServiceAndTheGatewaysSpansAreExported() {
        backends.dr.stubFor(post(urlPathEqualTo("/v1/traces"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-protobuf")));
        backends.skills.stubFor(get(urlPathEqualTo("/api/partners/TRC"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"TRC\"}")));
        Random random = new Random();
        byte[] traceBytes = new byte[16];
        byte[] spanBytes = new byte[8];
        random.nextBytes(traceBytes);
        random.nextBytes(spanBytes);
        traceBytes[0] = 1; // never the all-zero (invalid) trace ID
        String traceId = HexFormat.of().formatHex(traceBytes);
        String callerSpan = HexFormat.of().formatHex(spanBytes);

        String requestId = given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .when()
                .get("/api/partners/TRC")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Request-Id");

        List<LoggedRequest> reached = backends.skills.findAll(getRequestedFor(urlPathEqualTo("/api/partners/TRC")));
        assertEquals(1, reached.size());
        String traceparent = reached.get(0).getHeader("traceparent");
        Matcher m = TRACEPARENT.matcher(traceparent == null ? "" : traceparent);
        assertTrue(m.matches(), "the service got a W3C traceparent, not " + traceparent);
        assertEquals(traceId, m.group(1), "the service's request belongs to the caller's trace");
        assertNotEquals(callerSpan, m.group(2), "its parent is the gateway's own span, not the caller's");
        assertEquals(requestId, reached.get(0).getHeader("X-Request-Id"), "one request ID from the gateway on");

        // The gateway's spans of that trace reach the collector: the OTLP body carries the trace ID's 16 bytes.
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> backends.dr.findAll(postRequestedFor(urlPathEqualTo("/v1/traces"))).stream()
                        .anyMatch(r -> contains(r.getBody(), traceBytes)));
    }

    private static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= body.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
