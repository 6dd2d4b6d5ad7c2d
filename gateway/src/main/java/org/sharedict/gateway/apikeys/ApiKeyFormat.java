package org.sharedict.gateway.apikeys;

import java.util.Optional;

import org.sharedict.gateway.platform.Secrets;

/** {@code sik_<12-character public id>_<secret>}: the public id finds the key, the secret proves it. */
final class ApiKeyFormat {

    static final String PREFIX = "sik_";
    static final int PUBLIC_ID_LENGTH = 12;

    record Parts(String publicId, String secret) {}

    private ApiKeyFormat() {}

    static String newPublicId() {
        return Secrets.alphanumeric(PUBLIC_ID_LENGTH);
    }

    static String newSecret() {
        return Secrets.random(32);
    }

    static String format(String publicId, String secret) {
        return PREFIX + publicId + "_" + secret;
    }

    static Optional<Parts> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim();
        int secretStart = PREFIX.length() + PUBLIC_ID_LENGTH + 1;
        if (!k.startsWith(PREFIX)
                || k.length() < secretStart + 20
                || k.length() > 200
                || k.charAt(secretStart - 1) != '_') {
            return Optional.empty();
        }
        return Optional.of(new Parts(k.substring(PREFIX.length(), secretStart - 1), k.substring(secretStart)));
    }
}
