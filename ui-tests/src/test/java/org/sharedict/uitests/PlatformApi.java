package org.sharedict.uitests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls to the platform's API through the gateway, to prepare what a browser test needs. Access
 * tokens live 30 seconds, so a call refused with 401 renews the token once with the refresh token
 * and is sent again, as any client of the platform does.
 */
final class PlatformApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private String token;
    private String refreshToken;

    private PlatformApi(String base, JsonNode tokens) {
        this.base = base;
        keep(tokens);
    }

    static PlatformApi signIn(String base, String username, String password) {
        JsonNode answer = send(
                HttpRequest.newBuilder(URI.create(base + "/api/auth/login")),
                "POST",
                Map.of("username", username, "password", password),
                null,
                200);
        return new PlatformApi(base, answer);
    }

    JsonNode get(String path) {
        return call(path, "GET", null, 200);
    }

    JsonNode post(String path, Object body, int expected) {
        return call(path, "POST", body, expected);
    }

    JsonNode put(String path, Object body, int expected) {
        return call(path, "PUT", body, expected);
    }

    void delete(String path, int expected) {
        call(path, "DELETE", null, expected);
    }

    /** The status a GET of the path is answered with (200, 404 …). */
    int status(String path) {
        return authorized(path, "GET", null).statusCode();
    }

    private JsonNode call(String path, String method, Object body, int expected) {
        return checked(authorized(path, method, body), method, expected);
    }

    /** The answer, sent again once with a renewed token when the first was refused as expired. */
    private HttpResponse<String> authorized(String path, String method, Object body) {
        HttpResponse<String> r = raw(HttpRequest.newBuilder(URI.create(base + path)), method, body, token);
        if (r.statusCode() == 401) {
            renew();
            r = raw(HttpRequest.newBuilder(URI.create(base + path)), method, body, token);
        }
        return r;
    }

    private void renew() {
        keep(send(
                HttpRequest.newBuilder(URI.create(base + "/api/auth/refresh")),
                "POST",
                Map.of("refreshToken", refreshToken),
                null,
                200));
    }

    private void keep(JsonNode tokens) {
        token = tokens.get("accessToken").asText();
        refreshToken = tokens.get("refreshToken").asText();
    }

    /** A user for the tests; an existing one of that name (a second run on the same platform) is kept. */
    void ensureUser(
            String username, String password, String partner, Long personId, List<String> roles, String displayName) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", displayName);
        body.put("email", username + "@ui-tests.example");
        body.put("partner", partner);
        body.put("personId", personId);
        body.put("roles", roles);
        body.put("password", password);
        body.put("enabled", true);
        HttpResponse<String> r = authorized("/api/users", "POST", body);
        if (r.statusCode() != 201 && r.statusCode() != 200 && r.statusCode() != 409) {
            throw new IllegalStateException("POST /api/users answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static JsonNode send(HttpRequest.Builder b, String method, Object body, String token, int expected) {
        return checked(raw(b, method, body, token), method, expected);
    }

    private static JsonNode checked(HttpResponse<String> r, String method, int expected) {
        if (r.statusCode() != expected && !(expected == 201 && r.statusCode() == 200)) {
            throw new IllegalStateException(method + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        try {
            return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> raw(HttpRequest.Builder b, String method, Object body, String token) {
        try {
            b.timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
