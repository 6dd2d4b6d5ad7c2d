package org.sharedict.localrun;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A token per the token contract, signed with the local run's private key, so the demo seeder can
 * call the services' APIs as the partnership admin before anyone has signed in.
 */
final class LocalToken {

    private LocalToken() {}

    static String admin(Path privateKey, String issuer) throws Exception {
        return mint(LocalKeys.readPrivate(privateKey), issuer, "demo-seeder", null, List.of("admin"));
    }

    static String mint(PrivateKey key, String issuer, String subject, String partner, List<String> groups)
            throws Exception {
        return mint(key, issuer, subject, partner, groups, null);
    }

    /** A token for a person's own account ({@code person}: their skills-service ID), as the gateway issues it. */
    static String mint(PrivateKey key, String issuer, String subject, String partner, List<String> groups, Long person)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", groups);
        if (partner != null) {
            claims.put("partner", partner);
        }
        if (person != null) {
            claims.put("person", person);
        }
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header =
                b64.encodeToString(json.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", "local")));
        String payload = b64.encodeToString(json.writeValueAsBytes(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64.encodeToString(rsa.sign());
    }
}
