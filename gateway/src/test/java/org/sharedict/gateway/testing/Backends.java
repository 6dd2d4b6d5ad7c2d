package org.sharedict.gateway.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
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
        /** Drops every kept-alive connection when the next request arrives on it (route /api/dropper). */
        public final Dropper dropper;
        /** Drops a kept-alive connection that was idle 1.5 s when the next request arrives on it (route /api/idler). */
        public final Dropper idler;

        Servers(WireMockServer skills, WireMockServer rota, WireMockServer dr, Probe probe, Dropper dropper, Dropper idler) {
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
            servers.dropper.stop();
            servers.idler.stop();
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

    /**
     * A service that closes kept-alive connections the way a real one does at its idle timeout,
     * with the timing made certain: a connection that has answered once and then stayed idle for at
     * least {@code idleMillis} is closed, unanswered, when the next request arrives on it (the
     * server's close and the client's reuse crossed on the wire). It never sends
     * {@code Connection: close}. A fresh connection's first request is always answered.
     */
    public static final class Dropper {

        private final ServerSocket server;
        private final String name;
        private final long idleMillis;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        /** Requests answered, by method. */
        public final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
        /** Connections this service dropped with a request on them, unanswered. */
        public final AtomicInteger dropped = new AtomicInteger();
        /** Connections the gateway closed itself (its pool let them go). */
        public final AtomicInteger closedByClient = new AtomicInteger();
        public final AtomicInteger connections = new AtomicInteger();

        Dropper(String name, long idleMillis) {
            this.name = name;
            this.idleMillis = idleMillis;
            try {
                server = new ServerSocket();
                server.bind(new InetSocketAddress("127.0.0.1", 0), 200);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            threads.execute(this::accept);
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        public int answered(String method) {
            return answered.computeIfAbsent(method, m -> new AtomicInteger()).get();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    connections.incrementAndGet();
                    open.add(s);
                    threads.execute(() -> serve(s));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s) {
                InputStream in = new BufferedInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                long answeredAt = -1;
                while (true) {
                    int first = in.read();
                    if (first < 0) {
                        closedByClient.incrementAndGet();
                        return;
                    }
                    if (answeredAt >= 0 && System.nanoTime() - answeredAt >= TimeUnit.MILLISECONDS.toNanos(idleMillis)) {
                        dropped.incrementAndGet();
                        return;
                    }
                    String head = (char) first + readHead(in);
                    String[] requestLine = head.substring(0, head.indexOf('\r')).split(" ");
                    String method = requestLine[0];
                    String path = requestLine[1];
                    long length = 0;
                    for (String line : head.split("\r\n")) {
                        int colon = line.indexOf(':');
                        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                            length = Long.parseLong(line.substring(colon + 1).trim());
                        }
                    }
                    in.skipNBytes(length);
                    String body = path.startsWith("/q/health") ? "{\"status\":\"UP\",\"checks\":[]}"
                            : path.startsWith("/q/openapi") ? OpenApiDocs.of(name) : "{\"method\":\"" + method + "\"}";
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    if (!method.equals("HEAD")) {
                        out.write(bytes);
                    }
                    out.flush();
                    if (path.startsWith("/api/")) {
                        answered.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
                    }
                    answeredAt = System.nanoTime();
                }
            } catch (IOException | RuntimeException e) {
                // The gateway went away mid-request; nothing to answer.
            } finally {
                open.remove(s);
            }
        }

        /** The request line and headers after the first byte, up to the blank line. */
        private static String readHead(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                b.append((char) c);
                int n = b.length();
                if (n >= 4 && b.charAt(n - 4) == '\r' && b.charAt(n - 3) == '\n' && b.charAt(n - 2) == '\r' && b.charAt(n - 1) == '\n') {
                    break;
                }
            }
            return b.toString();
        }

        void stop() {
            try {
                server.close();
            } catch (IOException e) {
                // closing anyway
            }
            open.forEach(s -> {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing anyway
                }
            });
            threads.shutdownNow();
        }
    }
}
