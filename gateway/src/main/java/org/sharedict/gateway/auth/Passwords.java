package org.sharedict.gateway.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.sharedict.gateway.platform.GatewayConfig;

import io.quarkus.elytron.security.common.BcryptUtil;

/** bcrypt hashing and the rules a new password must meet. */
@ApplicationScoped
public class Passwords {

    /** Passwords no deployment may run with: the demo's and the usual first guesses. */
    public static final Set<String> DEFAULTS = Set.of("admin", "password", "changeme", "change-me", "secret",
            "administrator", "letmein", "123456", "12345678", "qwerty", "sharedict", "demo");

    @Inject
    GatewayConfig config;

    /** Compared against when a username is unknown, so that an attempt costs the same either way. */
    private volatile String decoy;

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, config.passwords().bcryptCost());
    }

    public boolean matches(String password, String hash) {
        if (hash == null) {
            BcryptUtil.matches(password, decoy());
            return false;
        }
        try {
            return BcryptUtil.matches(password, hash);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Why {@code password} cannot be used by {@code username}, if it cannot. */
    public Optional<String> weakness(String password, String username) {
        if (password == null || password.length() < config.passwords().minLength()) {
            return Optional.of("must be at least " + config.passwords().minLength() + " characters");
        }
        if (password.length() > 72) {
            // bcrypt reads only the first 72 bytes.
            return Optional.of("must be at most 72 characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (DEFAULTS.contains(lower) || (username != null && lower.contains(username.toLowerCase(Locale.ROOT)))) {
            return Optional.of("must not be a default password or contain the username");
        }
        return Optional.empty();
    }

    private String decoy() {
        if (decoy == null) {
            decoy = hash(java.util.UUID.randomUUID().toString());
        }
        return decoy;
    }
}
