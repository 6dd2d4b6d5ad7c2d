package org.sharedict.gateway.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading and forging compact JWTs in tests. */
public final class Jwts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Jwts() {}

    public static Map<String, Object> header(String jwt) {
        return part(jwt, 0);
    }

    public static Map<String, Object> claims(String jwt) {
        return part(jwt, 1);
    }

    /** The same token with its payload replaced (the signature no longer matches). */
    public static String withClaims(String jwt, Map<String, Object> claims) {
        String[] p = jwt.split("\\.");
        return p[0] + "." + encode(claims) + "." + p[2];
    }

    /** An unsigned token ("alg": "none") with these claims. */
    public static String unsigned(Map<String, Object> claims) {
        return encode(Map.of("alg", "none", "typ", "JWT")) + "." + encode(claims) + ".";
    }

    public static String encode(Object value) {
        try {
            return URL.encodeToString(JSON.writeValueAsBytes(value));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> part(String jwt, int i) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(jwt.split("\\.")[i]);
            return JSON.readValue(new String(json, StandardCharsets.UTF_8), new TypeReference<>() {});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
