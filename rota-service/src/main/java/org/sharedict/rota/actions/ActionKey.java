package org.sharedict.rota.actions;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

import org.sharedict.rota.platform.RotaConfig;

/** The key that signs action links, from {@code rota.actions.secret}; checked at start-up, not at the first page. */
@Singleton
@Startup
public class ActionKey {

    static final int MIN_LENGTH = 32;

    private final ActionTokens tokens;

    @Inject
    ActionKey(RotaConfig config, Clock clock) {
        byte[] key = config.actions()
                .secret()
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElse(null);
        if (key == null) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            Log.warn("rota.actions.secret (ROTA_ACTIONS_SECRET) is not set: action links in pages are signed with a key"
                    + " made up for this instance, and stop working when it restarts. Set it in production.");
        } else if (key.length < MIN_LENGTH) {
            throw new IllegalStateException(
                    "rota.actions.secret (ROTA_ACTIONS_SECRET) must be at least " + MIN_LENGTH + " characters");
        }
        this.tokens = new ActionTokens(key, clock, config.actions().lifetime());
    }

    ActionTokens tokens() {
        return tokens;
    }
}
