package org.sharedict.uitests;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a council's OpenID Connect provider on a local port, so that the browser can walk
 * "Sign in with your council" end to end: discovery, JWKS, an authorization endpoint that signs in
 * one council engineer at once (no login form: the gateway's part is what is tested) and sends the
 * browser back with a code, and a token endpoint that checks the client, the redirect address and
 * PKCE before answering an ID token signed (RS256) with a throwaway key.
 */
final class StandInCouncil implements AutoCloseable {

    static final String PROVIDER = "lincs";
    static final String DISPLAY_NAME = "Lincolnshire County Council";
    static final String CLIENT_ID = "shared-ict-ui-tests";
    static final String CLIENT_SECRET = "stand-in-secret-for-the-browser-tests";
    static final String GROUP = "ict-staff";
    static final String USERNAME = "council.engineer";
    static final String NAME = "Casey Council-Engineer";

    /** The next sign-in is refused at the provider (error=access_denied), as when someone cancels it. */
    volatile boolean refuseNext;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final KeyPair key;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();

    StandInCouncil() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            key = g.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server.createContext(
                "/.well-known/openid-configuration", ex -> send(ex, 200, "application/json", """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"]}
                """.formatted(url())));
        server.createContext("/jwks", ex -> {
            RSAPublicKey pub = (RSAPublicKey) key.getPublic();
            send(
                    ex,
                    200,
                    "application/json",
                    "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"stand-in\",\"n\":\""
                            + B64.encodeToString(unsigned(pub.getModulus())) + "\",\"e\":\""
                            + B64.encodeToString(unsigned(pub.getPublicExponent())) + "\"}]}");
        });
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The gateway's settings for this provider, as JVM options for JAVA_TOOL_OPTIONS (which reads a quoted value with spaces as one). */
    String gatewayOptions() {
        String p = "-Dgateway.oidc." + PROVIDER + ".";
        return String.join(
                " ",
                p + "issuer=" + url(),
                p + "client-id=" + CLIENT_ID,
                p + "client-secret=" + CLIENT_SECRET,
                p + "display-name=\"" + DISPLAY_NAME + "\"",
                p + "partner=LCC",
                p + "role-mapping." + GROUP + "=engineer");
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(q.get("client_id"))
                || !"code".equals(q.get("response_type"))
                || !"S256".equals(q.get("code_challenge_method"))) {
            send(ex, 400, "text/plain", "bad authorization request");
            return;
        }
        if (refuseNext) {
            // The person cancelled, or the council refused them: the provider says so to the callback.
            refuseNext = false;
            ex.getResponseHeaders()
                    .add("Location", q.get("redirect_uri") + "?error=access_denied&state=" + enc(q.get("state")));
            ex.sendResponseHeaders(302, -1);
            ex.close();
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, q);
        ex.getResponseHeaders()
                .add("Location", q.get("redirect_uri") + "?code=" + enc(code) + "&state=" + enc(q.get("state")));
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> f = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = ex.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] idSecret =
                    new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            f.putIfAbsent("client_id", URLDecoder.decode(idSecret[0], StandardCharsets.UTF_8));
            f.putIfAbsent("client_secret", URLDecoder.decode(idSecret[1], StandardCharsets.UTF_8));
        }
        Map<String, String> auth = codes.remove(f.getOrDefault("code", ""));
        if (auth == null
                || !CLIENT_ID.equals(f.get("client_id"))
                || !CLIENT_SECRET.equals(f.get("client_secret"))
                || !auth.get("redirect_uri").equals(f.get("redirect_uri"))
                || !auth.get("code_challenge")
                        .equals(B64.encodeToString(sha256(f.getOrDefault("code_verifier", ""))))) {
            send(ex, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", url());
        claims.put("aud", CLIENT_ID);
        claims.put("sub", "stand-in-subject-1");
        claims.put("iat", now);
        claims.put("exp", now + 300);
        claims.put("nonce", auth.get("nonce"));
        claims.put("preferred_username", USERNAME);
        claims.put("email", USERNAME + "@lincolnshire.example.gov.uk");
        claims.put("name", NAME);
        claims.put("groups", List.of(GROUP));
        try {
            String head = B64.encodeToString(
                    "{\"alg\":\"RS256\",\"kid\":\"stand-in\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String body = B64.encodeToString(PlatformApi.JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key.getPrivate());
            rs256.update((head + "." + body).getBytes(StandardCharsets.US_ASCII));
            String idToken = head + "." + body + "." + B64.encodeToString(rs256.sign());
            send(
                    ex,
                    200,
                    "application/json",
                    "{\"access_token\":\"opaque\",\"token_type\":\"Bearer\",\"expires_in\":300,\"id_token\":\""
                            + idToken + "\"}");
        } catch (Exception e) {
            send(ex, 500, "text/plain", e.toString());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            m.put(
                    URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
