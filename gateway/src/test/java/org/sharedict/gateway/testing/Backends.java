package org.sharedict.gateway.testing;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.sharedict.testing.FreePorts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Stand-ins for the three services (WireMock on fixed free ports, so a test can stop one and start
 * it again at the same address) and a "probe" service whose timing the tests control: a response
 * that waits for the test between two chunks, one that never answers in time, an upload counter.
 */
public class Backends implements QuarkusTestResourceLifecycleManager {

    /** What tests get through {@link InjectBackends}. */
    public static final class Servers {
        public final WireMockServer skills;
        public final WireMockServer rota;
        public final WireMockServer dr;
        public final Probe probe;
        /** Drops every kept-alive connection when the next request arrives on it (route /api/dropper). */
        public final Dropper dropper;
        /** Drops a kept-alive connection that was idle 1.5 s when the next request arrives on it (route /api/idler). */
        public final Dropper idler;

        Servers(
                WireMockServer skills,
                WireMockServer rota,
                WireMockServer dr,
                Probe probe,
                Dropper dropper,
                Dropper idler) {
            this.skills = skills;
            this.rota = rota;
            this.dr = dr;
            this.probe = probe;
            this.dropper = dropper;
            this.idler = idler;
        }

        /** Starts a stopped stand-in again at its address, with its health and OpenAPI answers. */
        public void restart(WireMockServer server, String service) {
            if (!server.isRunning()) {
                server.start();
            }
            defaults(server, service);
        }
    }

    private Servers servers;

    @Override
    public Map<String, String> start() {
        WireMockServer skills = wiremock("skills-service");
        WireMockServer rota = wiremock("rota-service");
        WireMockServer dr = wiremock("dr-planner");
        Probe probe = new Probe();
        Dropper dropper = new Dropper("dropper", 0);
        Dropper idler = new Dropper("idler", 1500);
        servers = new Servers(skills, rota, dr, probe, dropper, idler);
        Map<String, String> config = new HashMap<>();
        config.put("gateway.services.skills-service.url", skills.baseUrl());
        config.put("gateway.services.rota-service.url", rota.baseUrl());
        config.put("gateway.services.dr-planner.url", dr.baseUrl());
        config.put("gateway.services.probe.url", probe.baseUrl());
        config.put("gateway.services.probe.prefixes", "/api/probe");
        config.put("gateway.services.probe.max-body-size", "64K");
        // The same probe as a second, slow service whose circuit the resilience test opens.
        config.put("gateway.services.slow.url", probe.baseUrl());
        config.put("gateway.services.slow.prefixes", "/api/slow");
        config.put("gateway.services.dropper.url", dropper.baseUrl());
        config.put("gateway.services.dropper.prefixes", "/api/dropper");
        config.put("gateway.services.idler.url", idler.baseUrl());
        config.put("gateway.services.idler.prefixes", "/api/idler");
        // Shorter than the idler's own 1.5 s, as every service's pool must be (README, Resilience).
        config.put("gateway.services.idler.keep-alive-timeout", "1S");
        config.put("quarkus.rest-client.skills.url", skills.baseUrl());
        return config;
    }

    private static WireMockServer wiremock(String service) {
        WireMockServer server = new WireMockServer(options()
                .port(FreePorts.outsideTheEphemeralRange())
                .bindAddress("127.0.0.1")
                .gzipDisabled(true));
        server.start();
        defaults(server, service);
        return server;
    }

    /** Health, an OpenAPI document with one path per route prefix, and the partners the tests use. */
    static void defaults(WireMockServer server, String service) {
        server.stubFor(get(urlEqualTo("/q/health/ready"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"}]}")));
        server.stubFor(get(urlPathEqualTo("/q/openapi"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(OpenApiDocs.of(service))));
        if (service.equals("skills-service")) {
            for (String code : new String[] {"BBC", "LCC", "COL", "ELDC"}) {
                server.stubFor(get(urlEqualTo("/api/partners/" + code))
                        .atPriority(10)
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"code\":\"" + code + "\",\"name\":\"" + code + " council\"}")));
            }
            server.stubFor(get(urlMatching("/api/partners/[A-Z0-9]+"))
                    .atPriority(20)
                    .willReturn(aResponse()
                            .withStatus(404)
                            .withHeader("Content-Type", "application/problem+json")
                            .withBody("{\"type\":\"urn:sharedict:problem:not-found\",\"status\":404}")));
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                servers, new TestInjector.AnnotatedAndMatchesType(InjectBackends.class, Servers.class));
    }

    @Override
    public void stop() {
        if (servers != null) {
            servers.skills.stop();
            servers.rota.stop();
            servers.dr.stop();
            servers.probe.stop();
            servers.dropper.stop();
            servers.idler.stop();
        }
    }
}
