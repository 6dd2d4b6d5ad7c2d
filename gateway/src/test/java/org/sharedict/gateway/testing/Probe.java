package org.sharedict.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The probe service: a plain JDK HTTP server whose answers wait for the test. */
public final class Probe {

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
        server.createContext(
                "/q/health/ready", ex -> send(ex, 200, "application/json", "{\"status\":\"UP\",\"checks\":[]}"));
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
