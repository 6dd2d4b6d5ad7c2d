package org.sharedict.skills.aid.requests;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.skills.aid.agreement.AgreementService;
import org.sharedict.skills.directory.Contacts;
import org.sharedict.skills.directory.Contacts.Contact;

/**
 * Deciding a help request from a signed link in an e-mail, without signing in: the link names the
 * request, the person it was written to and the decision. The same rules as in the app apply to that
 * person as they are now (still a manager of the helping partner, still the person asked, the
 * agreement still allowing a direct yes), and the request must still be waiting for a decision.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class LinkDecisions {

    public enum Decision {
        APPROVE("approve", RequestStatus.ACCEPTED),
        DECLINE("decline", RequestStatus.DECLINED),
        ACCEPT("accept", RequestStatus.ACCEPTED);

        public final String verb;
        final RequestStatus to;

        Decision(String verb, RequestStatus to) {
            this.verb = verb;
            this.to = to;
        }
    }

    /** What the link's page shows: the request as it stands, and who is deciding. */
    public record Summary(
            long id,
            String title,
            String reason,
            String requesterPartner,
            String requestedBy,
            String helperPartner,
            List<String> skills,
            String when,
            BigDecimal expectedHours,
            String urgency,
            boolean outOfHours,
            boolean onSite,
            RequestStatus status,
            String personName) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private final HelpRequests requests;
    private final Contacts contacts;
    private final AgreementService agreement;

    LinkDecisions(HelpRequests requests, Contacts contacts, AgreementService agreement) {
        this.requests = requests;
        this.contacts = contacts;
        this.agreement = agreement;
    }

    /** What the link would do; never acts (mail scanners fetch links). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Summary look(long requestId, long personId, Decision d) {
        HelpRequest r = request(requestId);
        return summary(r, allowed(r, personId, d));
    }

    /** Decides, as the link's person; a decline needs a reason. */
    public Summary act(long requestId, long personId, Decision d, String reason) {
        HelpRequest r = request(requestId);
        Contact who = allowed(r, personId, d);
        if (d == Decision.DECLINE && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "say why the request is declined");
        }
        if (reason != null && reason.length() > 1000) {
            throw ProblemException.invalid("reason", "at most 1000 characters");
        }
        requests.move(r, d.to);
        String by = who.name() + " (from an e-mail link)";
        requests.decided(r, d == Decision.ACCEPT ? null : reason, by.length() > 120 ? who.name() : by);
        requests.changed(
                r,
                switch (d) {
                    case APPROVE -> "approved by " + who.name();
                    case DECLINE -> "declined by " + who.name();
                    case ACCEPT -> "accepted directly by " + who.name();
                },
                d == Decision.ACCEPT ? null : reason);
        return summary(r, who);
    }

    private static HelpRequest request(long id) {
        HelpRequest r = HelpRequest.findById(id);
        if (r == null) {
            throw ProblemException.notFound("Help request", id);
        }
        return r;
    }

    private Contact allowed(HelpRequest r, long personId, Decision d) {
        Contact who = contacts.person(personId)
                .orElseThrow(
                        () -> ProblemException.forbidden("The person this link was written to is no longer listed"));
        if (d == Decision.ACCEPT) {
            if (r.helperPersonId == null
                    || r.helperPersonId != personId
                    || !who.partner().equals(r.helperPartner)) {
                throw ProblemException.forbidden("Only the person asked for accepts a request directly");
            }
            if (!agreement.terms().allowsDirectAccept(r.urgency == HelpRequest.Urgency.URGENT, r.outOfHours)) {
                throw ProblemException.forbidden(
                        "The partnership agreement no longer lets people accept this request directly; a manager of "
                                + r.helperPartner + " decides it");
            }
        } else if (!who.manager() || !who.partner().equals(r.helperPartner)) {
            throw ProblemException.forbidden("Only a manager of " + r.helperPartner + " decides this request");
        }
        if (!r.status.canMoveTo(d.to)) {
            throw ProblemException.conflict("Request #" + r.id + " is already "
                            + r.status.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + (r.decidedBy == null ? "" : " (" + r.decidedBy + ")") + ", so there is nothing to "
                            + d.verb)
                    .with("currentStatus", r.status.name());
        }
        return who;
    }

    private static Summary summary(HelpRequest r, Contact who) {
        String when = r.neededFrom == null
                ? "as soon as possible"
                : DAY.format(r.neededFrom)
                        + (r.neededTo != null && !r.neededTo.equals(r.neededFrom)
                                ? " to " + DAY.format(r.neededTo)
                                : "");
        return new Summary(
                r.id,
                r.title,
                r.reason,
                r.requesterPartner,
                r.requestedBy,
                r.helperPartner,
                r.skills.stream().sorted().toList(),
                when,
                Minutes.toHours(r.expectedMinutes),
                r.urgency.name().toLowerCase(Locale.ROOT),
                r.outOfHours,
                r.onSite,
                r.status,
                who.name());
    }
}
