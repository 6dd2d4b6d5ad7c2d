package org.sharedict.dr.exports;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkdownTest {

    @Test
    void htmlIsWrittenAsEntities() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Markdown.inline("<script>alert(1)</script>"));
        assertEquals(
                "&lt;img src=x onerror=alert(1)&gt; &amp;amp; &amp;lt;",
                Markdown.inline("<img src=x onerror=alert(1)> &amp; &lt;"));
    }

    @Test
    void inlineMarkupIsEscaped() {
        assertEquals(
                "\\[click\\](javascript:alert(1)) \\*\\*bold\\*\\* \\_x\\_ \\`code\\` \\~\\~gone\\~\\~ a \\| b \\\\ C\\#",
                Markdown.inline("[click](javascript:alert(1)) **bold** _x_ `code` ~~gone~~ a | b \\ C#"));
    }

    @Test
    void lineBreaksStayInTheirCellAndNothingOpensABlock() {
        // After <br> the text is still on the same line, where "- " opens nothing.
        assertEquals(
                "first<br>\\# not a heading<br>- not a list",
                Markdown.inline("first\r\n# not a heading\n- not a list"));
        assertEquals("\\- one", Markdown.inline("    - one"));
        assertEquals("12\\. item", Markdown.inline("12. item"));
        assertEquals("3\\) item", Markdown.inline("3) item"));
        assertEquals("1.5 h, 2024-06-01, follow-up", Markdown.inline("1.5 h, 2024-06-01, follow-up"));
        assertEquals("\\+44 1205", Markdown.inline("+44 1205"));
        assertEquals("\\=== x", Markdown.inline("=== x"));
    }

    @Test
    void ordinaryTextIsLeftReadable() {
        assertEquals(
                "Bring up the core switches (45 min, skill NETWORKING, Network engineer: Nia Network)",
                Markdown.inline(
                        "Bring up the core switches (45 min, skill NETWORKING, Network engineer: Nia Network)"));
    }
}
