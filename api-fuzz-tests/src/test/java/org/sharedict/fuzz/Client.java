package org.sharedict.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP to the gateway, one request at a time, with a bound on every answer. */
final class Client {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration ANSWER_BOUND = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    Client(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    /** Sends as it is; a request that gets no answer within the bound answers status 0. */
    Answer send(Request r, String bearer, String requestId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(r.target())).timeout(ANSWER_BOUND);
        r.headers().forEach(b::header);
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (requestId != null) {
            b.header("X-Request-Id", requestId);
        }
        if (r.contentType() != null) {
            b.header("Content-Type", r.contentType());
        }
        b.method(
                r.method(),
                r.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> answer = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(
                    answer.statusCode(),
                    answer.headers(),
                    answer.body(),
                    (System.nanoTime() - start) / 1_000_000,
                    null);
        } catch (IOException e) {
            return Answer.none(
                    (System.nanoTime() - start) / 1_000_000, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A call that must work (seeding, sign-in): its JSON answer, or an exception saying what came back. */
    JsonNode call(String method, String path, Object body, String bearer, int... expected) {
        Request r = Request.of(method, path);
        if (body != null) {
            r = r.withBody(body instanceof String s ? s : write(body), "application/json");
        }
        Answer a = send(r, bearer, null);
        for (int e : expected) {
            if (a.status() == e) {
                try {
                    return a.body().length == 0 ? JSON.nullNode() : JSON.readTree(a.body());
                } catch (IOException ex) {
                    throw new IllegalStateException(
                            method + " " + path + " answered " + a.status() + " with no JSON: " + a.text(), ex);
                }
            }
        }
        throw new IllegalStateException(method + " " + path + " answered " + a.status() + " (expected "
                + java.util.Arrays.toString(expected) + "): " + (a.failure() != null ? a.failure() : a.text())
                + (r.body() == null ? "" : "\n  sent: " + r.bodyText()));
    }

    String signIn(String username, String password) {
        return call("POST", "/api/auth/login", Map.of("username", username, "password", password), null, 200)
                .path("accessToken")
                .asText();
    }

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
