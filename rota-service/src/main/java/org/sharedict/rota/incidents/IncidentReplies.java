package org.sharedict.rota.incidents;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.sharedict.rota.notify.Outbox;
import org.sharedict.rota.notify.PageReplies;

/**
 * Acts on an incident for a person who replied to its page (an SMS "1a", a key in a call). The
 * reply proves only that it came from the phone the page went to, so it may act only on an incident
 * that paged this person.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class IncidentReplies implements PageReplies {

    private final IncidentService incidents;
    private final Outbox outbox;

    @Inject
    IncidentReplies(IncidentService incidents, Outbox outbox) {
        this.incidents = incidents;
        this.outbox = outbox;
    }

    private static String status(Incident i) {
        return i.status.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String act(long incidentId, long personId, String actor, Action action) {
        Incident i = Incident.findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
        if (i == null || !outbox.paged(incidentId, personId)) {
            return "Incident #" + incidentId + " is not one of your pages.";
        }
        // Checked here rather than caught: a refusal thrown through a transactional method would roll back the answer
        // too.
        String refused = switch (action) {
            case ACKNOWLEDGE, ESCALATE -> i.status == Incident.Status.TRIGGERED ? null : "it is already " + status(i);
            case RESOLVE -> i.status == Incident.Status.RESOLVED ? "it is already resolved" : null;
        };
        if (refused != null) {
            return "Incident #" + incidentId + ": nothing done, " + refused + ".";
        }
        switch (action) {
            case ACKNOWLEDGE -> incidents.acknowledge(i, actor);
            case RESOLVE -> incidents.resolve(i, actor);
            case ESCALATE -> {
                if (!incidents.escalateNow(i, actor)) {
                    return "Incident #" + incidentId + ": nothing done, its policy has no further step.";
                }
            }
        }
        return "Incident #" + incidentId + " (" + i.summary + ") "
                + switch (action) {
                    case ACKNOWLEDGE -> "acknowledged; escalation stopped. Thank you.";
                    case RESOLVE -> "resolved. Thank you.";
                    case ESCALATE -> "escalated: the next step is paged now.";
                };
    }
}
