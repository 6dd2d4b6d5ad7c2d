package org.sharedict.platform.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LikeTest {

    @Test
    void wildcardsAndTheEscapeCharacterAreMadeLiteral() {
        assertEquals("100!%", Like.escape("100%"));
        assertEquals("a!_b", Like.escape("a_b"));
        assertEquals("wow!!", Like.escape("wow!"));
        assertEquals("c:\\temp", Like.escape("c:\\temp"));
    }

    @Test
    void containingIsLowerCasedTrimmedAndOpenAtBothEnds() {
        assertEquals("%!%%", Like.containing(" % "));
        assertEquals("%sql server%", Like.containing("SQL Server"));
    }
}
