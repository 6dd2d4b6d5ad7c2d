package org.sharedict.localrun;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for GOV.UK Notify, Twilio, Teams Workflows and Slack for {@code ./run.sh}, as the mail
 * catcher is for e-mail: it answers as they do and keeps each message as a file, so a newcomer reads
 * the SMS, calls and Teams cards a page sends, and nothing leaves the laptop.
 * <ul>
 * <li>{@code POST /v2/notifications/sms} (Notify's API) → {@code sms/*.txt}
 * <li>{@code POST /2010-04-01/Accounts/{sid}/Calls.json} (Twilio) → {@code calls/*.txt}
 * <li>{@code POST /teams/{anything}} → {@code teams/*.json}; {@code POST /slack/{anything}} → {@code slack/*.json}
 * </ul>
 * Prints {@code LOCAL_PAGING_READY port=N} once it listens.
 *
 * <pre>java -cp ... org.sharedict.localrun.LocalPaging .data 2580</pre>
 */
public final class LocalPaging implements AutoCloseable {

    private final CaughtFiles caught = new CaughtFiles();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Path folder;

    public LocalPaging(Path folder, int port) throws IOException {
        this.folder = folder;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/v2/notifications/sms", this::sms);
        server.createContext("/2010-04-01/Accounts/", this::call);
        server.createContext("/teams/", e -> webhook(e, "teams", 202, ""));
        server.createContext("/slack/", e -> webhook(e, "slack", 200, "ok"));
        server.start();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LocalPaging <data folder> <port>");
            System.exit(2);
        }
        try (LocalPaging paging = new LocalPaging(Path.of(args[0]), Integer.parseInt(args[1]))) {
            System.out.println("LOCAL_PAGING_READY port=" + paging.port() + " folder="
                    + Path.of(args[0]).toAbsolutePath());
            Thread.currentThread().join();
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void sms(HttpExchange e) throws IOException {
        JsonNode in = JSON.readTree(body(e));
        String text = in.path("personalisation").path("body").asText();
        save(
                "sms",
                "txt",
                "To: " + in.path("phone_number").asText() + "\nTemplate: "
                        + in.path("template_id").asText() + "\nReference: "
                        + in.path("reference").asText() + "\n\n" + text + "\n");
        String id = UUID.randomUUID().toString();
        answer(
                e,
                201,
                """
                {"id": "%s", "reference": %s, "content": {"body": %s, "from_number": "GOVUK"},
                 "uri": "http://localhost/v2/notifications/%s",
                 "template": {"id": %s, "version": 1, "uri": "http://localhost/v2/templates/x"}}
                """.formatted(
                                id,
                                JSON.writeValueAsString(in.path("reference").asText()),
                                JSON.writeValueAsString(text),
                                id,
                                JSON.writeValueAsString(in.path("template_id").asText())),
                "application/json");
    }

    private void call(HttpExchange e) throws IOException {
        String form = body(e);
        StringBuilder b = new StringBuilder();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                b.append(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))
                        .append(": ")
                        .append(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8))
                        .append('\n');
            }
        }
        save("calls", "txt", b.toString());
        answer(e, 201, "{\"sid\": \"CAlocal" + caught.count() + "\", \"status\": \"queued\"}", "application/json");
    }

    private void webhook(HttpExchange e, String kind, int status, String reply) throws IOException {
        String in = body(e);
        String pretty;
        try {
            pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(in));
        } catch (IOException notJson) {
            pretty = in;
        }
        save(kind, "json", pretty + "\n");
        answer(e, status, reply, "text/plain");
    }

    private static String body(HttpExchange e) throws IOException {
        try (InputStream in = e.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void save(String kind, String extension, String content) throws IOException {
        Path dir = Files.createDirectories(folder.resolve(kind));
        Path file = caught.next(dir, extension);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        System.out.println("local paging: " + kind + "/" + file.getFileName());
    }

    private static void answer(HttpExchange e, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", type);
        e.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
