package org.sharedict.gateway.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.vertx.core.Vertx;

import org.sharedict.gateway.platform.GatewayConfig;

/**
 * The route table and one proxy (connection pool, circuit breaker) per service, built once from
 * configuration. The router passes requests to them; the aggregated health and OpenAPI views ask the
 * same proxies, so they see each service as the routes do.
 */
@ApplicationScoped
public class RoutedServices {

    private final RouteTable table;
    private final Map<String, ServiceProxy> proxies = new LinkedHashMap<>();

    RoutedServices(GatewayConfig config, Vertx vertx) {
        table = new RouteTable(config.services());
        for (RouteTable.Target t : table.targets()) {
            proxies.put(t.name(), new ServiceProxy(vertx, t));
            Log.infof("Routing %s to %s", t.config().prefixes(), t.url());
        }
    }

    public RouteTable table() {
        return table;
    }

    /** Every service's proxy, in the order of their names. */
    public List<ServiceProxy> proxies() {
        return List.copyOf(proxies.values());
    }

    ServiceProxy proxy(String name) {
        return proxies.get(name);
    }

    @PreDestroy
    void close() {
        proxies.values().forEach(ServiceProxy::close);
    }
}
