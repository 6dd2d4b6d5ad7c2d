package org.sharedict.rota.actions;

import java.util.Locale;

import org.sharedict.platform.links.LinkPages;
import org.sharedict.rota.rotas.SwapRequestDtos.Action;
import org.sharedict.rota.rotas.SwapRequestDtos.SwapRequestView;

/** The pages a swap request's link opens: the confirmation (a GET never acts) and the outcome. */
final class SwapLinkPage {

    private SwapLinkPage() {}

    static String confirm(SwapLinks.Confirmation c, String postTo) {
        SwapRequestView v = c.request();
        String verb = c.action() == Action.ACCEPT ? "Accept" : "Decline";
        return LinkPages.html(
                verb + " swap request " + v.id(),
                summary(v)
                        + "<p class=\"govuk-body\">You are " + LinkPages.esc(c.personName()) + ". "
                        + (c.action() == Action.ACCEPT
                                ? "Accepting makes the swap: you take the first shift and "
                                        + LinkPages.esc(name(v.requester().name())) + " takes yours."
                                : "Declining leaves both shifts as they are.")
                        + "</p>\n<form method=\"post\" action=\"" + LinkPages.esc(postTo) + "\">\n"
                        + "<button type=\"submit\" class=\"govuk-button"
                        + (c.action() == Action.ACCEPT ? "" : " govuk-button--warning")
                        + "\" data-module=\"govuk-button\">" + verb + " the swap</button>\n</form>\n");
    }

    static String done(SwapLinks.Confirmation c) {
        SwapRequestView v = c.request();
        String done = v.status().name().toLowerCase(Locale.ROOT);
        return LinkPages.html(
                "Swap request " + v.id() + " " + done,
                "<div class=\"govuk-panel govuk-panel--confirmation\"><p class=\"govuk-panel__body\">"
                        + LinkPages.esc(done.substring(0, 1).toUpperCase(Locale.ROOT) + done.substring(1)) + " by "
                        + LinkPages.esc(c.personName()) + "</p></div>\n" + summary(v));
    }

    private static String summary(SwapRequestView v) {
        return "<dl class=\"govuk-summary-list\">\n"
                + LinkPages.row("Rota", v.rotaName() + " (" + v.layer().name().toLowerCase(Locale.ROOT) + " layer)")
                + LinkPages.row("Asked by", name(v.requester().name()))
                + LinkPages.row(
                        "You would take",
                        ActionPage.words(v.requester().from()) + " to "
                                + ActionPage.words(v.requester().until()))
                + LinkPages.row(
                        "They would take",
                        ActionPage.words(v.responder().from()) + " to "
                                + ActionPage.words(v.responder().until()))
                + (v.reason() == null ? "" : LinkPages.row("Reason", v.reason()))
                + LinkPages.row("State", v.status().name().toLowerCase(Locale.ROOT))
                + LinkPages.row("Expires", ActionPage.words(v.expiresAt()))
                + "</dl>\n";
    }

    private static String name(String n) {
        return n == null ? "another member" : n;
    }
}
