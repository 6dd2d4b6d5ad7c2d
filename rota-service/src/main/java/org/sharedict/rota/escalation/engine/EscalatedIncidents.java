package org.sharedict.rota.escalation.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the engine needs of incidents, which it cannot ask directly: incidents depend on escalation
 * (a raise starts the engine, an acknowledgement stops it), so incidents implement this narrow
 * interface. Both run in the engine's transaction.
 */
public interface EscalatedIncidents {

    /** Locks the incident's row until the transaction ends and answers it, or empty when it is gone or no longer TRIGGERED. */
    Optional<EscalatedIncident> lockTriggered(long incidentId);

    /**
     * Records what a step did: its timeline lines, in order, and where the escalation now stands
     * ({@code step} and {@code pass} null to leave them; {@code nextStepAt} null when nothing is pending).
     */
    /** The people a call-out names: its owner ({@code owner} true) or its responders; empty for other incidents. */
    List<EscalatedIncident.Named> named(long incidentId, boolean owner);

    void stepped(long incidentId, Integer step, Integer pass, Instant nextStepAt, List<TimelineLine> lines);
}
