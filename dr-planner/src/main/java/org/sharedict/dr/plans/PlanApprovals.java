package org.sharedict.dr.plans;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import org.sharedict.dr.model.RecoveryGraph;
import org.sharedict.dr.plans.PlanDtos.PlanView;
import org.sharedict.dr.platform.DrConfig;
import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.partnership.Partnership;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;

/**
 * The approval lifecycle of a revision: draft → submitted → approved, the approved one before it
 * superseded. Approval needs a DR lead of the plan's partner, or an admin, who is not the author;
 * the author or an approver may send a submission back to draft. Each step e-mails those it
 * concerns ({@link ApprovalMail}); an approval raises {@link PlanApproved} for the copy holders.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PlanApprovals {

    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final DrConfig config;
    private final PlanLoader loader;
    private final ApprovalMail mail;
    private final Event<PlanApproved> approved;
    private final JsonWebToken jwt;

    public PlanApprovals(
            Caller caller,
            Auditor audit,
            Clock clock,
            DrConfig config,
            PlanLoader loader,
            ApprovalMail mail,
            Event<PlanApproved> approved,
            JsonWebToken jwt) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
        this.loader = loader;
        this.mail = mail;
        this.approved = approved;
        this.jwt = jwt;
    }

    /** A submission must be a plan someone could follow: a dependency cycle refuses it. */
    public PlanView submit(long id, String ifMatch) {
        Plan p = PlanLoader.plan(id);
        caller.requireEditRightsFor(p.partner, Roles.DR_LEAD);
        match(p, ifMatch);
        requireStatus(p, Plan.Status.DRAFT, "submit");
        RecoveryGraph.of(loader.load(p).effective()).recoveryOrder();
        p.status = Plan.Status.SUBMITTED;
        p.submittedBy = caller.username();
        p.submittedAt = Instant.now(clock);
        p.updatedAt = p.submittedAt;
        if (p.author.equals(caller.username())) {
            p.authorEmail = claim(jwt, "email");
        }
        mail.submitted(p);
        p.flush();
        audit.record(
                "SUBMIT",
                "dr-plan",
                p.id,
                p.partner,
                Map.of("revision", p.revision, "approversEmailed", p.approvalMailSent));
        return loader.view(p);
    }

    /**
     * Sends a submission's e-mail to the approvers again (after the gateway's directory did not
     * answer): for whoever may submit the plan or approve it.
     */
    public PlanView notifyApprovers(long id) {
        Plan p = PlanLoader.plan(id);
        if (!caller.username().equals(p.author) && !caller.username().equals(p.submittedBy)) {
            requireApprover(p);
        }
        requireStatus(p, Plan.Status.SUBMITTED, "e-mail the approvers of");
        mail.submitted(p);
        p.updatedAt = Instant.now(clock);
        p.flush();
        audit.record(
                "NOTIFY_APPROVERS",
                "dr-plan",
                p.id,
                p.partner,
                Map.of("revision", p.revision, "approversEmailed", p.approvalMailSent));
        return loader.view(p);
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object v = jwt == null ? null : jwt.getClaim(name);
        String s = v == null ? "" : v.toString().replace("\"", "").trim();
        return s.isEmpty() ? null : s;
    }

    public PlanView approve(long id, String note, String ifMatch) {
        Plan p = PlanLoader.plan(id);
        requireApprover(p);
        match(p, ifMatch);
        requireStatus(p, Plan.Status.SUBMITTED, "approve");
        if (p.author.equals(caller.username())) {
            throw ProblemException.forbidden("A plan is approved by someone other than its author (" + p.author + ")");
        }
        Instant now = Instant.now(clock);
        for (Plan other : Plan.revisions(p.series)) {
            if (other.status == Plan.Status.APPROVED) {
                other.status = Plan.Status.SUPERSEDED;
                other.supersededAt = now;
                other.reviewOverdue = false;
                other.updatedAt = now;
                audit.record("SUPERSEDE", "dr-plan", other.id, other.partner, Map.of("by", p.id));
            }
        }
        p.status = Plan.Status.APPROVED;
        p.approvedBy = caller.username();
        p.approvedAt = now;
        p.approvalNote = note;
        LocalDate today = LocalDate.ofInstant(now, Partnership.zone());
        if (p.reviewDate == null || !p.reviewDate.isAfter(today)) {
            p.reviewDate = today.plusMonths(config.review().intervalMonths());
        }
        p.reviewOverdue = false;
        p.reviewRemindedAt = null;
        p.updatedAt = now;
        Plan.flush();
        mail.approved(p);
        approved.fire(new PlanApproved(p.id, p.series, p.partner, p.name, p.revision));
        audit.record(
                "APPROVE",
                "dr-plan",
                p.id,
                p.partner,
                Map.of("revision", p.revision, "reviewDate", p.reviewDate.toString()));
        return loader.view(p);
    }

    public PlanView reject(long id, String reason, String ifMatch) {
        Plan p = PlanLoader.plan(id);
        if (!p.author.equals(caller.username())) {
            requireApprover(p);
        }
        match(p, ifMatch);
        requireStatus(p, Plan.Status.SUBMITTED, "send back");
        p.status = Plan.Status.DRAFT;
        p.submittedAt = null;
        p.submittedBy = null;
        p.approvalNote = reason;
        p.updatedAt = Instant.now(clock);
        p.flush();
        if (!p.author.equals(caller.username())) {
            mail.sentBack(p, caller.username());
        }
        audit.record("REJECT", "dr-plan", p.id, p.partner, Map.of("reason", reason));
        return loader.view(p);
    }

    private void requireApprover(Plan p) {
        if (caller.isAdmin()) {
            return;
        }
        if (!caller.hasRole(Roles.DR_LEAD)) {
            throw ProblemException.forbidden("Only DR leads and admins approve plans");
        }
        if (!caller.isOf(p.partner)) {
            throw ProblemException.forbidden("Only a DR lead of " + p.partner + " (or an admin) approves its plans");
        }
    }

    private static void match(Plan p, String ifMatch) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireMatch(p, ifMatch, null);
        }
    }

    private static void requireStatus(Plan p, Plan.Status expected, String action) {
        if (p.status != expected) {
            throw ProblemException.conflict("Cannot " + action + " revision " + p.revision + ": it is " + p.status
                            + ", not " + expected)
                    .with("currentState", p.status);
        }
    }
}
