package org.sharedict.platform.web;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One line per request, as Quarkus' own access log wrote it ({@code %h "%r" %s %b %D ms
 * rid=<X-Request-Id>}), but with the secrets some addresses carry replaced ({@link LogSafe}):
 * Quarkus' access log cannot mask part of a path. On unless {@code ACCESS_LOG=false}; category
 * {@code io.quarkus.http.access-log}, as before, so log settings for it still apply.
 */
@Singleton
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("io.quarkus.http.access-log");

    private final boolean enabled;

    AccessLog(@ConfigProperty(name = "sharedict.access-log.enabled", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
    }

    void install(@Observes Router router) {
        if (!enabled) {
            return;
        }
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            long start = System.nanoTime();
            HttpServerRequest request = ctx.request();
            ctx.addEndHandler(ended -> {
                HttpServerResponse response = ctx.response();
                LOG.info(line(
                        request.remoteAddress(),
                        request.method().name(),
                        request.uri(),
                        request.version() == null ? "HTTP/1.1" : versionName(request),
                        response.getStatusCode(),
                        response.bytesWritten(),
                        (System.nanoTime() - start) / 1_000_000,
                        response.headers().get(RequestIds.HEADER)));
            });
            ctx.next();
        });
    }

    private static String versionName(HttpServerRequest request) {
        return switch (request.version()) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_1_1 -> "HTTP/1.1";
            case HTTP_2 -> "HTTP/2.0";
        };
    }

    static String line(
            SocketAddress remote,
            String method,
            String uri,
            String version,
            int status,
            long bytes,
            long millis,
            String requestId) {
        return (remote == null ? "-" : remote.hostAddress()) + " \"" + method + " " + LogSafe.uri(uri) + " " + version
                + "\" " + status + " " + (bytes == 0 ? "-" : Long.toString(bytes)) + " " + millis + " ms rid="
                + (requestId == null ? "-" : requestId);
    }
}
