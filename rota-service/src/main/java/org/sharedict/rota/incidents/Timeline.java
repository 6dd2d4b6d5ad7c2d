package org.sharedict.rota.incidents;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.platform.security.Caller;

/** Writes an incident's timeline, in the transaction of the change it records. */
@ApplicationScoped
public class Timeline {

    private final Clock clock;

    Timeline(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public IncidentEvent add(long incidentId, IncidentEvent.Kind kind, String detail) {
        IncidentEvent e = new IncidentEvent();
        e.incidentId = incidentId;
        e.at = Instant.now(clock);
        e.kind = kind;
        e.actor = Caller.currentUsernameOrSystem();
        e.detail = detail;
        e.persist();
        return e;
    }
}
