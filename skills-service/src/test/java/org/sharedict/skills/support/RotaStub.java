package org.sharedict.skills.support;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A real HTTP stand-in for rota-service (WireMock, dynamic port), answering its hours report as a
 * test registers it: use as {@code @QuarkusTestResource(RotaStub.class)} and receive it in an
 * {@link InjectRotaStub} field. Unstubbed paths answer 404, as WireMock does.
 */
public class RotaStub implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of("quarkus.rest-client.rota.url", server.baseUrl());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                server, new TestInjector.AnnotatedAndMatchesType(InjectRotaStub.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
