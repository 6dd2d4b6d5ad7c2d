package org.sharedict.rota.notify;

import java.time.Instant;
import java.util.List;

/**
 * One person's page about one incident, as every channel shows it: names, not IDs.
 *
 * @param raisedBy who raised it, in words: an API key's name, "monitoring", or a person
 * @param paged the names of everyone this step pages
 * @param step 1-based step of the policy; {@code pass} 1-based too
 */
public record Page(
        long incidentId,
        String partner,
        String summary,
        String details,
        String severity,
        String urgency,
        String policyName,
        int step,
        int pass,
        int occurrences,
        String raisedBy,
        Instant raisedAt,
        List<String> paged,
        long personId,
        String personName) {}
