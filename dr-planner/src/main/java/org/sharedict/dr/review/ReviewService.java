package org.sharedict.dr.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

import org.sharedict.dr.plans.PlanReviews;
import org.sharedict.dr.plans.PlanSnapshot;
import org.sharedict.dr.platform.DrConfig;
import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.partnership.Partnership;

/**
 * Finds approved plans whose review date has passed, marks them overdue and tells their owner by
 * email. It uses only what dr-planner holds (the owner's address is on the plan), so it works
 * when no other service is up. A reminder that could not be sent is tried again on the next run.
 */
@ApplicationScoped
public class ReviewService {

    private final Clock clock;
    private final DrConfig config;
    private final Mailer mailer;
    private final Auditor audit;
    private final PlanReviews plans;

    public ReviewService(Clock clock, DrConfig config, Mailer mailer, Auditor audit, PlanReviews plans) {
        this.clock = clock;
        this.config = config;
        this.mailer = mailer;
        this.audit = audit;
        this.plans = plans;
    }

    public record Outcome(int markedOverdue, int reminded) {}

    @Transactional
    public Outcome markOverdueAndRemind() {
        ZoneId zone = Partnership.zone();
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, zone);
        int marked = 0;
        int reminded = 0;
        for (PlanSnapshot p : plans.dueBefore(today)) {
            if (!p.reviewOverdue()) {
                plans.markOverdue(p.id());
                marked++;
                audit.record(
                        "REVIEW_OVERDUE",
                        "dr-plan",
                        p.id(),
                        p.partner(),
                        Map.of("reviewDate", p.reviewDate().toString()));
            }
            if (p.ownerEmail() == null) {
                continue;
            }
            try {
                mailer.send(Mail.withText(
                        p.ownerEmail(),
                        "DR plan review overdue: " + p.name() + " (" + p.partner() + ")",
                        body(p, today)));
                plans.markReminded(p.id(), now);
                reminded++;
            } catch (RuntimeException e) {
                Log.warnf(
                        e,
                        "Could not send the review reminder for plan %d to %s; trying again on the next run",
                        p.id(),
                        p.ownerEmail());
            }
        }
        if (marked + reminded > 0) {
            Log.infof("Review check: %d plans newly overdue, %d owners reminded", marked, reminded);
        }
        return new Outcome(marked, reminded);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanSnapshot> overdue() {
        return plans.overdue();
    }

    private static String body(PlanSnapshot p, LocalDate today) {
        return """
                Hello %s,

                The disaster recovery plan "%s" of %s (revision %d) was due for review on %s and is now %d days overdue.

                Please review it with your team: check the recovery order, owners, contacts and suppliers, start a new
                revision if anything changed, and have it approved again. Until then the approved revision stays in force.

                -- dr-planner, Shared ICT Support platform
                """.formatted(
                        p.ownerName() == null ? "plan owner" : p.ownerName(),
                        p.name(),
                        p.partner(),
                        p.revision(),
                        p.reviewDate(),
                        ChronoUnit.DAYS.between(p.reviewDate(), today));
    }
}
