package org.sharedict.rota.incidents;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.rota.notify.Outbox;

/** Who may raise an incident and who may respond to one: the rules apart from what raising and responding do. */
@ApplicationScoped
class IncidentRights {

    private final Caller caller;
    private final Outbox outbox;

    IncidentRights(Caller caller, Outbox outbox) {
        this.caller = caller;
        this.outbox = outbox;
    }

    /**
     * Admins; API keys with incidents:write for their own partner; managers and engineers of the
     * partner; and for a call-out (a DR plan invoked) the partner's DR leads too.
     */
    void requireRaise(String partner, boolean callOut) {
        if (caller.isAdmin()) {
            return;
        }
        if (callOut && caller.hasRole(Roles.DR_LEAD) && caller.isOf(partner)) {
            return;
        }
        if (caller.hasRole(Roles.INTEGRATION)) {
            if (!caller.hasScope(IncidentService.WRITE_SCOPE)) {
                throw ProblemException.forbidden(
                        "This API key lacks the " + IncidentService.WRITE_SCOPE + " permission");
            }
            if (!caller.isOf(partner)) {
                throw ProblemException.forbidden("This API key raises incidents only for its own partner");
            }
            return;
        }
        if (caller.hasRole(Roles.MANAGER) || caller.hasRole(Roles.ENGINEER)) {
            if (!caller.isOf(partner)) {
                throw ProblemException.forbidden("You raise incidents only for your own partner");
            }
            return;
        }
        throw ProblemException.forbidden("Only engineers, managers, admins and API keys with "
                + IncidentService.WRITE_SCOPE + " raise incidents (and DR leads call-outs)");
    }

    /**
     * Those who may acknowledge or resolve: admins, the partner's managers and engineers, an API key
     * of the partner with incidents:write, and anyone this incident has paged (a pooled engineer
     * from another partner).
     */
    void requireResponder(Incident i) {
        if (caller.isAdmin()) {
            return;
        }
        if (caller.hasRole(Roles.INTEGRATION)) {
            if (caller.hasScope(IncidentService.WRITE_SCOPE) && caller.isOf(i.partner)) {
                return;
            }
            throw ProblemException.forbidden("This API key may not change incidents of " + i.partner);
        }
        if ((caller.hasRole(Roles.MANAGER) || caller.hasRole(Roles.ENGINEER)) && caller.isOf(i.partner)) {
            return;
        }
        if (i.externalRef != null && caller.hasRole(Roles.DR_LEAD) && caller.isOf(i.partner)) {
            // The DR lead who closes the invocation resolves its call-out.
            return;
        }
        Optional<Long> me = caller.personId();
        if (me.isPresent() && outbox.paged(i.id, me.get())) {
            return;
        }
        throw ProblemException.forbidden(
                "Only people this incident paged, " + i.partner + "'s engineers and managers, and admins may do this");
    }
}
