package org.sharedict.dr.testing;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One real HTTP stub (WireMock, dynamic port) answering as skills-service, rota-service and the gateway's user directory do
 * per docs/ARCHITECTURE.md; tests register the answers they need.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of(
                "quarkus.rest-client.skills.url",
                server.baseUrl(),
                "quarkus.rest-client.rota.url",
                server.baseUrl(),
                "quarkus.rest-client.gateway.url",
                server.baseUrl());
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
