package org.sharedict.dr.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.sharedict.dr.platform.DrConfig;
import org.sharedict.dr.plans.Plan;
import org.sharedict.platform.audit.Auditor;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * Finds approved plans whose review date has passed, marks them overdue and tells their owner by
 * email. It uses only what dr-planner holds (the owner's address is on the plan), so it works
 * when no other service is up. A reminder that could not be sent is tried again on the next run.
 */
@ApplicationScoped
public class ReviewService {

    @Inject
    Clock clock;

    @Inject
    DrConfig config;

    @Inject
    Mailer mailer;

    @Inject
    Auditor audit;

    public record Outcome(int markedOverdue, int reminded) {
    }

    @Transactional
    public Outcome markOverdueAndRemind() {
        ZoneId zone = ZoneId.of(config.review().zone());
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Plan> due = Plan.list("status = ?1 and reviewDate < ?2 and (reviewOverdue = false or reviewRemindedAt is null)",
                Plan.Status.APPROVED, today);
        int marked = 0;
        int reminded = 0;
        for (Plan p : due) {
            if (!p.reviewOverdue) {
                p.reviewOverdue = true;
                marked++;
                audit.record("REVIEW_OVERDUE", "dr-plan", p.id, p.partner, Map.of("reviewDate", p.reviewDate.toString()));
            }
            if (p.ownerEmail == null) {
                continue;
            }
            try {
                mailer.send(Mail.withText(p.ownerEmail, "DR plan review overdue: " + p.name + " (" + p.partner + ")", body(p, today)));
                p.reviewRemindedAt = now;
                reminded++;
            } catch (RuntimeException e) {
                Log.warnf(e, "Could not send the review reminder for plan %d to %s; trying again on the next run", p.id, p.ownerEmail);
            }
        }
        if (marked + reminded > 0) {
            Log.infof("Review check: %d plans newly overdue, %d owners reminded", marked, reminded);
        }
        return new Outcome(marked, reminded);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Plan> overdue() {
        return Plan.list("status = ?1 and reviewOverdue = true order by reviewDate, id", Plan.Status.APPROVED);
    }

    private static String body(Plan p, LocalDate today) {
        return """
                Hello %s,

                The disaster recovery plan "%s" of %s (revision %d) was due for review on %s and is now %d days overdue.

                Please review it with your team: check the recovery order, owners, contacts and suppliers, start a new
                revision if anything changed, and have it approved again. Until then the approved revision stays in force.

                -- dr-planner, Shared ICT Support platform
                """.formatted(p.ownerName == null ? "plan owner" : p.ownerName, p.name, p.partner, p.revision, p.reviewDate,
                java.time.temporal.ChronoUnit.DAYS.between(p.reviewDate, today));
    }
}
