package org.sharedict.rota.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.sharedict.rota.escalation.engine.EscalatedIncident;
import org.sharedict.rota.escalation.engine.EscalatedIncidents;
import org.sharedict.rota.escalation.engine.TimelineLine;

/** The incidents the escalation engine works on: their rows, locked while a step runs, and their timelines. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IncidentEscalation implements EscalatedIncidents {

    private final Timeline timeline;

    @Inject
    IncidentEscalation(Timeline timeline) {
        this.timeline = timeline;
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
        for (TimelineLine l : lines) {
            IncidentEvent e =
                    timeline.add(incidentId, IncidentEvent.Kind.valueOf(l.kind().name()), l.detail());
            e.step = l.step();
            e.pass = l.pass();
            e.dueAt = l.dueAt();
            e.channel = l.channel();
            e.recipient = l.recipient();
            e.notificationId = l.notificationId();
            if (l.at() != null) {
                e.at = l.at();
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
                i.createdAt);
    }
}
