package org.sharedict.platform.search;

import java.util.Locale;

/**
 * Free-text search with SQL LIKE, where what the user typed is matched literally: {@code %} and
 * {@code _} are not wildcards, and no character (a backslash included) escapes the next. Every
 * LIKE on user input goes through here, written with {@link #ESCAPE} after the pattern:
 * {@code "lower(name) like :q" + Like.ESCAPE} with {@code params.and("q", Like.containing(q))}.
 * The escape character is '!' rather than MariaDB's default backslash, which a server in
 * NO_BACKSLASH_ESCAPES mode would not honour.
 */
public final class Like {

    /** Append after each {@code like :param} (HQL or SQL). */
    public static final String ESCAPE = " escape '!'";

    private Like() {}

    /** The pattern matching values that contain {@code text}, lower-cased (compare with lower(column)). */
    public static String containing(String text) {
        return "%" + escape(text.trim().toLowerCase(Locale.ROOT)) + "%";
    }

    /** {@code text} with LIKE's wildcards and the escape character made literal. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!' || c == '%' || c == '_') {
                sb.append('!');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
