package org.sharedict.gateway.apikeys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import org.sharedict.gateway.auth.TokenIssuer;
import org.sharedict.gateway.platform.GatewayConfig;
import org.sharedict.gateway.platform.PathPattern;
import org.sharedict.gateway.platform.Secrets;

/**
 * Checks the {@code X-Api-Key} of a request. A verified key is remembered for
 * gateway.api-keys.cache-for (so a monitoring system's burst costs one database read), and so is
 * the token minted for it, which is reused while more than half its lifetime is left (so a service
 * always gets one with seconds to spare).
 */
@ApplicationScoped
public class ApiKeyVerifier {

    public record KeyPrincipal(
            long id, String publicId, String name, String partner, Set<String> permissions, Instant expiresAt) {}

    private record Remembered(Optional<KeyPrincipal> principal, Instant until) {}

    private final GatewayConfig config;
    private final TokenIssuer issuer;
    private final Vertx vertx;
    private final Clock clock;

    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();
    private final Map<Long, TokenIssuer.Issued> tokens = new ConcurrentHashMap<>();
    private Map<String, List<PathPattern>> rules;

    ApiKeyVerifier(GatewayConfig config, TokenIssuer issuer, Vertx vertx, Clock clock) {
        this.config = config;
        this.issuer = issuer;
        this.vertx = vertx;
        this.clock = clock;
    }

    @PostConstruct
    void readRules() {
        rules = config.apiKeys().permissions().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> PathPattern.parseAll(e.getValue())));
    }

    /** The key's principal, or empty when the key is unknown, wrong, expired or revoked. */
    public Future<Optional<KeyPrincipal>> verify(String presented) {
        Optional<ApiKeyFormat.Parts> parts = ApiKeyFormat.parse(presented);
        if (parts.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        String hash = Secrets.sha256(parts.get().secret());
        String cacheKey = parts.get().publicId() + ":" + hash;
        Instant now = Instant.now(clock);
        Remembered r = verified.get(cacheKey);
        if (r != null && r.until().isAfter(now)) {
            return Future.succeededFuture(r.principal()
                    .filter(p -> p.expiresAt() == null || p.expiresAt().isAfter(now)));
        }
        return vertx.executeBlocking(
                () -> {
                    ApiKeyService service =
                            Arc.container().instance(ApiKeyService.class).get();
                    Optional<KeyPrincipal> found =
                            service.findUsable(parts.get().publicId(), hash);
                    // Failures are remembered briefly too, so repeating a wrong key does not reach the database each
                    // time.
                    Instant until = Instant.now(clock)
                            .plus(found.isPresent() ? config.apiKeys().cacheFor() : Duration.ofSeconds(5));
                    verified.put(cacheKey, new Remembered(found, until));
                    return found;
                },
                false);
    }

    /** True when one of the key's permissions allows this request at the gateway. */
    public boolean allows(KeyPrincipal key, String method, String path) {
        for (String permission : key.permissions()) {
            for (PathPattern p : rules.getOrDefault(permission, List.of())) {
                if (p.matches(method, path)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The short-lived token forwarded for the key's requests (the token contract's API-key form). */
    public String token(KeyPrincipal key) {
        Instant now = Instant.now(clock);
        TokenIssuer.Issued t = tokens.get(key.id());
        if (t == null
                || t.expiresAt()
                        .isBefore(now.plus(config.apiKeys().tokenLifetime().dividedBy(2)))) {
            t = issuer.forApiKey(key.id(), key.name(), key.partner(), key.permissions());
            tokens.put(key.id(), t);
        }
        return t.token();
    }

    /** Called when a key is revoked on this instance: it stops working at once here. */
    void forget(String publicId) {
        verified.keySet().removeIf(k -> k.startsWith(publicId + ":"));
    }
}
