package org.sharedict.rota.actions;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ActionTokensTest {

    private static final byte[] KEY = "a test key of at least thirty-two characters".getBytes(StandardCharsets.UTF_8);
    private static final Instant ISSUED = Instant.parse("2026-12-06T23:14:00Z");

    private static ActionTokens at(Instant now) {
        return new ActionTokens(KEY, Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(24));
    }

    @Test
    void aLinkSaysWhatItWasMadeForUntilItExpires() {
        String token = at(ISSUED).issue(41, 12, ActionKind.ACKNOWLEDGE);
        ActionTokens.Checked c =
                at(ISSUED.plus(Duration.ofHours(24)).minusSeconds(1)).check(token);
        assertNull(c.refusal());
        assertEquals(41, c.claims().incidentId());
        assertEquals(12, c.claims().personId());
        assertEquals(ActionKind.ACKNOWLEDGE, c.claims().action());
    }

    @Test
    void aLinkExpiresAfterItsLifetime() {
        String token = at(ISSUED).issue(41, 12, ActionKind.RESOLVE);
        ActionTokens.Checked c = at(ISSUED.plus(Duration.ofHours(24))).check(token);
        assertEquals(ActionTokens.Refusal.EXPIRED, c.refusal());
        assertEquals(41, c.claims().incidentId());
    }

    @Test
    void eachLinkHasItsOwnTokenId() {
        ActionTokens t = at(ISSUED);
        assertNotEquals(
                t.check(t.issue(1, 2, ActionKind.ACKNOWLEDGE)).claims().tokenId(),
                t.check(t.issue(1, 2, ActionKind.ACKNOWLEDGE)).claims().tokenId());
    }

    @Test
    void aChangedPayloadOrSignatureIsRefused() {
        ActionTokens t = at(ISSUED);
        String token = t.issue(41, 12, ActionKind.ACKNOWLEDGE);
        int dot = token.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        // Another person, another incident, another action: the same signature no longer fits.
        for (String changed : new String[] {
            payload.replace("|12|", "|13|"), payload.replace("|41|", "|42|"), payload.replace("acknowledge", "resolve")
        }) {
            String forged =
                    Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8))
                            + token.substring(dot);
            assertEquals(ActionTokens.Refusal.MALFORMED, t.check(forged).refusal(), changed);
        }
        // A character inside the signature: the last one also carries two padding bits, and changing
        // only those (A to B) decodes to the same bytes.
        int at = dot + 5;
        char c = token.charAt(at);
        String badSignature = token.substring(0, at) + (c == 'A' ? 'Q' : 'A') + token.substring(at + 1);
        assertEquals(ActionTokens.Refusal.MALFORMED, t.check(badSignature).refusal());
        assertEquals(ActionTokens.Refusal.MALFORMED, t.check("not-a-token").refusal());
        assertEquals(
                ActionTokens.Refusal.MALFORMED, t.check(token.substring(0, dot)).refusal());
    }

    @Test
    void aLinkSignedWithAnotherKeyIsRefused() {
        String token = at(ISSUED).issue(41, 12, ActionKind.ACKNOWLEDGE);
        ActionTokens other = new ActionTokens(
                "another key of at least thirty-two characters".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(ISSUED, ZoneOffset.UTC),
                Duration.ofHours(24));
        assertEquals(ActionTokens.Refusal.MALFORMED, other.check(token).refusal());
    }

    @Test
    void timesOnThePageAreLondonWallTimeInWords() {
        assertEquals("Sunday 6 December 2026, 23:14", ActionPage.words(Instant.parse("2026-12-06T23:14:00Z")));
        assertEquals("Monday 1 June 2026, 00:30", ActionPage.words(Instant.parse("2026-05-31T23:30:00Z")));
    }
}
