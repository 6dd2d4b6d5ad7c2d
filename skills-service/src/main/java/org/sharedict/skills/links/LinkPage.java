package org.sharedict.skills.links;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.sharedict.platform.links.LinkPages;
import org.sharedict.skills.aid.requests.LinkDecisions.Summary;
import org.sharedict.skills.directory.ProfileLinks.Profile;
import org.sharedict.skills.platform.links.SignedLinks.Action;

import static org.sharedict.platform.links.LinkPages.esc;
import static org.sharedict.platform.links.LinkPages.row;

/** The pages a link in an e-mail opens: what it will do with a button to do it, the outcome, a refusal. */
final class LinkPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private LinkPage() {}

    /** The confirmation: a GET never acts. A decline asks for its reason; {@code error} is a refused attempt's. */
    static String confirm(LinkActions.Outcome o, String postTo, String error) {
        StringBuilder b = new StringBuilder();
        if (error != null) {
            b.append("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">")
                    .append("<h2 class=\"govuk-error-summary__title\">There is a problem</h2>")
                    .append(
                            "<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">")
                    .append("<li><a href=\"#reason\">")
                    .append(esc(error))
                    .append("</a></li></ul></div></div></div>\n");
        }
        b.append(summary(o));
        b.append("<p class=\"govuk-body\">You are ").append(esc(who(o))).append(". ");
        b.append(
                switch (o.action()) {
                    case AID_APPROVE ->
                        "Approving tells the asking partner that " + o.request().helperPartner()
                                + " will help; you can put someone on it in the app.";
                    case AID_DECLINE ->
                        "Declining tells the asking partner why " + o.request().helperPartner() + " cannot help.";
                    case AID_ACCEPT -> "Accepting tells the asking partner you will help, and your manager is told.";
                    case PROFILE_CONFIRM -> "Confirming says the profile and every skill on it are still true today.";
                });
        b.append("</p>\n<form method=\"post\" action=\"").append(esc(postTo)).append("\" novalidate>\n");
        if (o.action() == Action.AID_DECLINE) {
            b.append("<div class=\"govuk-form-group")
                    .append(error == null ? "" : " govuk-form-group--error")
                    .append("\"><label class=\"govuk-label govuk-label--s\" for=\"reason\">Why can ")
                    .append(esc(o.request().helperPartner()))
                    .append(" not help?</label>");
            if (error != null) {
                b.append(
                                "<p id=\"reason-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ")
                        .append(esc(error))
                        .append("</p>");
            }
            b.append("<textarea class=\"govuk-textarea")
                    .append(error == null ? "" : " govuk-textarea--error")
                    .append("\" id=\"reason\" name=\"reason\" rows=\"4\" maxlength=\"1000\"")
                    .append(error == null ? "" : " aria-describedby=\"reason-error\"")
                    .append("></textarea></div>\n");
        }
        b.append("<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">")
                .append(esc(label(o)))
                .append("</button>\n</form>\n");
        return LinkPages.html(label(o), b.toString());
    }

    static String done(LinkActions.Outcome o) {
        String what = switch (o.action()) {
            case AID_APPROVE -> "Request #" + o.request().id() + " approved";
            case AID_DECLINE -> "Request #" + o.request().id() + " declined";
            case AID_ACCEPT -> "Request #" + o.request().id() + " accepted";
            case PROFILE_CONFIRM -> "Profile confirmed";
        };
        return LinkPages.html(
                what,
                "<div class=\"govuk-panel govuk-panel--confirmation\"><p class=\"govuk-panel__body\">" + esc(what)
                        + " by " + esc(who(o)) + "</p></div>\n" + summary(o)
                        + "<p class=\"govuk-body\">Everyone concerned has been told by e-mail.</p>\n");
    }

    private static String label(LinkActions.Outcome o) {
        return switch (o.action()) {
            case AID_APPROVE -> "Approve request #" + o.request().id();
            case AID_DECLINE -> "Decline request #" + o.request().id();
            case AID_ACCEPT -> "Accept request #" + o.request().id();
            case PROFILE_CONFIRM -> "Confirm " + o.profile().name() + "'s profile";
        };
    }

    private static String who(LinkActions.Outcome o) {
        return o.request() != null ? o.request().personName() : o.profile().byName();
    }

    private static String summary(LinkActions.Outcome o) {
        StringBuilder b = new StringBuilder("<dl class=\"govuk-summary-list\">\n");
        if (o.request() != null) {
            Summary r = o.request();
            b.append(row("Request", "#" + r.id() + " " + r.title()));
            b.append(row("Asked", r.requesterPartner() + " (" + r.requestedBy() + ") asked " + r.helperPartner()));
            b.append(row("Skills", String.join(", ", r.skills())));
            b.append(row("When", r.when()));
            b.append(row(
                    "Expected",
                    r.expectedHours().toPlainString() + " h, " + r.urgency() + (r.outOfHours() ? ", out of hours" : "")
                            + (r.onSite() ? ", on site" : ", remote")));
            b.append(row("Why", r.reason()));
            b.append(row("State", r.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        } else {
            Profile p = o.profile();
            b.append(row("Profile", p.name() + " (" + p.partner() + ")"));
            b.append(row("Last confirmed", p.lastConfirmed() == null ? "never" : DAY.format(p.lastConfirmed())));
            if (p.skills() > 0) {
                b.append(row("Skills confirmed", String.valueOf(p.skills())));
            }
        }
        return b.append("</dl>\n").toString();
    }
}
