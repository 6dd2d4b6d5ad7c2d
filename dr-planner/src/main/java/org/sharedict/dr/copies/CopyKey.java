package org.sharedict.dr.copies;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

import org.sharedict.dr.platform.DrConfig;

/** The key that signs acknowledgement links, from {@code dr.copies.secret}; checked at start-up. */
@Singleton
@Startup
public class CopyKey {

    static final int MIN_LENGTH = 32;

    private final CopyTokens tokens;

    CopyKey(DrConfig config, Clock clock) {
        byte[] key = config.copies()
                .secret()
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElse(null);
        if (key == null) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            Log.warn("dr.copies.secret (DR_COPIES_SECRET) is not set: copy acknowledgement links are signed with a"
                    + " key made up for this instance, and stop working when it restarts. Set it in production.");
        } else if (key.length < MIN_LENGTH) {
            throw new IllegalStateException(
                    "dr.copies.secret (DR_COPIES_SECRET) must be at least " + MIN_LENGTH + " characters");
        }
        this.tokens = new CopyTokens(key, clock, config.copies().linkLifetime());
    }

    CopyTokens tokens() {
        return tokens;
    }
}
