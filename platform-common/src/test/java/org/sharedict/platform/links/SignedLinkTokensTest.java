package org.sharedict.platform.links;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The shared link token: what rota-service's page links and skills-service's e-mail links both rely on. */
class SignedLinkTokensTest {

    private static final byte[] KEY = "a test key of at least thirty-two characters".getBytes(StandardCharsets.UTF_8);
    private static final Instant ISSUED = Instant.parse("2026-12-07T09:00:00Z");

    private static SignedLinkTokens at(Instant now) {
        return new SignedLinkTokens(KEY, Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(7));
    }

    @Test
    void aTokenCarriesItsSubjectPersonAndActionUntilItExpires() {
        String token = at(ISSUED).issue(41, 12, "aid-approve");
        SignedLinkTokens.Checked c =
                at(ISSUED.plus(Duration.ofDays(7)).minusSeconds(1)).check(token);
        assertNull(c.refusal());
        assertEquals(41, c.claims().subjectId());
        assertEquals(12, c.claims().personId());
        assertEquals("aid-approve", c.claims().action());
        assertEquals(
                SignedLinkTokens.Refusal.EXPIRED,
                at(ISSUED.plus(Duration.ofDays(7))).check(token).refusal());
    }

    @Test
    void aLinkSignedAgainKeepsItsTokenIdWithALaterExpiry() {
        String id = SignedLinkTokens.newTokenId();
        String first = at(ISSUED).issue(id, 41, 12, "acknowledge-copy");
        String again = at(ISSUED.plus(Duration.ofDays(6))).issue(id, 41, 12, "acknowledge-copy");
        Instant later = ISSUED.plus(Duration.ofDays(8));
        assertEquals(SignedLinkTokens.Refusal.EXPIRED, at(later).check(first).refusal());
        SignedLinkTokens.Checked c = at(later).check(again);
        assertNull(c.refusal());
        assertEquals(id, c.claims().tokenId());
        assertEquals(id, at(ISSUED).check(first).claims().tokenId());
        assertThrows(IllegalArgumentException.class, () -> at(ISSUED).issue("a|b", 41, 12, "acknowledge-copy"));
    }

    @Test
    void aShortKeyAndAnActionOutsideTheAlphabetAreRefusedWhenMade() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new SignedLinkTokens(new byte[31], Clock.systemUTC(), Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> at(ISSUED).issue(1, 2, "Approve|1"));
        assertEquals(32, SignedLinkTokens.randomKey().length);
    }

    @Test
    void anotherServicesKeyMakesTokensThatMeanNothingHere() {
        String token = new SignedLinkTokens(
                        "another service's key, thirty-two characters or more".getBytes(StandardCharsets.UTF_8),
                        Clock.fixed(ISSUED, ZoneOffset.UTC),
                        Duration.ofDays(7))
                .issue(41, 12, "aid-approve");
        assertEquals(SignedLinkTokens.Refusal.MALFORMED, at(ISSUED).check(token).refusal());
    }

    @Test
    void pagesEscapeWhatTheyAreGiven() {
        assertEquals("&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;", LinkPages.esc("<b> & \"x\" 'y'"));
        assertEquals("", LinkPages.esc(null));
    }
}
