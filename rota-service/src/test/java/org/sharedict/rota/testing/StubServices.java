package org.sharedict.rota.testing;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One real HTTP stub (WireMock, dynamic port) answering as skills-service does per
 * docs/ARCHITECTURE.md, and receiving outgoing webhooks; tests register the answers they need. It
 * stands in for GOV.UK Notify and Twilio too. It knows the Lincolnshire partners from the start; any other partner code is a 404 problem, as in
 * skills-service, until a test registers it ({@link Fixtures#partner}).
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(
                options().dynamicPort().bindAddress("127.0.0.1").extensions(new LeaveStandIn()));
        server.start();
        LeaveStandIn.register(server);
        server.stubFor(
                get(urlPathMatching("/api/partners/[^/]+"))
                        .atPriority(10)
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody(
                                                "{\"type\": \"urn:sharedict:problem:not-found\", \"title\": \"Not found\", \"status\": 404}")));
        for (String code :
                List.of("BBC", "ELDC", "LCC", "COL", "NKDC", "SHDC", "SKDC", "WLDC", "LINCSPOL", "ULHT", "LCHS")) {
            partner(server, code);
        }
        return Map.of(
                "quarkus.rest-client.skills.url", server.baseUrl(),
                "rota.sms.base-url", server.baseUrl(),
                "rota.voice.base-url", server.baseUrl());
    }

    /** skills-service knows this partner from now on. */
    public static void partner(WireMockServer skills, String code) {
        skills.stubFor(get(urlPathEqualTo("/api/partners/" + code))
                .atPriority(1)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"code\": \"%s\", \"name\": \"%s council\", \"type\": \"DISTRICT_COUNCIL\", \"version\": 0}"
                                        .formatted(code, code))));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                server, new TestInjector.AnnotatedAndMatchesType(InjectStubs.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
