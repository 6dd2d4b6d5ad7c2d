package org.sharedict.gateway.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

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

        Servers(WireMockServer skills, WireMockServer rota, WireMockServer dr, Probe probe) {
            this.skills = skills;
            this.rota = rota;
            this.dr = dr;
            this.probe = probe;
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
        servers = new Servers(skills, rota, dr, probe);
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
        config.put("quarkus.rest-client.skills.url", skills.baseUrl());
        return config;
    }

    private static WireMockServer wiremock(String service) {
        WireMockServer server = new WireMockServer(options().port(freePort()).bindAddress("127.0.0.1").gzipDisabled(true));
        server.start();
        defaults(server, service);
        return server;
    }

    /** Health, an OpenAPI document with one path per route prefix, and the partners the tests use. */
    static void defaults(WireMockServer server, String service) {
        server.stubFor(get(urlEqualTo("/q/health/ready")).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"}]}")));
        server.stubFor(get(urlPathEqualTo("/q/openapi")).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(OpenApiDocs.of(service))));
        if (service.equals("skills-service")) {
            for (String code : new String[] { "BBC", "LCC", "COL", "ELDC" }) {
                server.stubFor(get(urlEqualTo("/api/partners/" + code)).atPriority(10).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"" + code + "\",\"name\":\"" + code + " council\"}")));
            }
            server.stubFor(get(urlMatching("/api/partners/[A-Z0-9]+")).atPriority(20).willReturn(aResponse().withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"type\":\"urn:sharedict:problem:not-found\",\"status\":404}")));
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(servers, new TestInjector.AnnotatedAndMatchesType(InjectBackends.class, Servers.class));
    }

    @Override
    public void stop() {
        if (servers != null) {
            servers.skills.stop();
            servers.rota.stop();
            servers.dr.stop();
            servers.probe.stop();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The probe service: a plain JDK HTTP server whose answers wait for the test. */
    public static final class Probe {

        private final HttpServer server;
        private final AtomicReference<CountDownLatch> streamGate = new AtomicReference<>(new CountDownLatch(1));
        public final AtomicInteger hangs = new AtomicInteger();
        /** Held by /api/probe/hang: it answers only after 5 s, or when the stand-ins stop. */
        private final CountDownLatch stopping = new CountDownLatch(1);
        public final AtomicReference<Long> lastUpload = new AtomicReference<>();

        Probe() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/api/probe/stream", this::stream);
            server.createContext("/api/slow/hang", this::hang);
            server.createContext("/api/probe/upload", this::upload);
            server.createContext("/q/health/ready", ex -> send(ex, 200, "application/json", "{\"status\":\"UP\",\"checks\":[]}"));
            server.createContext("/q/openapi", ex -> send(ex, 200, "application/json", OpenApiDocs.of("probe")));
            server.start();
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** Arms the next /api/probe/stream: it sends its first chunk, then waits for {@link #releaseStream()}. */
        public void armStream() {
            streamGate.set(new CountDownLatch(1));
        }

        public void releaseStream() {
            streamGate.get().countDown();
        }

        private void stream(HttpExchange ex) throws IOException {
            CountDownLatch gate = streamGate.get();
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("first chunk\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                gate.await(30, TimeUnit.SECONDS);
                out.write("second chunk\n".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void hang(HttpExchange ex) throws IOException {
            hangs.incrementAndGet();
            try {
                stopping.await(5, TimeUnit.SECONDS);
                send(ex, 200, "text/plain", "too late");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The gateway gave up and closed the connection, as it should.
            }
        }

        private void upload(HttpExchange ex) throws IOException {
            long n = 0;
            try (InputStream in = ex.getRequestBody()) {
                byte[] buf = new byte[8192];
                int r;
                while ((r = in.read(buf)) >= 0) {
                    n += r;
                }
            } catch (IOException e) {
                lastUpload.set(-n);
                return;
            }
            lastUpload.set(n);
            send(ex, 200, "text/plain", Long.toString(n));
        }

        private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }

        void stop() {
            releaseStream();
            stopping.countDown();
            server.stop(0);
        }
    }
}
