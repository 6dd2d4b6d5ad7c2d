package org.sharedict.dr.plans;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A plan revision as the other features see it. They read plans through {@link PlanLoader} and
 * {@link PlanReviews} and get this copy, never the entity, so only the plans feature changes a
 * plan and its rules (drafts only, approval by someone else) cannot be gone round.
 */
public record PlanSnapshot(
        long id,
        String series,
        int revision,
        String partner,
        String name,
        Plan.Status status,
        String ownerName,
        String ownerEmail,
        LocalDate reviewDate,
        boolean reviewOverdue,
        Instant reviewRemindedAt,
        String approvedBy,
        Instant approvedAt,
        String approvalNote) {

    static PlanSnapshot of(Plan p) {
        return new PlanSnapshot(
                p.id,
                p.series,
                p.revision,
                p.partner,
                p.name,
                p.status,
                p.ownerName,
                p.ownerEmail,
                p.reviewDate,
                p.reviewOverdue,
                p.reviewRemindedAt,
                p.approvedBy,
                p.approvedAt,
                p.approvalNote);
    }
}
