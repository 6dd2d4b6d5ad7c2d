package org.sharedict.gateway.aggregate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;

import org.sharedict.gateway.platform.GatewayConfig;
import org.sharedict.gateway.routing.RoutedServices;
import org.sharedict.gateway.routing.ServiceProxy;

/**
 * The readiness of every service behind the gateway, asked in parallel (each bounded in time) and
 * remembered for two seconds so that frequent probes do not multiply into the services.
 */
@ApplicationScoped
public class ServicesHealth {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** One service: UP or DOWN, and why when DOWN; {@code checks} are the service's own (name to status). */
    public record State(String service, boolean up, String detail, Map<String, String> checks) {}

    private record Cached(List<State> states, long until) {}

    private final RoutedServices services;
    private final ObjectMapper json;
    private final GatewayConfig config;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    ServicesHealth(RoutedServices services, ObjectMapper json, GatewayConfig config) {
        this.services = services;
        this.json = json;
        this.config = config;
    }

    public Future<List<State>> states() {
        Cached c = cache.get();
        if (c != null && c.until() > System.nanoTime()) {
            return Future.succeededFuture(c.states());
        }
        List<Future<State>> asked = new ArrayList<>();
        for (ServiceProxy s : services.proxies()) {
            asked.add(s.fetch(s.target().config().healthPath(), TIMEOUT)
                    .map(f -> state(s.name(), f))
                    .otherwise(e -> new State(
                            s.name(), false, "did not answer (" + e.getClass().getSimpleName() + ")", Map.of())));
        }
        return Future.all(asked).map(all -> {
            List<State> states = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                states.add(all.resultAt(i));
            }
            cache.set(new Cached(
                    states, System.nanoTime() + config.aggregate().healthCache().toNanos()));
            return states;
        });
    }

    private State state(String name, ServiceProxy.Fetched f) {
        Map<String, String> checks = new LinkedHashMap<>();
        try {
            JsonNode body = json.readTree(f.body().getBytes());
            for (JsonNode check : body.path("checks")) {
                checks.put(check.path("name").asText(), check.path("status").asText());
            }
        } catch (Exception e) {
            // A body that is not SmallRye Health JSON: the status code alone decides.
        }
        boolean up = f.status() == 200;
        return new State(name, up, up ? "ready" : "not ready (HTTP " + f.status() + ")", checks);
    }
}
