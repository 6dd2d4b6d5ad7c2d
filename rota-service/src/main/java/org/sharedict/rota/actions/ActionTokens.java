package org.sharedict.rota.actions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.sharedict.platform.links.SignedLinkTokens;

/**
 * The signed tokens in one-click page links ({@link SignedLinkTokens}: a random token ID, so each link
 * is used once, the incident, the person and the action, and when the link stops working), with the
 * action read as an {@link ActionKind}: a token naming any other action is refused as malformed.
 */
final class ActionTokens {

    /** What a valid token says. */
    record Claims(String tokenId, long incidentId, long personId, ActionKind action, Instant expiresAt) {}

    /** Why a token is refused. */
    enum Refusal {
        MALFORMED,
        EXPIRED
    }

    /** A token checked: its claims, or why it was refused (an expired token still says what it was for). */
    record Checked(Claims claims, Refusal refusal) {}

    private final SignedLinkTokens tokens;

    ActionTokens(byte[] key, Clock clock, Duration lifetime) {
        this.tokens = new SignedLinkTokens(key, clock, lifetime);
    }

    String issue(long incidentId, long personId, ActionKind action) {
        return tokens.issue(incidentId, personId, action.word());
    }

    /** A token for another kind of link (a swap request's), with its own action words: a page link never reads one. */
    String issue(long subjectId, long personId, String action) {
        return tokens.issue(subjectId, personId, action);
    }

    /** The signature and lifetime checked, whatever the action word. */
    SignedLinkTokens.Checked checkSigned(String token) {
        return tokens.check(token);
    }

    Checked check(String token) {
        SignedLinkTokens.Checked checked = tokens.check(token);
        if (checked.claims() == null) {
            return new Checked(null, Refusal.MALFORMED);
        }
        SignedLinkTokens.Claims c = checked.claims();
        return ActionKind.of(c.action())
                .map(a -> new Checked(
                        new Claims(c.tokenId(), c.subjectId(), c.personId(), a, c.expiresAt()),
                        checked.refusal() == null ? null : Refusal.EXPIRED))
                .orElseGet(() -> new Checked(null, Refusal.MALFORMED));
    }
}
