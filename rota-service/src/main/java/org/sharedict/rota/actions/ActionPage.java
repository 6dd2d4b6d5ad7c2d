package org.sharedict.rota.actions;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.sharedict.platform.links.LinkPages;
import org.sharedict.platform.partnership.Partnership;
import org.sharedict.rota.incidents.IncidentDtos.IncidentView;

/**
 * The small pages a page link opens ({@link LinkPages}): the confirmation (a GET never acts), the
 * outcome, and a refusal.
 */
final class ActionPage {

    /** The link pages' own content policy ({@link LinkPages#CSP}). */
    static final String CSP = LinkPages.CSP;

    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

    private ActionPage() {}

    static String confirm(LinkActions.Confirmation c, String postTo) {
        IncidentView i = c.incident();
        return page(
                c.action().label() + " incident " + i.id(),
                summary(i)
                        + "<p class=\"govuk-body\">You are " + esc(c.personName()) + ". "
                        + switch (c.action()) {
                            case ACKNOWLEDGE ->
                                "Acknowledging tells everyone you are dealing with it and stops the escalation.";
                            case ESCALATE -> "Escalating pages the next step of the escalation policy now.";
                            case RESOLVE -> "Resolving closes the incident and stops the escalation.";
                        }
                        + "</p>\n<form method=\"post\" action=\"" + esc(postTo) + "\">\n"
                        + "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">"
                        + esc(c.action().label()) + " incident " + i.id() + "</button>\n</form>\n");
    }

    static String done(LinkActions.Confirmation c) {
        IncidentView i = c.incident();
        return page(
                "Incident " + i.id() + " " + c.action().done(),
                "<div class=\"govuk-panel govuk-panel--confirmation\"><p class=\"govuk-panel__body\">"
                        + esc(c.action().done().substring(0, 1).toUpperCase(Locale.ROOT)
                                + c.action().done().substring(1))
                        + " by " + esc(c.personName()) + "</p></div>\n" + summary(i));
    }

    private static String summary(IncidentView i) {
        StringBuilder b = new StringBuilder("<dl class=\"govuk-summary-list\">\n");
        row(b, "Summary", i.summary());
        row(b, "Partner", i.partner());
        row(b, "Severity", i.severity().name());
        row(b, "State", i.status().name().toLowerCase(Locale.ROOT));
        row(b, "Raised", words(i.createdAt()));
        if (i.acknowledgedAt() != null) {
            row(b, "Acknowledged", words(i.acknowledgedAt()) + by(i.acknowledgedBy()));
        }
        if (i.resolvedAt() != null) {
            row(b, "Resolved", words(i.resolvedAt()) + by(i.resolvedBy()));
        }
        return b.append("</dl>\n").toString();
    }

    private static String by(String who) {
        return who == null ? "" : " by " + who;
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">")
                .append(esc(key))
                .append("</dt><dd class=\"govuk-summary-list__value\">")
                .append(esc(value))
                .append("</dd></div>\n");
    }

    /** "Sunday 6 December 2026, 23:14" in the partnership's zone (Europe/London). */
    static String words(Instant t) {
        return WORDS.format(t.atZone(Partnership.zone()));
    }

    private static String page(String title, String body) {
        return LinkPages.html(title, body);
    }

    static String esc(String s) {
        return LinkPages.esc(s);
    }
}
