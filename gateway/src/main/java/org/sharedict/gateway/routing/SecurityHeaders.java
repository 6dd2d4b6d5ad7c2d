package org.sharedict.gateway.routing;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import org.sharedict.gateway.platform.GatewayConfig;

/**
 * Security headers on every answer, the gateway's own and the services' alike (set just before the
 * headers are written, so they replace whatever a service sent). A service's own
 * Content-Security-Policy is kept; otherwise the UI, API or Swagger UI policy applies.
 */
final class SecurityHeaders {

    private final GatewayConfig.Headers config;

    SecurityHeaders(GatewayConfig.Headers config) {
        this.config = config;
    }

    void apply(RoutingContext ctx) {
        String path = ctx.request().path();
        ctx.addHeadersEndHandler(v -> {
            MultiMap h = ctx.response().headers();
            h.set("X-Content-Type-Options", "nosniff");
            h.set("X-Frame-Options", "DENY");
            h.set("Referrer-Policy", "no-referrer");
            h.set("Cross-Origin-Opener-Policy", "same-origin");
            h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
            if (config.hstsMaxAge() > 0) {
                h.set("Strict-Transport-Security", "max-age=" + config.hstsMaxAge());
            }
            if (!h.contains("Content-Security-Policy")) {
                String csp = path == null
                        ? config.cspApi()
                        : path.startsWith("/q/swagger-ui")
                                ? config.cspSwaggerUi()
                                : path.startsWith("/api/") || path.startsWith("/q/") ? config.cspApi() : config.cspUi();
                h.set("Content-Security-Policy", csp);
            }
        });
    }
}
