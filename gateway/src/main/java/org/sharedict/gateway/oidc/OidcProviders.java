package org.sharedict.gateway.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

import org.sharedict.gateway.platform.GatewayConfig;
import org.sharedict.gateway.users.UserService;
import org.sharedict.platform.problem.ProblemException;

/**
 * The configured OpenID Connect providers and what their discovery documents say (endpoints, the
 * JWKS that signs their ID tokens), read on first use and kept for ten minutes.
 */
@ApplicationScoped
public class OidcProviders {

    static final Duration KEEP = Duration.ofMinutes(10);
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    public record Endpoints(
            String issuer, String authorization, String token, HttpsJwksVerificationKeyResolver keys, long until) {}

    private final GatewayConfig config;
    private final ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Map<String, Endpoints> discovered = new ConcurrentHashMap<>();

    OidcProviders(GatewayConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    @PostConstruct
    void validate() {
        config.oidc().forEach((name, p) -> {
            if (!name.matches("[a-z0-9-]{1,64}")) {
                throw new IllegalStateException(
                        "gateway.oidc." + name + ": provider names are lower-case letters, digits and '-'");
            }
            p.roleMapping().forEach((group, roles) -> {
                for (String role : roles.split(",")) {
                    if (!UserService.ROLES.contains(role.trim())) {
                        throw new IllegalStateException("gateway.oidc." + name + ".role-mapping.\"" + group + "\": '"
                                + role + "' is not a role; use " + UserService.ROLES);
                    }
                }
            });
        });
    }

    /** The client that speaks to the providers (discovery here, the token endpoint in OidcService). */
    HttpClient http() {
        return http;
    }

    public GatewayConfig.OidcProvider provider(String name) {
        GatewayConfig.OidcProvider p = config.oidc().get(name);
        if (p == null) {
            throw ProblemException.notFound("Sign-in provider", name);
        }
        return p;
    }

    public String redirectUri(String name) {
        return provider(name)
                .redirectUri()
                .orElse(stripSlash(config.publicUrl()) + "/api/auth/oidc/" + name + "/callback");
    }

    public Endpoints endpoints(String name) {
        Endpoints e = discovered.get(name);
        if (e != null && e.until() > System.nanoTime()) {
            return e;
        }
        GatewayConfig.OidcProvider p = provider(name);
        String issuer = stripSlash(p.issuer());
        JsonNode doc;
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                            .timeout(TIMEOUT)
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw ProblemException.unavailable("The sign-in provider " + name + " answered HTTP " + r.statusCode()
                        + " for its discovery document");
            }
            doc = json.readTree(r.body());
        } catch (IOException ex) {
            throw ProblemException.unavailable("The sign-in provider " + name + " did not answer; try again shortly");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while asking the sign-in provider " + name);
        }
        if (!stripSlash(doc.path("issuer").asText()).equals(issuer)) {
            throw ProblemException.unavailable("The sign-in provider " + name + " names another issuer ("
                    + doc.path("issuer").asText() + ") than configured (" + issuer + ")");
        }
        HttpsJwks jwks = new HttpsJwks(doc.path("jwks_uri").asText());
        e = new Endpoints(
                doc.path("issuer").asText(),
                doc.path("authorization_endpoint").asText(),
                doc.path("token_endpoint").asText(),
                new HttpsJwksVerificationKeyResolver(jwks),
                System.nanoTime() + KEEP.toNanos());
        discovered.put(name, e);
        return e;
    }

    static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
