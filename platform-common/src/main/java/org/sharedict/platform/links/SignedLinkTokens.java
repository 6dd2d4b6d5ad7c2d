package org.sharedict.platform.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed tokens in one-click links in e-mails and pages: {@code base64url(payload).base64url(HMAC-SHA256)},
 * where the payload names a random token ID (so the service can let each link act once), the record the
 * link acts on, the person it was made for, the action, and when it stops working. Anyone may read a
 * payload; only the key can make one. Each service signs with its own key, so one service's links
 * mean nothing to another.
 */
public final class SignedLinkTokens {

    /** What a valid token says. */
    public record Claims(String tokenId, long subjectId, long personId, String action, Instant expiresAt) {}

    /** Why a token is refused. */
    public enum Refusal {
        MALFORMED,
        EXPIRED
    }

    /** A token checked: its claims, or why it was refused (an expired token still says what it was for). */
    public record Checked(Claims claims, Refusal refusal) {}

    /** The shortest key accepted: 32 bytes, the HMAC's own output size. */
    public static final int MIN_KEY_LENGTH = 32;

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{10,300}\\.[A-Za-z0-9_-]{43}");
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z-]{0,31}");
    private static final Pattern TOKEN_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final Clock clock;
    private final Duration lifetime;

    public SignedLinkTokens(byte[] key, Clock clock, Duration lifetime) {
        if (key.length < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("a link-signing key has at least " + MIN_KEY_LENGTH + " bytes");
        }
        this.key = key.clone();
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A key for one instance's lifetime, for when none is configured (its links die with the instance). */
    public static byte[] randomKey() {
        byte[] k = new byte[MIN_KEY_LENGTH];
        RANDOM.nextBytes(k);
        return k;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A fresh random token ID, for a link that may be signed again later ({@link #issue(String, long, long, String)}). */
    public static String newTokenId() {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return B64.encodeToString(id);
    }

    /** A token for {@code action} (lower-case words and hyphens) on {@code subjectId} by {@code personId}. */
    public String issue(long subjectId, long personId, String action) {
        return issue(newTokenId(), subjectId, personId, action);
    }

    /**
     * A token with a given ID: a reminder signs the ID of the first link again with a new expiry, so
     * whichever of the two is used first spends both.
     */
    public String issue(String tokenId, long subjectId, long personId, String action) {
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("an action is lower-case words and hyphens: " + action);
        }
        if (!TOKEN_ID.matcher(tokenId).matches()) {
            throw new IllegalArgumentException("a token ID is 8 to 64 base64url characters");
        }
        Instant expires = Instant.now(clock).plus(lifetime);
        String payload =
                "1|" + tokenId + "|" + subjectId + "|" + personId + "|" + action + "|" + expires.getEpochSecond();
        String p = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return p + "." + B64.encodeToString(mac(p));
    }

    public Checked check(String token) {
        if (token == null || !FORM.matcher(token).matches()) {
            return new Checked(null, Refusal.MALFORMED);
        }
        int dot = token.indexOf('.');
        String p = token.substring(0, dot);
        byte[] given = UNB64.decode(token.substring(dot + 1));
        if (!MessageDigest.isEqual(mac(p), given)) {
            return new Checked(null, Refusal.MALFORMED);
        }
        Optional<Claims> claims = parse(new String(UNB64.decode(p), StandardCharsets.UTF_8));
        if (claims.isEmpty()) {
            return new Checked(null, Refusal.MALFORMED);
        }
        if (!Instant.now(clock).isBefore(claims.get().expiresAt())) {
            return new Checked(claims.get(), Refusal.EXPIRED);
        }
        return new Checked(claims.get(), null);
    }

    private static Optional<Claims> parse(String payload) {
        String[] f = payload.split("\\|", -1);
        if (f.length != 6 || !"1".equals(f[0]) || !ACTION.matcher(f[4]).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Claims(
                    f[1],
                    Long.parseLong(f[2]),
                    Long.parseLong(f[3]),
                    f[4],
                    Instant.ofEpochSecond(Long.parseLong(f[5]))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
