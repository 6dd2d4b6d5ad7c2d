package org.sharedict.rota.incidents;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

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
        return add(incidentId, kind, detail, e -> {});
    }

    /**
     * As {@link #add(long, IncidentEvent.Kind, String)}, with the line's other fields set by
     * {@code fields} before it is written: one insert, where setting them afterwards would add an update.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IncidentEvent add(long incidentId, IncidentEvent.Kind kind, String detail, Consumer<IncidentEvent> fields) {
        IncidentEvent e = new IncidentEvent();
        e.incidentId = incidentId;
        e.at = Instant.now(clock);
        e.kind = kind;
        e.actor = Caller.currentUsernameOrSystem();
        e.detail = detail;
        fields.accept(e);
        e.persist();
        return e;
    }
}
