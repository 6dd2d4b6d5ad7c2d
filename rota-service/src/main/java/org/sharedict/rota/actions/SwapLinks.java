package org.sharedict.rota.actions;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.sharedict.platform.links.SignedLinkTokens;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.rota.notify.Notification;
import org.sharedict.rota.notify.Outbox;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.People;
import org.sharedict.rota.platform.RotaConfig;
import org.sharedict.rota.rotas.SwapRequest;
import org.sharedict.rota.rotas.SwapRequestChanged;
import org.sharedict.rota.rotas.SwapRequestDtos.Action;
import org.sharedict.rota.rotas.SwapRequestDtos.SwapRequestView;
import org.sharedict.rota.rotas.SwapRequests;

/**
 * Swap requests by e-mail: the member asked gets signed one-click links to accept or decline (the
 * same signing key and token form as a page's links), and the people a decision concerns are told.
 * A link acts only on a pending request, so each works once: after one is used, both answer 409.
 */
@ApplicationScoped
public class SwapLinks {

    /** Where the links lead, under the public address (the gateway routes it without a session). */
    public static final String PATH = "/api/rotas/swap-requests/links/";

    static final String ACCEPT = "swap-accept";
    static final String DECLINE = "swap-decline";

    /** What a valid link would do, to which request, for whom. */
    record Confirmation(Action action, SwapRequestView request, String personName) {}

    private final ActionKey key;
    private final SwapRequests requests;
    private final Outbox outbox;
    private final People people;
    private final RotaConfig config;

    @Inject
    SwapLinks(ActionKey key, SwapRequests requests, Outbox outbox, People people, RotaConfig config) {
        this.key = key;
        this.requests = requests;
        this.outbox = outbox;
        this.people = people;
        this.config = config;
    }

    URI link(long requestId, long personId, String action) {
        return URI.create(base() + PATH + key.tokens().issue(requestId, personId, action));
    }

    private String base() {
        return config.publicUrl().replaceAll("/+$", "");
    }

    /** Tells whoever a change concerns, in its transaction (the outbox sends after commit). */
    @Transactional(Transactional.TxType.MANDATORY)
    void changed(@Observes SwapRequestChanged c) {
        SwapRequestView v = requests.forLink(c.requestId()).orElse(null);
        if (v == null) {
            return;
        }
        switch (c.status()) {
            case PENDING -> {
                long to = v.responder().personId();
                mail(to, SwapMails.asked(v, link(v.id(), to, ACCEPT), link(v.id(), to, DECLINE), base()));
            }
            case ACCEPTED, DECLINED -> mail(v.requester().personId(), SwapMails.decided(v, base()));
            case CANCELLED -> mail(v.responder().personId(), SwapMails.decided(v, base()));
            case IMPOSED -> {
                mail(v.requester().personId(), SwapMails.decided(v, base()));
                mail(v.responder().personId(), SwapMails.decided(v, base()));
            }
            case EXPIRED -> {}
        }
    }

    private void mail(long personId, SwapMails.Mail m) {
        Contact p = people.find(personId).orElse(null);
        if (p == null || p.email() == null || p.email().isBlank()) {
            return;
        }
        outbox.queue(
                Notification.Purpose.SWAP_REQUEST,
                Notification.Channel.EMAIL,
                null,
                personId,
                null,
                p.email(),
                m.subject(),
                m.body());
    }

    Confirmation look(String token) {
        return QuarkusTransaction.requiringNew().call(() -> confirmation(claims(token)));
    }

    Confirmation act(String token) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                SignedLinkTokens.Claims c = claims(token);
                Confirmation before = confirmation(c);
                SwapRequestView after =
                        requests.actByLink(c.subjectId(), before.action(), c.personId(), before.personName());
                return new Confirmation(before.action(), after, before.personName());
            });
        } catch (ProblemException e) {
            throw new LinkActions.Refused(e.problem().status, "This link cannot do that now", e.problem().detail);
        }
    }

    private SignedLinkTokens.Claims claims(String token) {
        SignedLinkTokens.Checked checked = key.tokens().checkSigned(token);
        SignedLinkTokens.Claims c = checked.claims();
        if (c == null || !(ACCEPT.equals(c.action()) || DECLINE.equals(c.action()))) {
            throw new LinkActions.Refused(
                    404,
                    "This link is not valid",
                    "The link is not one this service made, or it was cut short or changed on the way."
                            + " Copy the whole link from the e-mail, or sign in to answer the swap request.");
        }
        if (checked.refusal() != null) {
            throw new LinkActions.Refused(
                    410,
                    "This link has expired",
                    "Links in an e-mail work for a limited time. Sign in to answer swap request " + c.subjectId()
                            + ".");
        }
        return c;
    }

    private Confirmation confirmation(SignedLinkTokens.Claims c) {
        SwapRequestView v = requests.forLink(c.subjectId())
                .orElseThrow(() -> new LinkActions.Refused(
                        404,
                        "This swap request no longer exists",
                        "Swap request " + c.subjectId() + " is not known here (its rota may have been deleted)."));
        if (v.responder().personId() != c.personId()) {
            throw new LinkActions.Refused(
                    403, "This link is not for this request", "The link was made for someone else.");
        }
        if (v.status() != SwapRequest.Status.PENDING) {
            throw new LinkActions.Refused(
                    409,
                    "Swap request " + v.id() + " is already "
                            + v.status().name().toLowerCase(Locale.ROOT),
                    v.status() == SwapRequest.Status.EXPIRED
                            ? "It expired when the first of its shifts started, so nothing can change now."
                            : "It was " + v.status().name().toLowerCase(Locale.ROOT)
                                    + Optional.ofNullable(v.decidedBy())
                                            .map(b -> " by " + b)
                                            .orElse("")
                                    + ", so there is nothing left to answer.");
        }
        String name = people.find(c.personId()).map(Contact::name).orElse("person " + c.personId());
        return new Confirmation(ACCEPT.equals(c.action()) ? Action.ACCEPT : Action.DECLINE, v, name);
    }
}
