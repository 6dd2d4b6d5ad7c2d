package org.sharedict.dr.copies;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.sharedict.dr.plans.Plan;
import org.sharedict.dr.plans.PlanLoader;
import org.sharedict.dr.plans.PlanSnapshot;
import org.sharedict.dr.platform.DrConfig;
import org.sharedict.dr.platform.mail.Outbox;

/**
 * Reminds holders who have not acknowledged the revision in force, once each
 * {@code dr.copies.remind-every} after it was sent or last reminded. A reminder is claimed with a
 * conditional UPDATE and queued in the same transaction, so however often (or on however many
 * instances) the check runs, each interval sends one reminder. Superseded copies are not chased:
 * the holder has the newer one to acknowledge.
 */
@ApplicationScoped
public class CopyReminders {

    private final Clock clock;
    private final DrConfig config;
    private final EntityManager em;
    private final Outbox outbox;
    private final PlanLoader plans;
    private final CopyRegister register;

    CopyReminders(
            Clock clock, DrConfig config, EntityManager em, Outbox outbox, PlanLoader plans, CopyRegister register) {
        this.clock = clock;
        this.config = config;
        this.em = em;
        this.outbox = outbox;
        this.plans = plans;
        this.register = register;
    }

    /** Returns how many reminders were queued. */
    @Transactional
    public int remindDue() {
        Instant now = Instant.now(clock);
        Instant cutoff = now.minus(config.copies().remindEvery());
        List<CopyIssue> due = CopyIssue.list(
                "acknowledgedAt is null and ((remindedAt is null and sentAt <= ?1) or remindedAt <= ?1) order by id",
                cutoff);
        int sent = 0;
        for (CopyIssue i : due) {
            CopyHolder h = CopyHolder.findById(i.holderId);
            PlanSnapshot p = plans.snapshot(i.planId);
            if (h.removedAt != null || p.status() != Plan.Status.APPROVED) {
                continue;
            }
            int claimed = em.createQuery("update CopyIssue i set i.remindedAt = :now, i.reminders = i.reminders + 1"
                            + " where i.id = :id and i.acknowledgedAt is null"
                            + " and ((i.remindedAt is null and i.sentAt <= :cutoff) or i.remindedAt <= :cutoff)")
                    .setParameter("now", now)
                    .setParameter("id", i.id)
                    .setParameter("cutoff", cutoff)
                    .executeUpdate();
            if (claimed != 1) {
                continue;
            }
            outbox.queue(
                    h.email,
                    CopyMail.reminderSubject(p.name(), p.partner(), p.revision()),
                    CopyMail.reminder(h.name, p.name(), p.partner(), p.revision(), i.sentAt, register.link(i)));
            sent++;
        }
        return sent;
    }
}
