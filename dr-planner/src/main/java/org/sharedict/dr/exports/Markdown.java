package org.sharedict.dr.exports;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.Expression;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode.Origin;

/**
 * What Qute's HTML escaping is for the HTML export, this is for the Markdown one: every value a
 * {@code text/markdown} template writes (plan.md) is escaped, so stored text such as an activity
 * named {@code <script>} or {@code [x](javascript:...)} is printed as that text, never as markup,
 * and cannot break the tables or lists around it. Template literals are not values and stay
 * markup; a value is written as markup only through {@code .raw}.
 */
@Singleton
public class Markdown {

    static final String CONTENT_TYPE = "text/markdown";

    void escapeMarkdownTemplates(@Observes EngineBuilder engine) {
        engine.addResultMapper(new ResultMapper() {
            @Override
            public boolean appliesTo(Origin origin, Object result) {
                return !(result instanceof RawString)
                        && origin.getVariant()
                                .map(v -> CONTENT_TYPE.equals(v.getContentType()))
                                .orElse(false);
            }

            @Override
            public String map(Object result, Expression expression) {
                return inline(result.toString());
            }
        });
    }

    /**
     * Text made safe anywhere on a line of Markdown (a heading, a table cell, a list item): HTML
     * characters become entities, Markdown's inline punctuation is backslash-escaped, a line break
     * becomes {@code <br>} (so a cell stays one row), and what would open a block at the start
     * of a line (a list, a quote, a heading underline, an indented code block) is escaped or
     * trimmed.
     */
    static String inline(String text) {
        String s = text.strip();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '|', '~', '#' ->
                    out.append('\\').append(c);
                case '\r' -> {
                    out.append("<br>");
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> out.append("<br>");
                case '\t' -> out.append(' ');
                case '-', '+', '=' -> out.append(i == 0 ? "\\" : "").append(c);
                case '.', ')' -> out.append(orderedListMarker(s, i) ? "\\" : "").append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** "12. " or "3)" at the very start would begin an ordered list. */
    private static boolean orderedListMarker(String s, int i) {
        if (i == 0 || i > 9 || i + 1 < s.length() && s.charAt(i + 1) != ' ') {
            return false;
        }
        for (int j = 0; j < i; j++) {
            if (!Character.isDigit(s.charAt(j))) {
                return false;
            }
        }
        return true;
    }
}
