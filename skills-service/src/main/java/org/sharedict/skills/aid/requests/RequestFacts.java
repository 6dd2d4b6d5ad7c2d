package org.sharedict.skills.aid.requests;

import java.time.Instant;
import java.util.List;

/** A help request as the benefits report counts it: who asked whom, for what, and when it was answered. */
public record RequestFacts(
        long id,
        String requester,
        String helper,
        List<String> skills,
        RequestStatus status,
        Instant createdAt,
        Instant decidedAt) {}
