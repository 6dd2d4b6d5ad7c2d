package org.sharedict.rota.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code <prefix>_<12-character public id>_<secret>}: the public id finds the record, the secret
 * (kept only as SHA-256) proves it. Integration keys use {@code rik}, heartbeat monitors {@code rhb}.
 */
final class KeySecrets {

    static final String INTEGRATION = "rik";
    static final String HEARTBEAT = "rhb";
    static final int PUBLIC_ID_LENGTH = 12;
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    record Parts(String publicId, String secret) {}

    record Issued(String publicId, String secret, String key) {}

    private KeySecrets() {}

    static Issued issue(String prefix) {
        String publicId = random(PUBLIC_ID_LENGTH);
        String secret = random(32);
        return new Issued(publicId, secret, prefix + "_" + publicId + "_" + secret);
    }

    /** The parts of a presented key of this kind; empty when it is not one. */
    static Optional<Parts> parse(String prefix, String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim();
        int secretStart = prefix.length() + 1 + PUBLIC_ID_LENGTH + 1;
        if (!k.startsWith(prefix + "_")
                || k.length() < secretStart + 20
                || k.length() > 120
                || k.charAt(secretStart - 1) != '_') {
            return Optional.empty();
        }
        return Optional.of(new Parts(k.substring(prefix.length() + 1, secretStart - 1), k.substring(secretStart)));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares hashes in constant time, so the time taken tells a guesser nothing. */
    static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(
                sha256(secret).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
