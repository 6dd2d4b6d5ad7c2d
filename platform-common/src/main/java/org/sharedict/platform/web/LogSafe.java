package org.sharedict.platform.web;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request's address as it may be written to a log: the secrets that some addresses carry (an
 * integration key or heartbeat key in the intake path, a signed page, swap, profile or copy link,
 * a calendar feed token, a token in the query) are replaced by {@link #REDACTED}. Anyone who can
 * read a log could otherwise raise incidents, acknowledge pages or read rotas with them.
 */
public final class LogSafe {

    public static final String REDACTED = "[redacted]";

    /** {@code rik_<public id>_<secret>}: the public ID names the key and stays; the secret goes. */
    private static final Pattern PREFIXED_KEY = Pattern.compile("(r[a-z]{2}_[A-Za-z0-9]{12}_)[^/]+");
    /** A token-like path segment: long, and not a lower-case word with hyphens (an ordinary path name). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.~=-]{20,}");

    private static final Pattern WORDS = Pattern.compile("[a-z-]+");
    private static final Set<String> SECRET_PARAMETERS = Set.of(
            "token",
            "t",
            "key",
            "apikey",
            "api_key",
            "secret",
            "sig",
            "signature",
            "code",
            "access_token",
            "refresh_token",
            "id_token",
            "state");

    private LogSafe() {}

    /** The path and query of {@code uri} with every secret in them replaced. */
    public static String uri(String uri) {
        if (uri == null) {
            return null;
        }
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        StringBuilder out = new StringBuilder(uri.length());
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(segment(segments[i]));
        }
        if (q >= 0) {
            out.append('?').append(query(uri.substring(q + 1)));
        }
        return out.toString();
    }

    private static String segment(String s) {
        Matcher key = PREFIXED_KEY.matcher(s);
        if (key.matches()) {
            return key.group(1) + REDACTED;
        }
        String suffix = "";
        String body = s;
        int dot = s.lastIndexOf('.');
        if (dot > 0 && s.length() - dot <= 5) {
            // A feed token's ".ics" stays: it says what was asked for.
            suffix = s.substring(dot);
            body = s.substring(0, dot);
        }
        if (TOKEN.matcher(body).matches() && !WORDS.matcher(body).matches()) {
            return REDACTED + suffix;
        }
        return s;
    }

    private static String query(String query) {
        StringBuilder out = new StringBuilder(query.length());
        String[] pairs = query.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) {
                out.append('&');
            }
            String pair = pairs[i];
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq >= 0 && SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                out.append(name).append('=').append(REDACTED);
            } else {
                out.append(pair);
            }
        }
        return out.toString();
    }
}
