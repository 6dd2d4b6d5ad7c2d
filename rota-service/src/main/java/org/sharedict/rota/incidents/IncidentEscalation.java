package org.sharedict.rota.incidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.sharedict.rota.escalation.engine.EscalatedIncident;
import org.sharedict.rota.escalation.engine.EscalatedIncidents;
import org.sharedict.rota.escalation.engine.TimelineLine;
import org.sharedict.rota.webhooks.IncidentLifecycle;

/** The incidents the escalation engine works on: their rows, locked while a step runs, and their timelines. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IncidentEscalation implements EscalatedIncidents {

    private final Timeline timeline;
    private final Event<IncidentLifecycle> lifecycle;
    private final CallOuts callOuts;

    @Inject
    IncidentEscalation(Timeline timeline, Event<IncidentLifecycle> lifecycle, CallOuts callOuts) {
        this.timeline = timeline;
        this.lifecycle = lifecycle;
        this.callOuts = callOuts;
    }

    @Override
    public List<EscalatedIncident.Named> named(long incidentId, boolean owner) {
        return callOuts.named(incidentId, owner ? IncidentResponder.Role.OWNER : IncidentResponder.Role.RESPONDER);
    }

    @Override
    public Optional<EscalatedIncident> lockTriggered(long incidentId) {
        Incident i = Incident.findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
        if (i == null || i.status != Incident.Status.TRIGGERED) {
            return Optional.empty();
        }
        return Optional.of(escalated(i));
    }

    @Override
    public void stepped(long incidentId, Integer step, Integer pass, Instant nextStepAt, List<TimelineLine> lines) {
        Incident i = Incident.findById(incidentId);
        if (step != null) {
            i.step = step;
        }
        if (pass != null) {
            i.pass = pass;
        }
        i.nextStepAt = nextStepAt;
        List<IncidentEvent> events = new ArrayList<>(lines.size());
        for (TimelineLine l : lines) {
            IncidentEvent e = new IncidentEvent();
            e.kind = IncidentEvent.Kind.valueOf(l.kind().name());
            e.detail = l.detail();
            e.step = l.step();
            e.pass = l.pass();
            e.dueAt = l.dueAt();
            e.channel = l.channel();
            e.recipient = l.recipient();
            e.notificationId = l.notificationId();
            e.at = l.at();
            events.add(e);
        }
        timeline.addAll(incidentId, events);
        for (IncidentEvent e : events) {
            if (e.kind == IncidentEvent.Kind.STEP_NOTIFIED && (e.step > 1 || e.pass > 1)) {
                // Past the first step: nobody acknowledged in time (or someone asked), so subscribers hear of it.
                lifecycle.fire(new IncidentLifecycle(
                        IncidentLifecycle.Event.ESCALATED,
                        i.id,
                        i.partner,
                        i.summary,
                        i.severity.name(),
                        i.status.name(),
                        e.at,
                        "system",
                        e.step));
            }
        }
    }

    static EscalatedIncident escalated(Incident i) {
        return new EscalatedIncident(
                i.id,
                i.partner,
                i.summary,
                i.details,
                i.severity.name(),
                i.status.name(),
                i.policyId,
                i.policyName,
                i.step,
                i.pass,
                i.occurrences,
                i.raisedBy,
                i.createdAt,
                i.urgency,
                i.raisedByName);
    }
}
