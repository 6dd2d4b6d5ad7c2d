package org.sharedict.platform.links;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;

/**
 * The small pages a signed link opens, server-rendered so they work on any phone without the web UI's
 * script. They use the GOV.UK Frontend styles the gateway serves, and read well without them.
 */
public final class LinkPages {

    /**
     * Their own policy: styles from the platform's address only, and the form posts back to it. The page
     * also asks for a same-origin referrer policy: under the gateway's no-referrer a browser sends
     * {@code Origin: null} with the form's POST, which the gateway's CORS check refuses.
     */
    public static final String CSP =
            "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; form-action 'self';"
                    + " frame-ancestors 'none'; base-uri 'none'";

    private LinkPages() {}

    /** A whole page: {@code title} (escaped here) as its heading, {@code body} as given (escape what goes in it). */
    public static String html(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en-GB" class="govuk-template" xmlns="http://www.w3.org/1999/xhtml">
                <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="robots" content="noindex"/>
                <meta name="referrer" content="same-origin"/>
                <title>%s - Shared ICT Support</title>
                <link rel="stylesheet" href="/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css"/>
                <link rel="stylesheet" href="/css/app.css"/>
                </head>
                <body class="govuk-template__body">
                <header class="app-header"><div class="govuk-width-container app-header__inner">\
                <a class="app-header__service" href="/">Shared ICT Support</a></div></header>
                <div class="govuk-width-container">
                <main class="govuk-main-wrapper" id="main-content">
                <h1 class="govuk-heading-l">%s</h1>
                %s</main>
                </div>
                </body>
                </html>
                """.formatted(esc(title), esc(title), body);
    }

    /** The page as an answer: never cached, no referrer, its own content policy. */
    public static Response response(int status, String html) {
        return Response.status(status)
                .entity(html)
                .type(MediaType.TEXT_HTML + ";charset=UTF-8")
                .header("Content-Security-Policy", CSP)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    /** True when the client asks for text/html: a browser, which gets a page rather than a problem. */
    public static boolean browser(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(m ->
                        m.getType().equalsIgnoreCase("text") && m.getSubtype().equalsIgnoreCase("html"));
    }

    /**
     * A link refused: a page with {@code title} and {@code detail} for a browser, else (thrown) the
     * problem of that status: 403 forbidden, 404 not-found, 410 link-expired, any other conflict.
     */
    public static Response refused(int status, String title, String detail, HttpHeaders headers) {
        if (browser(headers)) {
            return response(status, html(title, "<p class=\"govuk-body\">" + esc(detail) + "</p>\n"));
        }
        String slug = switch (status) {
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 410 -> "link-expired";
            default -> "conflict";
        };
        throw new ProblemException(new Problem(slug, title, status, detail));
    }

    /** A summary-list row: key and value escaped. */
    public static String row(String key, String value) {
        return "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">" + esc(key)
                + "</dt><dd class=\"govuk-summary-list__value\">" + esc(value) + "</dd></div>\n";
    }

    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
