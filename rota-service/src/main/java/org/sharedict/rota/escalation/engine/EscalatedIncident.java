package org.sharedict.rota.escalation.engine;

import java.time.Instant;

/**
 * An incident as the engine sees it while it escalates it: what a page says, which policy it
 * follows and how far it has gone (step and pass 0-based; step -1 before the first).
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
        Instant createdAt) {}
