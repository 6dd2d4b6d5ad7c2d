package org.sharedict.gateway.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathPatternTest {

    @Test
    void oneStarIsPartOfOneSegment() {
        PathPattern feed = PathPattern.parse("GET /api/calendar/feeds/*.ics");
        assertTrue(feed.matches("GET", "/api/calendar/feeds/abc123.ics"));
        assertTrue(feed.matches("get", "/api/calendar/feeds/abc123.ics"));
        assertFalse(feed.matches("POST", "/api/calendar/feeds/abc123.ics"));
        assertFalse(feed.matches("GET", "/api/calendar/feeds/a/b.ics"));
        assertFalse(feed.matches("GET", "/api/calendar/feeds/.ics"));
        assertFalse(feed.matches("GET", "/api/calendar/feeds/abc.ics/more"));
    }

    @Test
    void twoStarsAreTheRestOfThePath() {
        PathPattern p = PathPattern.parse("POST /api/incidents/*/**");
        assertTrue(p.matches("POST", "/api/incidents/4/acknowledge"));
        assertTrue(p.matches("POST", "/api/incidents/4/notes/1"));
        assertFalse(p.matches("POST", "/api/incidents/4"));
        assertFalse(p.matches("POST", "/api/incidents"));
        assertTrue(PathPattern.parse("* /api/x").matches("DELETE", "/api/x"));
    }

    @Test
    void regexCharactersInAPathAreLiteral() {
        PathPattern p = PathPattern.parse("GET /api/a.b+c");
        assertTrue(p.matches("GET", "/api/a.b+c"));
        assertFalse(p.matches("GET", "/api/aXbbc"));
    }

    @Test
    void aRuleNeedsAMethodAndAPath() {
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("/api/x"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("GET api/x"));
    }
}
