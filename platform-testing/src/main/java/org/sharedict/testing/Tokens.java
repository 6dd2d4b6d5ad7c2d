package org.sharedict.testing;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Mints tokens the way the gateway does (docs/ARCHITECTURE.md, "Token contract"), signed with the
 * test JVM's throwaway key. {@code Tokens.manager("BOS")} is a Boston manager; use the builder for
 * anything unusual (expired, wrong issuer, wrong key).
 */
public final class Tokens {

    private String subject;
    private String partner;
    private final Set<String> roles = new LinkedHashSet<>();
    private String scope;
    private Long person;
    private String email;
    private Duration lifetime = Duration.ofMinutes(15);
    private Instant issuedAt;
    private String issuer;
    private PrivateKey key;

    private Tokens(String subject) {
        this.subject = subject;
    }

    public static Tokens as(String subject) {
        return new Tokens(subject);
    }

    public static String admin() {
        return as("admin").roles("admin").token();
    }

    public static String manager(String partner) {
        return as("manager-" + partner.toLowerCase())
                .partner(partner)
                .roles("manager")
                .token();
    }

    public static String engineer(String partner) {
        return as("engineer-" + partner.toLowerCase())
                .partner(partner)
                .roles("engineer")
                .token();
    }

    public static String drLead(String partner) {
        return as("drlead-" + partner.toLowerCase())
                .partner(partner)
                .roles("dr-lead")
                .token();
    }

    public static String viewer(String partner) {
        return as("viewer-" + partner.toLowerCase())
                .partner(partner)
                .roles("viewer")
                .token();
    }

    public Tokens partner(String partner) {
        this.partner = partner;
        return this;
    }

    public Tokens roles(String... roles) {
        this.roles.addAll(Arrays.asList(roles));
        return this;
    }

    /** The skills-service person ID of a user who is also ICT staff (their rota feed, their shifts). */
    public Tokens person(long personId) {
        this.person = personId;
        return this;
    }

    /** The user's e-mail address, as the gateway puts it on a signed-in user's token. */
    public Tokens email(String email) {
        this.email = email;
        return this;
    }

    /** Space-separated permissions, as the gateway puts on API-key tokens. */
    public Tokens scope(String scope) {
        this.scope = scope;
        return this;
    }

    public Tokens expiresIn(Duration lifetime) {
        this.lifetime = lifetime;
        return this;
    }

    public Tokens issuedAt(Instant issuedAt) {
        this.issuedAt = issuedAt;
        return this;
    }

    public Tokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public Tokens signedWithUnknownKey() {
        this.key = TestKeys.otherKey();
        return this;
    }

    public String token() {
        Instant iat = issuedAt != null ? issuedAt : Instant.now();
        String iss = issuer != null
                ? issuer
                : ConfigProvider.getConfig()
                        .getOptionalValue("mp.jwt.verify.issuer", String.class)
                        .orElse("https://sharedict.local/gateway");
        JwtClaimsBuilder b = Jwt.issuer(iss)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .issuedAt(iat)
                .expiresAt(iat.plus(lifetime));
        if (partner != null) {
            b.claim("partner", partner);
        }
        if (scope != null) {
            b.claim("scope", scope);
        }
        if (person != null) {
            b.claim("person", person);
        }
        if (email != null) {
            b.claim("email", email);
        }
        return b.jws().keyId("test").sign(key != null ? key : TestKeys.signingKey());
    }

    /** "Bearer ..." for an Authorization header. */
    public String bearer() {
        return "Bearer " + token();
    }
}
