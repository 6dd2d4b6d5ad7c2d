package org.sharedict.gateway.users;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

import org.sharedict.gateway.platform.GatewayConfig;
import org.sharedict.gateway.platform.SignInAudit;
import org.sharedict.platform.security.Roles;

/**
 * The first user, {@code admin}. Outside ./run.sh the gateway refuses to start without an
 * ADMIN_PASSWORD that is long and not a default, and refuses while the admin account still has a
 * default password (a database carried over from a demo). Only the local demo may use admin/admin.
 */
@ApplicationScoped
public class AdminSeeder {

    public static final String USERNAME = "admin";
    static final String LOCAL_PASSWORD = "admin";

    private final GatewayConfig config;
    private final Passwords passwords;
    private final SignInAudit audit;
    private final Clock clock;

    AdminSeeder(GatewayConfig config, Passwords passwords, SignInAudit audit, Clock clock) {
        this.config = config;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    void seed(@Observes StartupEvent start) {
        Optional<String> given = config.admin().password().filter(p -> !p.isBlank());
        Optional<User> existing = User.findByUsername(USERNAME);
        if (!config.localRun()) {
            String problem = given.isEmpty()
                    ? "ADMIN_PASSWORD is not set"
                    : passwords
                            .weakness(given.get(), USERNAME)
                            .map(w -> "ADMIN_PASSWORD " + w)
                            .orElse(null);
            if (problem != null) {
                throw new IllegalStateException(problem + ": the gateway does not start with a default or weak admin "
                        + "password outside ./run.sh (set ADMIN_PASSWORD to "
                        + config.passwords().minLength()
                        + " or more characters that are not a default)");
            }
            if (existing.isPresent() && passwords.isDefault(existing.get())) {
                throw new IllegalStateException(
                        "The admin user still has a default password (this database was used by "
                                + "the local demo?): set a new one before deploying, or start from an empty database");
            }
        }
        if (existing.isPresent()) {
            return;
        }
        String password = given.orElse(LOCAL_PASSWORD);
        Instant now = Instant.now(clock);
        User u = new User();
        u.username = USERNAME;
        u.displayName = "Partnership admin";
        u.roles(Set.of(Roles.ADMIN));
        passwords.assign(u, password);
        u.passwordChangedAt = now;
        u.enabled = true;
        u.createdAt = now;
        u.updatedAt = now;
        u.persist();
        audit.record(
                "CREATE", "system", u.id, null, Map.of("username", USERNAME, "roles", Roles.ADMIN, "seeded", true));
        Log.infof(
                "Created the first user, %s%s", USERNAME, given.isEmpty() ? " (password admin: local demo only)" : "");
    }
}
