package org.sharedict.skills.aid.requests;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.skills.aid.agreement.Terms;

/**
 * Who may see and move a help request. Only the two partners party to it see it (others get a 404,
 * not a hint that it exists); admins see all. The asking side's managers withdraw it and answer
 * time records; the helping side's managers decide and put people on it; the person named may
 * accept directly where the agreement allows, and logs time.
 */
@ApplicationScoped
public class RequestAccess {

    private final Caller caller;

    RequestAccess(Caller caller) {
        this.caller = caller;
    }

    public boolean sees(HelpRequest r) {
        return caller.isAdmin()
                || caller.partner()
                        .map(p -> p.equalsIgnoreCase(r.requesterPartner) || p.equalsIgnoreCase(r.helperPartner))
                        .orElse(false);
    }

    /** The request, or a 404 for those not party to it. */
    public HelpRequest visible(long id) {
        HelpRequest r = HelpRequest.findById(id);
        if (r == null || !sees(r)) {
            throw ProblemException.notFound("Help request", id);
        }
        return r;
    }

    public boolean asksFor(HelpRequest r) {
        return caller.isAdmin() || (caller.hasRole(Roles.MANAGER) && caller.isOf(r.requesterPartner));
    }

    public boolean decidesFor(HelpRequest r) {
        return caller.isAdmin() || (caller.hasRole(Roles.MANAGER) && caller.isOf(r.helperPartner));
    }

    public boolean isNamedHelper(HelpRequest r) {
        return r.helperPersonId != null
                && caller.isOf(r.helperPartner)
                && caller.personId().map(r.helperPersonId::equals).orElse(false);
    }

    public boolean helps(HelpRequest r) {
        return decidesFor(r) || isNamedHelper(r);
    }

    public List<String> actions(HelpRequest r, Terms terms) {
        List<String> a = new ArrayList<>();
        switch (r.status) {
            case REQUESTED -> {
                if (decidesFor(r)) {
                    a.add("approve");
                    a.add("decline");
                }
                if (isNamedHelper(r)
                        && terms.allowsDirectAccept(r.urgency == HelpRequest.Urgency.URGENT, r.outOfHours)) {
                    a.add("accept");
                }
                if (asksFor(r)) {
                    a.add("withdraw");
                }
            }
            case ACCEPTED -> {
                if (helps(r)) {
                    a.add("start");
                    a.add("log-time");
                }
                if (asksFor(r)) {
                    a.add("withdraw");
                }
            }
            case IN_PROGRESS -> {
                if (helps(r)) {
                    a.add("complete");
                    a.add("log-time");
                }
            }
            case DONE -> {
                if (helps(r)) {
                    a.add("log-time");
                }
            }
            default -> {}
        }
        if (asksFor(r) && r.status.takesTime()) {
            a.add("answer-time");
        }
        return a;
    }

    public void require(boolean allowed, String why) {
        if (!allowed) {
            throw ProblemException.forbidden(why);
        }
    }

    public Caller caller() {
        return caller;
    }
}
