package org.sharedict.gateway.users;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.Startup;

import org.sharedict.gateway.platform.GatewayConfig;

/**
 * bcrypt hashing and the rules a new password must meet. Every check runs bcrypt once, against a
 * decoy hash of the configured cost when there is no hash to check (an unknown username, a user
 * who signs in elsewhere), so that a check costs the same either way; the decoy is made at start,
 * not by the first unknown username. The checks are counted ({@code sharedict_password_checks_total}).
 */
@ApplicationScoped
@Startup
public class Passwords {

    /** Passwords no deployment may run with: the demo's and the usual first guesses. */
    public static final Set<String> DEFAULTS = Set.of(
            "admin",
            "password",
            "changeme",
            "change-me",
            "secret",
            "administrator",
            "letmein",
            "123456",
            "12345678",
            "qwerty",
            "sharedict",
            "demo");

    private final GatewayConfig config;
    private final MeterRegistry registry;

    private String decoy;
    private Counter checks;

    Passwords(GatewayConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    @PostConstruct
    void init() {
        decoy = hash(UUID.randomUUID().toString());
        checks = Counter.builder("sharedict.password.checks")
                .description("bcrypt checks of a password (sign-in, password change), decoy checks included")
                .register(registry);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, config.passwords().bcryptCost());
    }

    /**
     * Gives {@code user} this password: its hash, and whether it is one of the {@link #DEFAULTS},
     * worked out now, while the password is at hand, so that a start-up check costs no bcrypt work.
     */
    public void assign(User user, String password) {
        user.passwordHash = hash(password);
        user.passwordIsDefault = DEFAULTS.contains(password);
    }

    /** Whether the user's password is a default one; bcrypt-checked only for a hash stored before the flag existed. */
    public boolean isDefault(User user) {
        if (user.passwordHash == null) {
            return false;
        }
        if (user.passwordIsDefault == null) {
            user.passwordIsDefault = DEFAULTS.stream().anyMatch(d -> matches(d, user.passwordHash));
        }
        return user.passwordIsDefault;
    }

    public boolean matches(String password, String hash) {
        checks.increment();
        if (hash == null) {
            BcryptUtil.matches(password, decoy);
            return false;
        }
        try {
            return BcryptUtil.matches(password, hash);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** True when the hash was made with another cost than the configured one (the decoy's): rehash it at the next sign-in. */
    public boolean needsRehash(String hash) {
        String[] parts = hash == null ? new String[0] : hash.split("\\$");
        try {
            return parts.length < 4
                    || Integer.parseInt(parts[2]) != config.passwords().bcryptCost();
        } catch (NumberFormatException e) {
            return true;
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
}
