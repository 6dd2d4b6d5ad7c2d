package org.sharedict.dr.copies;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.sharedict.platform.links.SignedLinkTokens;

/**
 * Signed acknowledgement links: platform-common's {@link SignedLinkTokens} (the token of rota-service's
 * page links and skills-service's e-mail links) naming the copy's token ID (one use), the revision
 * (plan ID) as the subject, the holder as the person, the action {@value #ACTION} and the expiry. A
 * token naming any other action is refused as malformed.
 */
final class CopyTokens {

    static final String ACTION = "acknowledge-copy";

    record Claims(String tokenId, long holderId, long planId, Instant expiresAt) {}

    enum Refusal {
        MALFORMED,
        EXPIRED
    }

    record Checked(Claims claims, Refusal refusal) {}

    private final SignedLinkTokens tokens;

    CopyTokens(byte[] key, Clock clock, Duration lifetime) {
        this.tokens = new SignedLinkTokens(key, clock, lifetime);
    }

    static String newTokenId() {
        return SignedLinkTokens.newTokenId();
    }

    /** A link for the copy with {@code tokenId}; a reminder signs the same ID again with a new expiry. */
    String issue(String tokenId, long holderId, long planId) {
        return tokens.issue(tokenId, planId, holderId, ACTION);
    }

    Checked check(String token) {
        SignedLinkTokens.Checked checked = tokens.check(token);
        SignedLinkTokens.Claims c = checked.claims();
        if (c == null || !ACTION.equals(c.action())) {
            return new Checked(null, Refusal.MALFORMED);
        }
        return new Checked(
                new Claims(c.tokenId(), c.personId(), c.subjectId(), c.expiresAt()),
                checked.refusal() == null ? null : Refusal.EXPIRED);
    }
}
