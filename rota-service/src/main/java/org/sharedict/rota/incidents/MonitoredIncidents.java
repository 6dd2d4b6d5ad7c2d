package org.sharedict.rota.incidents;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Acknowledging and resolving by dedup key, for monitoring that clears what it raised (alert intake,
 * heartbeat monitors). The caller has authorised the request itself (an integration key, a monitor);
 * these act as {@code actor} for the partner. Raising goes through {@link IncidentRaiser#raiseAs}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class MonitoredIncidents {

    /** What a keyed change found: the incident, if one was open under the key, and whether it changed. */
    public record Keyed(Optional<Long> incidentId, boolean changed) {}

    private final IncidentService incidents;

    MonitoredIncidents(IncidentService incidents) {
        this.incidents = incidents;
    }

    /** Acknowledges the partner's open incident under {@code dedupKey}; a no-op when none is open or it is acknowledged already. */
    public Keyed acknowledge(String partner, String dedupKey, String actor) {
        Optional<Incident> open = lockOpen(partner, dedupKey);
        if (open.isEmpty()) {
            return new Keyed(Optional.empty(), false);
        }
        Incident i = open.get();
        if (i.status != Incident.Status.TRIGGERED) {
            return new Keyed(Optional.of(i.id), false);
        }
        // Through IncidentService, as a person's acknowledgement: pending pages are cancelled and
        // lifecycle-webhook subscribers are told.
        incidents.acknowledge(i, actor, "acknowledged by " + actor + "; escalation stopped").actor = actor;
        return new Keyed(Optional.of(i.id), true);
    }

    /** Resolves the partner's open incident under {@code dedupKey}; empty when none is open (already resolved, or never raised). */
    public Keyed resolve(String partner, String dedupKey, String actor) {
        Optional<Incident> open = lockOpen(partner, dedupKey);
        if (open.isEmpty()) {
            return new Keyed(Optional.empty(), false);
        }
        Incident i = open.get();
        incidents.resolve(i, actor, "resolved by " + actor).actor = actor;
        return new Keyed(Optional.of(i.id), true);
    }

    /** As in IncidentService.raise: find the ID without a locking read (no gap locks), then lock the row. */
    private static Optional<Incident> lockOpen(String partner, String dedupKey) {
        return Incident.getEntityManager()
                .createQuery("select i.id from Incident i where i.openKey = :k", Long.class)
                .setParameter("k", partner + "|" + dedupKey)
                .getResultStream()
                .findFirst()
                .map(id -> Incident.<Incident>findById(id, LockModeType.PESSIMISTIC_WRITE))
                .filter(i -> i.status != Incident.Status.RESOLVED);
    }
}
