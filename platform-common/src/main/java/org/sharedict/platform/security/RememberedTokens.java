package org.sharedict.platform.security;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies each access token once, then remembers it until it expires: a user's requests within a
 * token's 30 seconds all carry the same token, and checking its RS256 signature again on each was
 * 8–14 % of a service's CPU. The key is the whole token, signature included, so a token that differs
 * in any byte is verified afresh; a remembered token past its {@code exp} is forgotten and refused
 * by the full check. Failures are not remembered (a bad token costs what it did before). Counted as
 * {@code sharedict_tokens_total{check="verified"|"remembered"}}.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class RememberedTokens extends DefaultJWTCallerPrincipalFactory {

    /** Far more than the distinct tokens live at once (one per user or key per 30 s); a bound against abuse. */
    static final int MOST = 10_000;

    private final Map<String, JWTCallerPrincipal> verified = new ConcurrentHashMap<>();
    private final Counter verifications;
    private final Counter remembered;

    RememberedTokens(MeterRegistry registry) {
        verifications = counter(registry, "verified", "access tokens whose signature and claims were checked");
        remembered = counter(registry, "remembered", "access tokens answered from an earlier check");
    }

    private static Counter counter(MeterRegistry registry, String check, String description) {
        return Counter.builder("sharedict.tokens")
                .tag("check", check)
                .description(description)
                .register(registry);
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        long now = System.currentTimeMillis() / 1000;
        JWTCallerPrincipal known = verified.get(token);
        if (known != null) {
            if (now < known.getExpirationTime()) {
                remembered.increment();
                return known;
            }
            verified.remove(token);
        }
        verifications.increment();
        JWTCallerPrincipal principal = super.parse(token, context);
        if (verified.size() >= MOST) {
            forgetExpired(now);
        }
        if (verified.size() < MOST) {
            verified.put(token, principal);
        }
        return principal;
    }

    private void forgetExpired(long now) {
        for (Iterator<JWTCallerPrincipal> it = verified.values().iterator(); it.hasNext(); ) {
            if (now >= it.next().getExpirationTime()) {
                it.remove();
            }
        }
    }
}
