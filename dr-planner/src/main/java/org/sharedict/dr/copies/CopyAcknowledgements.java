package org.sharedict.dr.copies;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.sharedict.dr.plans.Plan;
import org.sharedict.dr.plans.PlanLoader;
import org.sharedict.dr.plans.PlanSnapshot;
import org.sharedict.platform.audit.Auditor;

/**
 * What an acknowledgement link does: {@link #look} says what it would acknowledge (a GET never
 * acts: mail scanners fetch links), {@link #act} records the receipt once, with one conditional
 * UPDATE, so two clicks (or two instances) acknowledge once and the second is told so.
 */
@ApplicationScoped
public class CopyAcknowledgements {

    /** The link is refused: the status of the page and what it tells the reader. */
    static final class Refused extends RuntimeException {
        final int status;
        final String title;

        Refused(int status, String title, String message) {
            super(message, null, false, false);
            this.status = status;
            this.title = title;
        }
    }

    /** The copy a valid link is for. */
    record Receipt(String holder, String planName, String partner, int revision, boolean superseded, Instant at) {}

    private final CopyKey key;
    private final PlanLoader plans;
    private final Clock clock;
    private final EntityManager em;
    private final Auditor audit;

    CopyAcknowledgements(CopyKey key, PlanLoader plans, Clock clock, EntityManager em, Auditor audit) {
        this.key = key;
        this.plans = plans;
        this.clock = clock;
        this.em = em;
        this.audit = audit;
    }

    Receipt look(String token) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CopyIssue i = issue(token);
            if (i.acknowledgedAt != null) {
                throw used(i);
            }
            return receipt(i, null);
        });
    }

    Receipt act(String token) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CopyIssue i = issue(token);
            Instant now = Instant.now(clock);
            int done = em.createQuery("update CopyIssue i set i.acknowledgedAt = :now"
                            + " where i.id = :id and i.acknowledgedAt is null")
                    .setParameter("now", now)
                    .setParameter("id", i.id)
                    .executeUpdate();
            if (done != 1) {
                throw used(i);
            }
            Receipt r = receipt(i, now);
            audit.record(
                    "ACKNOWLEDGE_COPY",
                    "dr-plan",
                    i.planId,
                    r.partner(),
                    Map.of("holder", i.holderId, "revision", i.revision));
            return r;
        });
    }

    private CopyIssue issue(String token) {
        CopyTokens.Checked checked = key.tokens().check(token);
        if (checked.refusal() == CopyTokens.Refusal.MALFORMED) {
            throw new Refused(
                    404,
                    "This link is not valid",
                    "The link is not one this service made, or it was cut short or changed on the way."
                            + " Copy the whole link from the e-mail.");
        }
        CopyTokens.Claims c = checked.claims();
        CopyIssue i = CopyIssue.<CopyIssue>find("tokenId", c.tokenId())
                .firstResultOptional()
                .filter(x -> x.holderId == c.holderId() && x.planId == c.planId())
                .orElseThrow(() -> new Refused(
                        404, "This copy is not known here", "The copy this link was sent with is not on record."));
        CopyHolder h = CopyHolder.findById(i.holderId);
        if (h == null || h.removedAt != null) {
            throw new Refused(
                    410,
                    "You are no longer a copy holder",
                    "You were taken off this plan's list of copy holders, so there is nothing to acknowledge.");
        }
        if (i.acknowledgedAt == null && checked.refusal() == CopyTokens.Refusal.EXPIRED) {
            throw new Refused(
                    410,
                    "This link has expired",
                    "Acknowledgement links work for a limited time; a reminder brings a new one, or ask the plan's"
                            + " DR lead.");
        }
        return i;
    }

    private Receipt receipt(CopyIssue i, Instant at) {
        PlanSnapshot p = plans.snapshot(i.planId);
        CopyHolder h = CopyHolder.findById(i.holderId);
        return new Receipt(h.name, p.name(), p.partner(), i.revision, p.status() == Plan.Status.SUPERSEDED, at);
    }

    private Refused used(CopyIssue i) {
        return new Refused(
                409,
                "Already acknowledged",
                "Receipt of revision " + i.revision + " was acknowledged on "
                        + AcknowledgePage.words(i.acknowledgedAt == null ? Instant.now(clock) : i.acknowledgedAt)
                        + ". Nothing more to do.");
    }
}
