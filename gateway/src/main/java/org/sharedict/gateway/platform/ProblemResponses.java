package org.sharedict.gateway.platform;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.web.RequestIds;

/** problem+json answers written by the gateway's Vert.x handlers (outside JAX-RS). */
public final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {}

    public static void send(RoutingContext ctx, Problem problem, Map<String, String> headers) {
        send(ctx.request(), problem, headers);
    }

    public static void send(HttpServerRequest request, Problem problem, Map<String, String> headers) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(problem.status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        response.end(body(request, problem));
    }

    public static String body(HttpServerRequest request, Problem problem) {
        if (problem.instance == null) {
            problem.instance = request.path();
        }
        if (problem.requestId == null) {
            problem.requestId = request.getHeader(RequestIds.HEADER);
        }
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return "{\"type\":\"urn:sharedict:problem:internal-error\",\"status\":500}";
        }
    }

    public static Problem unauthenticated(String detail) {
        return new Problem("unauthenticated", "Sign-in required", 401, detail);
    }

    public static void unauthenticated(RoutingContext ctx, String detail) {
        send(ctx, unauthenticated(detail), Map.of("WWW-Authenticate", "Bearer"));
    }

    public static void forbidden(RoutingContext ctx, String detail) {
        send(ctx, new Problem("forbidden", "Forbidden", 403, detail), Map.of());
    }

    public static void rateLimited(RoutingContext ctx, String detail, long retryAfterSeconds) {
        long seconds = Math.max(1, retryAfterSeconds);
        send(
                ctx,
                new Problem("rate-limited", "Too many requests", 429, detail).with("retryAfterSeconds", seconds),
                Map.of("Retry-After", Long.toString(seconds)));
    }
}
