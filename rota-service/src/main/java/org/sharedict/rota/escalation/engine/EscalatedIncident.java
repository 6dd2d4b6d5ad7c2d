package org.sharedict.rota.escalation.engine;

import java.time.Instant;

import org.sharedict.rota.contacts.Urgency;

/**
 * An incident as the engine sees it while it escalates it: what a page says, which policy it
 * follows and how far it has gone (step and pass 0-based; step -1 before the first).
 * {@code raisedByName} is who raised it in words (an API key's name), null when the token named none.
 */
public record EscalatedIncident(
        long id,
        String partner,
        String summary,
        String details,
        String severity,
        String status,
        Long policyId,
        String policyName,
        int step,
        int pass,
        int occurrences,
        String raisedBy,
        Instant createdAt,
        Urgency urgency,
        String raisedByName) {

    /** A person a call-out names (its owner or a responder), by skills-service ID. */
    public record Named(long personId, String name) {}
}
