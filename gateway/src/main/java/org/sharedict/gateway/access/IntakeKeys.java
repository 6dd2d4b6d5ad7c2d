package org.sharedict.gateway.access;

import java.util.Optional;

/**
 * Which integration key a monitoring alert names, so that intake is limited per key, not per client
 * address: a council's monitoring posts from one address for many monitored services, and a burst of
 * alerts is exactly when they must get through. The gateway cannot check the key (rota-service holds
 * its hash); it only reads the key's public part, {@code rik_<12-character id>_<secret>}, from the
 * path ({@code /api/intake/rik_…/events}) or from {@code Authorization: Bearer rik_…}.
 */
final class IntakeKeys {

    static final String PREFIX = "/api/intake/";
    private static final String KEY_PREFIX = "rik_";
    private static final int ID_LENGTH = 12;

    private IntakeKeys() {}

    /** The key's public ID, when this is an alert to the intake that names a key of the right form. */
    static Optional<String> publicId(String path, String authorization) {
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        if (first.startsWith(KEY_PREFIX)) {
            return id(first);
        }
        if (first.equals("heartbeats") || slash >= 0) {
            return Optional.empty();
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return id(authorization.substring(7).trim());
        }
        return Optional.empty();
    }

    private static Optional<String> id(String key) {
        int end = KEY_PREFIX.length() + ID_LENGTH;
        if (!key.startsWith(KEY_PREFIX) || key.length() <= end + 1 || key.charAt(end) != '_' || key.length() > 120) {
            return Optional.empty();
        }
        String id = key.substring(KEY_PREFIX.length(), end);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!Character.isLetterOrDigit(c) || c > 'z') {
                return Optional.empty();
            }
        }
        return Optional.of(id);
    }
}
