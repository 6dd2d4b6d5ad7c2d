package org.sharedict.gateway.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/**
 * A stand-in for a council's OpenID Connect provider, on a local port: discovery, JWKS, an
 * authorization endpoint that signs in whoever the test says (and redirects back with a code), and a
 * token endpoint that checks the client, the redirect URI and PKCE, then returns an ID token signed
 * with a throwaway key.
 */
public class StandInIssuer implements QuarkusTestResourceLifecycleManager {

    public static final String PROVIDER = "council";
    public static final String CLIENT_ID = "gateway-test";
    public static final String CLIENT_SECRET = "stand-in-client-secret";

    /** Who the next sign-in at the stand-in is. */
    public record Identity(String subject, String username, String email, String name, List<String> groups) {}

    /** What tests get through {@link InjectIssuer}. */
    public static final class Issuer {
        private final HttpServer server;
        private final RsaJsonWebKey key;
        private final RsaJsonWebKey otherKey;
        private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
        public volatile Identity next;
        /** Sign the next ID tokens with a key the JWKS does not publish. */
        public volatile boolean signWithUnknownKey;
        /** Put this nonce in the next ID tokens instead of the one the gateway sent. */
        public volatile String forcedNonce;

        public volatile String forcedAudience;

        Issuer() {
            try {
                key = RsaJwkGenerator.generateJwk(2048);
                key.setKeyId("stand-in-1");
                otherKey = RsaJwkGenerator.generateJwk(2048);
                otherKey.setKeyId("stand-in-1");
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/.well-known/openid-configuration", this::discovery);
            server.createContext(
                    "/jwks",
                    ex -> send(
                            ex,
                            200,
                            "application/json",
                            "{\"keys\":[" + key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}"));
            server.createContext("/authorize", this::authorize);
            server.createContext("/token", this::token);
            server.start();
        }

        public String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        public void reset() {
            next = null;
            signWithUnknownKey = false;
            forcedNonce = null;
            forcedAudience = null;
        }

        private void discovery(HttpExchange ex) throws IOException {
            send(ex, 200, "application/json", """
                    {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                     "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                     "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"]}
                    """.formatted(url()));
        }

        private void authorize(HttpExchange ex) throws IOException {
            Map<String, String> q = form(ex.getRequestURI().getRawQuery());
            if (!CLIENT_ID.equals(q.get("client_id"))
                    || !"code".equals(q.get("response_type"))
                    || !"S256".equals(q.get("code_challenge_method"))) {
                send(ex, 400, "text/plain", "bad authorization request");
                return;
            }
            String code = UUID.randomUUID().toString();
            codes.put(code, q);
            String location = q.get("redirect_uri") + "?code=" + enc(code) + "&state=" + enc(q.get("state"));
            ex.getResponseHeaders().add("Location", location);
            ex.sendResponseHeaders(302, -1);
            ex.close();
        }

        private void token(HttpExchange ex) throws IOException {
            Map<String, String> f = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> auth = codes.remove(f.getOrDefault("code", ""));
            if (auth == null
                    || !CLIENT_ID.equals(f.get("client_id"))
                    || !CLIENT_SECRET.equals(f.get("client_secret"))
                    || !auth.get("redirect_uri").equals(f.get("redirect_uri"))
                    || !auth.get("code_challenge").equals(challenge(f.getOrDefault("code_verifier", "")))) {
                send(ex, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                return;
            }
            Identity who = next;
            try {
                JwtClaims c = new JwtClaims();
                c.setIssuer(url());
                c.setAudience(forcedAudience != null ? forcedAudience : CLIENT_ID);
                c.setSubject(who.subject());
                c.setIssuedAtToNow();
                c.setExpirationTimeMinutesInTheFuture(5);
                c.setClaim("nonce", forcedNonce != null ? forcedNonce : auth.get("nonce"));
                c.setClaim("preferred_username", who.username());
                if (who.email() != null) {
                    c.setClaim("email", who.email());
                }
                c.setClaim("name", who.name());
                c.setStringListClaim("groups", who.groups());
                JsonWebSignature jws = new JsonWebSignature();
                jws.setPayload(c.toJson());
                RsaJsonWebKey signer = signWithUnknownKey ? otherKey : key;
                jws.setKey(signer.getPrivateKey());
                jws.setKeyIdHeaderValue(signer.getKeyId());
                jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
                send(
                        ex,
                        200,
                        "application/json",
                        "{\"access_token\":\"opaque\",\"token_type\":\"Bearer\",\"expires_in\":300," + "\"id_token\":\""
                                + jws.getCompactSerialization() + "\"}");
            } catch (Exception e) {
                send(ex, 500, "text/plain", e.toString());
            }
        }

        void stop() {
            server.stop(0);
        }
    }

    private Issuer issuer;

    @Override
    public Map<String, String> start() {
        issuer = new Issuer();
        Map<String, String> config = new HashMap<>();
        String p = "gateway.oidc." + PROVIDER + ".";
        config.put(p + "issuer", issuer.url());
        config.put(p + "client-id", CLIENT_ID);
        config.put(p + "client-secret", CLIENT_SECRET);
        config.put(p + "display-name", "Lincolnshire County Council");
        config.put(p + "partner", "LCC");
        config.put(p + "role-mapping.\"ICT Managers\"", "manager");
        config.put(p + "role-mapping.\"ICT Staff\"", "engineer");
        config.put(p + "role-mapping.\"DR Team\"", "dr-lead,viewer");
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                issuer, new TestInjector.AnnotatedAndMatchesType(InjectIssuer.class, Issuer.class));
    }

    @Override
    public void stop() {
        if (issuer != null) {
            issuer.stop();
        }
    }

    static Map<String, String> form(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    static String challenge(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static URI uri(String s) {
        return URI.create(s);
    }
}
