package org.sharedict.gateway.aggregate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.sharedict.gateway.platform.GatewayConfig;
import org.sharedict.gateway.routing.GatewayRouter;
import org.sharedict.gateway.routing.RoutedServices;
import org.sharedict.gateway.routing.ServiceProxy;

/**
 * {@code /q/openapi}: one document for the whole platform, the gateway's own endpoints and every
 * service's, fetched from each service's /q/openapi. A complete document is kept for a minute; one
 * with a service missing for a few seconds only, so the missing part returns soon after the service.
 * Served as YAML, or JSON with {@code ?format=json} or {@code Accept: application/json}.
 */
@ApplicationScoped
public class MergedOpenApi {

    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);
    static final Duration KEEP_PARTIAL = Duration.ofSeconds(5);

    private record Cached(ObjectNode document, long until) {}

    private final ObjectMapper json;
    private final GatewayConfig config;
    private final RoutedServices services;
    private final YAMLMapper yaml = new YAMLMapper();
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    MergedOpenApi(ObjectMapper json, GatewayConfig config, RoutedServices services) {
        this.json = json;
        this.config = config;
        this.services = services;
    }

    void install(@Observes Router router) {
        router.get("/q/openapi").order(GatewayRouter.ORDER_OPENAPI).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        boolean asJson = "json".equalsIgnoreCase(ctx.request().getParam("format"))
                || String.valueOf(ctx.request().getHeader("Accept")).contains("json");
        document().onComplete(ar -> {
            if (ar.failed()) {
                Log.errorf(ar.cause(), "Could not build the merged OpenAPI document");
                ctx.fail(ar.cause());
                return;
            }
            try {
                String body = asJson
                        ? json.writerWithDefaultPrettyPrinter().writeValueAsString(ar.result())
                        : yaml.writeValueAsString(ar.result());
                ctx.response()
                        .putHeader(
                                "Content-Type",
                                asJson ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                        .putHeader("Cache-Control", "no-cache")
                        .end(body);
            } catch (Exception e) {
                ctx.fail(e);
            }
        });
    }

    public Future<ObjectNode> document() {
        Cached c = cache.get();
        if (c != null && c.until() > System.nanoTime()) {
            return Future.succeededFuture(c.document());
        }
        List<Future<OpenApiMerger.Part>> parts = new ArrayList<>();
        for (ServiceProxy s : services.proxies()) {
            parts.add(s.fetch(s.target().config().openapiPath(), FETCH_TIMEOUT)
                    .map(f -> {
                        if (f.status() != 200) {
                            return OpenApiMerger.Part.missing(s.name(), "answered HTTP " + f.status());
                        }
                        try {
                            JsonNode doc = json.readTree(f.body().getBytes());
                            return OpenApiMerger.Part.included(
                                    s.name(),
                                    doc,
                                    path -> isRoutedTo(s, path),
                                    (method, path) ->
                                            s.target().publicPaths().stream().anyMatch(p -> p.matches(method, path)),
                                    s.target().config().maxBodySize().asLongValue());
                        } catch (Exception e) {
                            return OpenApiMerger.Part.missing(s.name(), "sent a document that is not JSON");
                        }
                    })
                    .otherwise(e -> OpenApiMerger.Part.missing(s.name(), "did not answer")));
        }
        return Future.all(parts).map(all -> {
            List<OpenApiMerger.Part> list = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                list.add(all.resultAt(i));
            }
            ObjectNode merged = OpenApiMerger.merge(own(), list);
            boolean complete = list.stream().allMatch(p -> p.document() != null);
            cache.set(new Cached(
                    merged,
                    System.nanoTime()
                            + (complete
                                            ? config.aggregate().openapiCache()
                                            : min(
                                                    KEEP_PARTIAL,
                                                    config.aggregate().openapiCache()))
                                    .toNanos()));
            return merged;
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static boolean isRoutedTo(ServiceProxy s, String path) {
        for (String prefix : s.target().config().prefixes()) {
            String p = prefix.trim();
            if (path.equals(p) || path.startsWith(p + "/")) {
                return true;
            }
        }
        return false;
    }

    private JsonNode own() {
        try {
            byte[] doc =
                    Arc.container().instance(OpenApiDocumentService.class).get().getDocument(Format.JSON);
            return json.readTree(doc);
        } catch (Exception e) {
            throw new IllegalStateException("The gateway's own OpenAPI document is not available", e);
        }
    }
}
