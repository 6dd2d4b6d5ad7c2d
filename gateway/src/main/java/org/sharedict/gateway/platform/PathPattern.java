package org.sharedict.gateway.platform;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A request rule written {@code METHOD /path}: in the path {@code *} stands for any characters
 * within one segment and {@code **} for the rest of the path (any number of segments, at least one
 * character). The method may be {@code *} for any. Used for public paths and API-key permissions.
 */
public final class PathPattern {

    private final String method;
    private final Pattern path;
    private final String text;

    private PathPattern(String method, Pattern path, String text) {
        this.method = method;
        this.path = path;
        this.text = text;
    }

    public static PathPattern parse(String rule) {
        String trimmed = rule.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("A request rule is 'METHOD /path', not '" + rule + "'");
        }
        String method = trimmed.substring(0, space).trim().toUpperCase(Locale.ROOT);
        String glob = trimmed.substring(space + 1).trim();
        if (!glob.startsWith("/")) {
            throw new IllegalArgumentException("The path of '" + rule + "' must start with /");
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".+");
                i++;
            } else if (c == '*') {
                regex.append("[^/]+");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new PathPattern(method, Pattern.compile(regex.toString()), method + " " + glob);
    }

    public static List<PathPattern> parseAll(List<String> rules) {
        return rules.stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(PathPattern::parse)
                .toList();
    }

    public boolean matches(String requestMethod, String requestPath) {
        return (method.equals("*") || method.equalsIgnoreCase(requestMethod))
                && path.matcher(requestPath).matches();
    }

    /** True when the path matches, whatever the method. */
    public boolean matchesPath(String requestPath) {
        return path.matcher(requestPath).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
