package org.sharedict.localrun;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a service's quarkus-run.jar in {@link RunScriptTest}: listens where run.sh tells
 * Quarkus to (QUARKUS_HTTP_PORT, QUARKUS_HTTP_HOST) and answers every request, health included, 200;
 * GET /jvm answers with the JVM options it was started with ("arg ...") and its environment ("env K=V").
 */
public final class StandInService {

    private StandInService() {}

    public static void main(String[] args) throws Exception {
        String host = System.getenv().getOrDefault("QUARKUS_HTTP_HOST", "0.0.0.0"); // Quarkus's own default
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/jvm", exchange -> {
            List<String> lines = new ArrayList<>();
            ManagementFactory.getRuntimeMXBean().getInputArguments().forEach(a -> lines.add("arg " + a));
            System.getenv().forEach((k, v) -> lines.add("env " + k + "=" + v));
            byte[] body = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("stand-in listening on " + host + ":" + port);
    }
}
