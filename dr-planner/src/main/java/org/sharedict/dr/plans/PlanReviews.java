package org.sharedict.dr.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The review marks of approved plans, for the review feature: which plans are due or overdue,
 * and recording that one is overdue or that its owner was reminded. Approval sets and clears the
 * marks ({@link PlanApprovals}); the review feature only asks and records through here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PlanReviews {

    /** Approved plans whose review date is before {@code today} and that are not yet marked overdue, or whose owner was not reminded. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanSnapshot> dueBefore(LocalDate today) {
        return Plan.<Plan>list(
                        "status = ?1 and reviewDate < ?2 and (reviewOverdue = false or reviewRemindedAt is null)",
                        Plan.Status.APPROVED,
                        today)
                .stream()
                .map(PlanSnapshot::of)
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanSnapshot> overdue() {
        return Plan.<Plan>list("status = ?1 and reviewOverdue = true order by reviewDate, id", Plan.Status.APPROVED)
                .stream()
                .map(PlanSnapshot::of)
                .toList();
    }

    public void markOverdue(long id) {
        PlanLoader.plan(id).reviewOverdue = true;
    }

    public void markReminded(long id, Instant at) {
        PlanLoader.plan(id).reviewRemindedAt = at;
    }
}
