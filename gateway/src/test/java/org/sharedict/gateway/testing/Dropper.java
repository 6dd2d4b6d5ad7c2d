package org.sharedict.gateway.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service that closes kept-alive connections the way a real one does at its idle timeout,
 * with the timing made certain: a connection that has answered once and then stayed idle for at
 * least {@code idleMillis} is closed, unanswered, when the next request arrives on it (the
 * server's close and the client's reuse crossed on the wire). It never sends
 * {@code Connection: close}. A fresh connection's first request is always answered.
 */
public final class Dropper {

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
                String body = path.startsWith("/q/health")
                        ? "{\"status\":\"UP\",\"checks\":[]}"
                        : path.startsWith("/q/openapi") ? OpenApiDocs.of(name) : "{\"method\":\"" + method + "\"}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
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
            if (n >= 4
                    && b.charAt(n - 4) == '\r'
                    && b.charAt(n - 3) == '\n'
                    && b.charAt(n - 2) == '\r'
                    && b.charAt(n - 1) == '\n') {
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
