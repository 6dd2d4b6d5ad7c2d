package org.sharedict.rota.actions;

import java.net.URI;
import java.util.Locale;

import org.sharedict.rota.rotas.SwapRequestDtos.Side;
import org.sharedict.rota.rotas.SwapRequestDtos.SwapRequestView;

/** The words of swap-request e-mails: plain text, so they read the same in every mail client. */
final class SwapMails {

    record Mail(String subject, String body) {}

    private SwapMails() {}

    static Mail asked(SwapRequestView v, URI accept, URI decline, String app) {
        String asker = name(v.requester());
        return new Mail(
                "Swap request: " + asker + " asks to swap shifts with you (" + v.rotaName() + ")",
                "Hello " + name(v.responder()) + ",\n\n"
                        + asker + " asks to swap out-of-hours shifts with you on " + v.rotaName() + " ("
                        + v.layer().name().toLowerCase(Locale.ROOT) + " layer).\n\n"
                        + "You would take:  " + period(v.requester()) + "\n"
                        + asker + " would take:  " + period(v.responder()) + "\n"
                        + (v.reason() == null ? "" : "Reason: " + v.reason() + "\n")
                        + "\nNothing changes unless you accept. The request expires at "
                        + ActionPage.words(v.expiresAt()) + ", when the first of the two shifts starts.\n\n"
                        + "Accept the swap: " + accept + "\n"
                        + "Decline the swap: " + decline + "\n\n"
                        + "Each link opens a page that asks you to confirm. Or answer in the app: " + app
                        + "/#/swap-requests\n");
    }

    static Mail decided(SwapRequestView v, String app) {
        String status = v.status().name().toLowerCase(Locale.ROOT);
        String who = v.decidedBy() == null ? "" : " by " + v.decidedBy();
        String outcome = switch (v.status()) {
            case ACCEPTED -> "The swap is made: your shifts have changed.";
            case IMPOSED -> "A manager imposed the swap: your shifts have changed.";
            default -> "Nothing changes on the rota.";
        };
        return new Mail(
                "Swap request " + status + ": " + v.rotaName(),
                "The request for " + name(v.requester()) + " and " + name(v.responder()) + " to swap shifts on "
                        + v.rotaName() + " was " + status + who + ".\n\n"
                        + name(v.requester()) + "'s shift:  " + period(v.requester()) + "\n"
                        + name(v.responder()) + "'s shift:  " + period(v.responder()) + "\n\n"
                        + outcome + "\n\nSwap requests in the app: " + app + "/#/swap-requests\n");
    }

    private static String name(Side s) {
        return s.name() == null ? "person " + s.personId() : s.name();
    }

    private static String period(Side s) {
        return ActionPage.words(s.from()) + " to " + ActionPage.words(s.until());
    }
}
