package org.sharedict.rota.incidents;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.rota.escalation.engine.EscalatedIncident;
import org.sharedict.rota.incidents.IncidentDtos.CallOut;
import org.sharedict.rota.incidents.IncidentDtos.Responder;
import org.sharedict.rota.incidents.IncidentDtos.ResponderView;
import org.sharedict.rota.people.People;

/**
 * The people a call-out names (its owner and responders) and what raised it. They are stored with
 * the incident when it is raised, so the INCIDENT_OWNER and INCIDENT_RESPONDERS steps of its
 * policy page the same people however late they fire; rota-service learns any it does not know
 * from skills-service then (best effort: one it cannot learn is a "no recipient" line on the timeline).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CallOuts {

    private final People people;

    CallOuts(People people) {
        this.people = people;
    }

    void record(Incident i, CallOut c) {
        i.externalRef = c.reference().trim();
        i.externalUrl = c.link() == null || c.link().isBlank() ? null : c.link().trim();
        List<Long> ids = new ArrayList<>();
        int position = 0;
        if (c.owner() != null) {
            store(i.id, position++, IncidentResponder.Role.OWNER, c.owner());
            ids.add(c.owner().personId());
        }
        for (Responder r : c.responders()) {
            store(i.id, position++, IncidentResponder.Role.RESPONDER, r);
            ids.add(r.personId());
        }
        people.learn(ids);
    }

    private static void store(long incidentId, int position, IncidentResponder.Role role, Responder r) {
        IncidentResponder x = new IncidentResponder();
        x.incidentId = incidentId;
        x.position = position;
        x.role = role;
        x.personId = r.personId();
        x.name = r.name().trim();
        x.why = r.why() == null || r.why().isBlank() ? null : r.why().trim();
        x.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<ResponderView> views(long incidentId) {
        return IncidentResponder.of(incidentId).stream()
                .map(r -> new ResponderView(r.role.name(), r.personId, r.name, r.why))
                .toList();
    }

    /** For the engine: who the incident names in this role. */
    List<EscalatedIncident.Named> named(long incidentId, IncidentResponder.Role role) {
        return IncidentResponder.of(incidentId).stream()
                .filter(r -> r.role == role)
                .map(r -> new EscalatedIncident.Named(r.personId, r.name))
                .toList();
    }
}
