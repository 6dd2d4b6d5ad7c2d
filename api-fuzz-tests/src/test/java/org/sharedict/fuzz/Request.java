package org.sharedict.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One request as the fuzzer sends it: a path with its parameters filled in, query parameters in
 * order, headers, and a body with its content type (both null for none).
 */
record Request(
        String method,
        String path,
        Map<String, String> query,
        Map<String, String> headers,
        byte[] body,
        String contentType) {

    Request {
        query = new LinkedHashMap<>(query);
        headers = new LinkedHashMap<>(headers);
    }

    static Request of(String method, String path) {
        return new Request(method, path, Map.of(), Map.of(), null, null);
    }

    Request withQuery(Map<String, String> q) {
        return new Request(method, path, q, headers, body, contentType);
    }

    Request withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        if (value == null) {
            h.remove(name);
        } else {
            h.put(name, value);
        }
        return new Request(method, path, query, h, body, contentType);
    }

    Request withBody(byte[] b, String type) {
        return new Request(method, path, query, headers, b, type);
    }

    Request withBody(String b, String type) {
        return withBody(b == null ? null : b.getBytes(StandardCharsets.UTF_8), type);
    }

    Request withPath(String p) {
        return new Request(method, p, query, headers, body, contentType);
    }

    Request withMethod(String m) {
        return new Request(m, path, query, headers, body, contentType);
    }

    /** The path and its query string, encoded as sent. */
    String target() {
        if (query.isEmpty()) {
            return path;
        }
        return path + "?"
                + query.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    String bodyText() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }
}
