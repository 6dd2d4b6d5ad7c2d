package org.sharedict.gateway.routing;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.impl.HttpUtils;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.sharedict.gateway.platform.ClientAddress;
import org.sharedict.gateway.platform.GatewayConfig;
import org.sharedict.gateway.platform.ProblemResponses;
import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.web.RequestIds;

/**
 * The gateway's handlers on Quarkus' router, in the order of the constants below: the request ID onto
 * the request, security headers, the route of an /api request matched once ({@link MatchedRoute}), the
 * merged OpenAPI document (aggregate's), the access check of /api (access's ApiGuard, after Quarkus'
 * CORS filter, so preflights need no token), then the reverse proxy for the routed prefixes. Each
 * feature installs its own handler at its place in this order.
 * Paths that are not routed fall through to the gateway's own JAX-RS endpoints and static files.
 */
@ApplicationScoped
public class GatewayRouter {

    /** After platform-common's RequestIds (Integer.MIN_VALUE). */
    static final int ORDER_REQUEST = Integer.MIN_VALUE + 10;
    /** After Quarkus' CORS filter (-300), before its upload limit (-2) and the application routes. */
    static final int ORDER_MATCH = -280;

    public static final int ORDER_OPENAPI = -270;
    public static final int ORDER_GUARD = -260;
    static final int ORDER_PROXY = -250;
    /** Own endpoints take small JSON bodies; routed ones have their own limit per service. */
    static final long OWN_MAX_BODY = 1024 * 1024;

    /** The longest path and query passed on; Vert.x itself refuses a request line over 16 KB (application.properties), bare. */
    public static final int MAX_URI = 8192;

    private final GatewayConfig config;
    private final RoutedServices services;
    private final OpenTelemetry telemetry;

    GatewayRouter(GatewayConfig config, RoutedServices services, OpenTelemetry telemetry) {
        this.config = config;
        this.services = services;
        this.telemetry = telemetry;
    }

    void install(@Observes Router router) {
        RouteTable table = services.table();
        SecurityHeaders headers = new SecurityHeaders(config.headers());

        router.route().order(ORDER_REQUEST).handler(ctx -> {
            Object id = ctx.get(RequestIds.MDC_KEY);
            if (id != null) {
                ctx.request().headers().set(RequestIds.HEADER, id.toString());
            }
            headers.apply(ctx);
            if (ctx.request().uri().length() > MAX_URI) {
                ProblemResponses.send(
                        ctx,
                        new Problem(
                                "uri-too-long",
                                "URI too long",
                                414,
                                "The path and query are longer than the " + MAX_URI
                                        + " characters the gateway accepts; send long search terms shorter, or in fewer parameters"),
                        Map.of());
                return;
            }
            ctx.next();
        });
        router.route("/api/*").order(ORDER_MATCH).handler(ctx -> {
            HttpServerRequest req = ctx.request();
            ctx.put(MatchedRoute.KEY, table.route(req.method().name(), normalizedPath(req)));
            ctx.next();
        });
        router.route("/api/*").order(ORDER_PROXY).handler(this::route);
    }

    private void route(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        MatchedRoute route = MatchedRoute.of(ctx);
        RouteTable.Target target = route.target();
        if (target == null) {
            String length = req.getHeader("Content-Length");
            if (length != null && parses(length) > OWN_MAX_BODY) {
                tooLarge(ctx, OWN_MAX_BODY, "the gateway");
                return;
            }
            ctx.next();
            return;
        }
        long limit = target.config().maxBodySize().asLongValue();
        String length = req.getHeader("Content-Length");
        if (length != null && parses(length) > limit) {
            tooLarge(ctx, limit, target.name());
            return;
        }
        prepareHeaders(req);
        // The service's spans belong under this request's span (traces switched on), not beside the
        // caller's: the proxy copies the request's headers, so the trace context is written onto them.
        // Switched off, the propagator is a no-op and a caller's traceparent passes on unchanged.
        telemetry.getPropagators().getTextMapPropagator().inject(Context.current(), req.headers(), MultiMap::set);
        services.proxy(target.name()).handle(req, route.path());
    }

    /** What the service is told about the request, on top of the client's own end-to-end headers. */
    private static void prepareHeaders(HttpServerRequest req) {
        MultiMap h = req.headers();
        for (String name : HopByHop.named(h)) {
            h.remove(name);
        }
        h.remove("Forwarded");
        if (req.version() == HttpVersion.HTTP_2
                && !h.contains("Content-Length")
                && (req.method() == HttpMethod.POST
                        || req.method() == HttpMethod.PUT
                        || req.method() == HttpMethod.PATCH)) {
            // HTTP/2 has no Transfer-Encoding; the service is spoken to in HTTP/1.1, where a body of unknown length is
            // chunked.
            h.set("Transfer-Encoding", "chunked");
        }
        h.set("X-Forwarded-For", ClientAddress.of(req));
        h.set("X-Forwarded-Proto", req.scheme() == null ? "http" : req.scheme());
        if (req.authority() != null) {
            h.set("X-Forwarded-Host", req.authority().toString());
        }
    }

    private static void tooLarge(RoutingContext ctx, long limit, String where) {
        ctx.response().putHeader("Connection", "close");
        ProblemResponses.send(
                ctx,
                new Problem(
                        "payload-too-large",
                        "Request too large",
                        413,
                        "The request body is larger than the " + limit + " bytes accepted by " + where),
                Map.of());
    }

    private static long parses(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The path with "." and ".." segments resolved and percent-encoding normalised (RFC 3986). */
    private static String normalizedPath(HttpServerRequest req) {
        String p = req.path();
        return p == null ? "/" : HttpUtils.normalizePath(p);
    }
}
