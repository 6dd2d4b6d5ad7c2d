package org.sharedict.gateway.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.sharedict.gateway.platform.GatewayConfig;
import org.sharedict.gateway.platform.Secrets;
import org.sharedict.gateway.users.Account;

/**
 * Signs access tokens per the token contract (docs/ARCHITECTURE.md) with the gateway's private key.
 * At start it signs a probe token and verifies it with the public key every service uses, so a
 * mismatched key pair stops the gateway instead of every sign-in failing later.
 */
@ApplicationScoped
@Startup
public class TokenIssuer {

    public static final String KEY_ID = "gateway";

    private final String keyLocation;
    private final String issuer;
    private final GatewayConfig config;
    private final JWTParser parser;
    private final Clock clock;

    private PrivateKey key;

    TokenIssuer(
            @ConfigProperty(name = "smallrye.jwt.sign.key.location") String keyLocation,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            GatewayConfig config,
            JWTParser parser,
            Clock clock) {
        this.keyLocation = keyLocation;
        this.issuer = issuer;
        this.config = config;
        this.parser = parser;
        this.clock = clock;
    }

    @PostConstruct
    void loadKey() {
        try {
            key = readPkcs8(keyLocation);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Cannot read the token signing key at " + keyLocation + " (JWT_PRIVATE_KEY_LOCATION): "
                            + e.getMessage(),
                    e);
        }
        if (key == null) {
            throw new IllegalStateException("No private key in " + keyLocation + " (JWT_PRIVATE_KEY_LOCATION)");
        }
        String probe = sign(Jwt.subject("gateway-key-check").groups(Set.of()), Duration.ofMinutes(1));
        try {
            parser.parse(probe);
        } catch (ParseException e) {
            throw new IllegalStateException(
                    "The private key (JWT_PRIVATE_KEY_LOCATION) does not match the public key "
                            + "the services verify with (JWT_PUBLIC_KEY_LOCATION), or JWT_ISSUER differs: "
                            + e.getMessage(),
                    e);
        }
    }

    /** A PKCS#8 PEM file (what ./run.sh, compose and the chart hold), named by a path or a file: URI. */
    static PrivateKey readPkcs8(String location) throws Exception {
        Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        String pem = Files.readString(path, StandardCharsets.US_ASCII);
        if (pem.contains("RSA PRIVATE KEY")) {
            throw new IllegalArgumentException(
                    "the key is PKCS#1 (an 'RSA PRIVATE KEY' PEM); convert it to PKCS#8 with "
                            + "'openssl pkcs8 -topk8 -nocrypt'");
        }
        return KeyUtils.decodePrivateKey(pem);
    }

    public record Issued(String token, Instant expiresAt) {}

    /** A user's access token; {@code sessionId} lets signing out refuse it at the gateway. */
    public Issued forUser(Account user, String sessionId) {
        Duration lifetime = config.tokens().accessLifetime();
        JwtClaimsBuilder b = Jwt.subject(user.username())
                .upn(user.username())
                .groups(user.roles())
                .claim("name", user.displayName())
                .claim("sid", sessionId);
        if (user.partner() != null) {
            b.claim("partner", user.partner());
        }
        if (user.personId() != null) {
            b.claim("person", user.personId());
        }
        if (user.email() != null) {
            b.claim("email", user.email());
        }
        Instant exp = Instant.now(clock).plus(lifetime);
        return new Issued(sign(b, lifetime), exp);
    }

    /** The token the gateway forwards for a request made with an API key. */
    public Issued forApiKey(long keyId, String keyName, String partner, Set<String> permissions) {
        Duration lifetime = config.apiKeys().tokenLifetime();
        JwtClaimsBuilder b = Jwt.subject("apikey:" + keyId)
                .upn("apikey:" + keyId)
                .groups(Set.of("integration"))
                .claim("partner", partner)
                .claim("scope", String.join(" ", permissions))
                .claim("name", keyName);
        Instant exp = Instant.now(clock).plus(lifetime);
        return new Issued(sign(b, lifetime), exp);
    }

    private String sign(JwtClaimsBuilder b, Duration lifetime) {
        Instant now = Instant.now(clock);
        return b.issuer(issuer)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("jti", Secrets.random(12))
                .jws()
                .keyId(KEY_ID)
                .algorithm(SignatureAlgorithm.RS256)
                .sign(key);
    }
}
