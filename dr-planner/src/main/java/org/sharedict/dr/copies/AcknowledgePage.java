package org.sharedict.dr.copies;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.sharedict.platform.partnership.Partnership;

import static org.sharedict.platform.links.LinkPages.esc;
import static org.sharedict.platform.links.LinkPages.html;
import static org.sharedict.platform.links.LinkPages.row;

/**
 * The pages an acknowledgement link opens, in platform-common's {@code LinkPages} shell (as
 * rota-service's page links and skills-service's e-mail links): the confirmation (a GET never acts)
 * and the outcome; a refusal is {@code LinkPages.refused}.
 */
final class AcknowledgePage {

    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

    private AcknowledgePage() {}

    static String confirm(CopyAcknowledgements.Receipt r, String postTo) {
        return html(
                "Confirm you have the plan",
                summary(r)
                        + "<p class=\"govuk-body\">You are " + esc(r.holder())
                        + ". Confirm that you have the PDF of this revision and keep it where you can read it when"
                        + " the council's systems are down.</p>\n"
                        + (r.superseded()
                                ? "<div class=\"govuk-warning-text\"><strong class=\"govuk-warning-text__text\">"
                                        + "A newer revision has been approved since; look for its e-mail too.</strong></div>\n"
                                : "")
                        + "<form method=\"post\" action=\"" + esc(postTo) + "\">\n"
                        + "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">"
                        + "I have revision " + r.revision() + "</button>\n</form>\n");
    }

    static String done(CopyAcknowledgements.Receipt r) {
        return html(
                "Thank you",
                "<div class=\"govuk-panel govuk-panel--confirmation\"><p class=\"govuk-panel__body\">"
                        + "Receipt of revision " + r.revision() + " acknowledged by " + esc(r.holder())
                        + "</p></div>\n" + summary(r));
    }

    private static String summary(CopyAcknowledgements.Receipt r) {
        return "<dl class=\"govuk-summary-list\">\n"
                + row("Plan", r.planName())
                + row("Partner", r.partner())
                + row("Revision", Integer.toString(r.revision()))
                + (r.at() == null ? "" : row("Acknowledged", words(r.at())))
                + "</dl>\n";
    }

    static String words(Instant t) {
        return WORDS.format(t.atZone(Partnership.zone()));
    }
}
