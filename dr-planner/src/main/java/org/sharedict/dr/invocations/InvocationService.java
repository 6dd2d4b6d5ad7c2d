package org.sharedict.dr.invocations;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;

import org.sharedict.dr.invocations.InvocationDtos.Closing;
import org.sharedict.dr.invocations.InvocationDtos.InvocationSummary;
import org.sharedict.dr.invocations.InvocationDtos.InvocationView;
import org.sharedict.dr.invocations.InvocationDtos.NewInvocation;
import org.sharedict.dr.invocations.InvocationDtos.Progress;
import org.sharedict.dr.invocations.InvocationStep.State;
import org.sharedict.dr.model.EffectivePlan.EffectiveActivity;
import org.sharedict.dr.model.EffectivePlan.EffectiveStep;
import org.sharedict.dr.model.RecoveryGraph;
import org.sharedict.dr.plans.LoadedPlan;
import org.sharedict.dr.plans.Plan;
import org.sharedict.dr.plans.PlanDtos.Activation;
import org.sharedict.dr.plans.PlanDtos.Criterion;
import org.sharedict.dr.plans.PlanLoader;
import org.sharedict.dr.plans.PlanSnapshot;
import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;

/**
 * Running an approved plan during an incident: a copy of its activities in recovery order, each
 * step moved through pending → in progress → done (or skipped, with a reason) by the people doing
 * it, every move on the timeline, elapsed time against each RTO, and a closing summary.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class InvocationService {

    private static final Map<String, String> SORTS =
            Map.of("startedAt", "startedAt", "partner", "partner", "status", "status");

    private final PlanLoader plans;
    private final InvocationViews views;
    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final ActivationRules activationRules;

    public InvocationService(
            PlanLoader plans,
            InvocationViews views,
            Caller caller,
            Auditor audit,
            Clock clock,
            ActivationRules activationRules) {
        this.plans = plans;
        this.views = views;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.activationRules = activationRules;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InvocationSummary> list(String partner, Invocation.Status status, Long planId, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (partner != null && !partner.isBlank()) {
            where.append(" and partner = :partner");
            params.and("partner", partner.toUpperCase());
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (planId != null) {
            where.append(" and planId = :planId");
            params.and("planId", planId);
        }
        return Page.of(
                Invocation.<Invocation>find(where.toString(), page.toSort(SORTS, "-startedAt", "id"), params),
                page,
                i -> new InvocationSummary(
                        i.id,
                        i.planId,
                        i.partner,
                        i.planName,
                        i.planRevision,
                        i.status,
                        i.startedAt,
                        i.startedBy,
                        i.closedAt,
                        i.version));
    }

    public InvocationView invoke(NewInvocation in) {
        PlanSnapshot plan = plans.snapshot(in.planId());
        LoadedPlan l = plans.load(plan.id());
        Activation activation = l.specifics().activation();
        activationRules.requireMayInvoke(plan.partner(), activation);
        Criterion met = activationRules.criterionMet(activation, in.criterion());
        if (plan.status() != Plan.Status.APPROVED) {
            throw ProblemException.conflict("Only the approved revision of a plan is invoked; revision "
                            + plan.revision() + " is " + plan.status())
                    .with("currentState", plan.status());
        }
        Invocation.openOf(plan.id()).ifPresent(open -> {
            throw alreadyOpen(plan, open.id);
        });
        Instant now = Instant.now(clock);
        Instant started = in.startedAt() == null ? now : in.startedAt();
        if (started.isAfter(now.plusSeconds(60))) {
            throw ProblemException.invalid("startedAt", "must not be in the future");
        }
        if (started.isBefore(now.minus(Duration.ofDays(30)))) {
            throw ProblemException.invalid("startedAt", "must be within the last 30 days");
        }
        int[] order = RecoveryGraph.of(l.effective()).recoveryOrder();
        Invocation inv = new Invocation();
        inv.planId = plan.id();
        inv.partner = plan.partner();
        inv.planName = plan.name();
        inv.planRevision = plan.revision();
        inv.reason = in.reason().trim();
        inv.criterionKey = met == null ? null : met.key();
        inv.criterion = met == null ? null : met.words();
        inv.status = Invocation.Status.OPEN;
        inv.startedAt = started;
        inv.startedBy = caller.username();
        inv.createdAt = inv.updatedAt = now;
        try {
            // Inserted at once (identity key): a second open invocation of the plan fails here, on
            // the unique index of V3, however many requests passed the check above together.
            inv.persist();
        } catch (PersistenceException e) {
            if (violates(e, "uq_dr_invocation_open")) {
                throw alreadyOpen(
                        plan,
                        QuarkusTransaction.requiringNew()
                                .call(() -> Invocation.openOf(plan.id())
                                        .map(i -> i.id)
                                        .orElse(null)));
            }
            throw e;
        }
        List<EffectiveActivity> as = l.effective().activities();
        for (int i = 0; i < order.length; i++) {
            EffectiveActivity a = as.get(order[i]);
            InvocationActivity ia = new InvocationActivity();
            ia.invocationId = inv.id;
            ia.position = i + 1;
            ia.activityKey = a.key();
            ia.name = a.name();
            ia.category = a.category().name();
            ia.tier = a.tier();
            ia.rtoMinutes = a.rtoMinutes();
            ia.dependsOn = String.join(",", a.dependsOn());
            ia.persist();
            int position = 1;
            for (EffectiveStep s : a.steps()) {
                InvocationStep st = new InvocationStep();
                st.activityId = ia.id;
                st.position = position++;
                st.stepKey = s.key();
                st.title = s.title();
                st.instructions = s.instructions();
                st.durationMinutes = s.durationMinutes();
                st.skill = s.skill();
                st.ownerRole = s.ownerRole();
                st.state = State.PENDING;
                st.persist();
            }
        }
        event(
                inv,
                now,
                "INVOKED",
                null,
                null,
                "Plan '" + plan.name() + "' revision " + plan.revision() + " invoked: " + inv.reason
                        + (met == null ? "" : " — criterion met: " + met.words()));
        Invocation.flush();
        audit.created("dr-invocation", inv.id, inv.partner, Map.of("plan", plan.id(), "reason", inv.reason));
        return views.view(inv);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InvocationView get(long id) {
        return views.view(invocation(id));
    }

    public InvocationView note(long id, String message) {
        Invocation inv = lockedInvocation(id);
        caller.requireEditRightsFor(inv.partner, Roles.DR_LEAD, Roles.MANAGER, Roles.ENGINEER);
        requireOpen(inv);
        Instant now = Instant.now(clock);
        event(inv, now, "NOTE", null, null, message.trim());
        inv.updatedAt = now;
        Invocation.flush();
        return views.view(inv);
    }

    public InvocationView close(long id, Closing in, String ifMatch) {
        Invocation inv = lockedInvocation(id);
        caller.requireEditRightsFor(inv.partner, Roles.DR_LEAD, Roles.MANAGER);
        ETags.requireMatch(inv, ifMatch, in.version());
        requireOpen(inv);
        Instant now = Instant.now(clock);
        InvocationView before = views.view(inv);
        Progress p = before.progress();
        inv.status = Invocation.Status.CLOSED;
        inv.closedAt = now;
        inv.closedBy = caller.username();
        inv.summary = in.summary().trim();
        inv.updatedAt = now;
        event(
                inv,
                now,
                "CLOSED",
                null,
                null,
                "Closed after " + Duration.between(inv.startedAt, now).toMinutes() + " min: "
                        + p.activitiesRecovered() + " of " + p.activities() + " activities recovered, " + p.rtosMet()
                        + " within RTO, "
                        + (p.rtosMissed() + p.rtosBreached()) + " past RTO; " + p.done() + " steps done, " + p.skipped()
                        + " skipped, "
                        + (p.pending() + p.inProgress()) + " not finished");
        inv.flush();
        audit.record("CLOSE", "dr-invocation", inv.id, inv.partner, Map.of("summary", inv.summary));
        return views.view(inv);
    }

    private static Invocation invocation(long id) {
        return Invocation.<Invocation>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Invocation", id));
    }

    /**
     * Every change to a live checklist writes a timeline line (its foreign key takes a shared lock
     * on the invocation row) and then updates that row. Two changes at once each held the shared
     * lock and waited for the other's: a deadlock. Taking the row's write lock first puts all
     * changes to one invocation in a queue instead, and each then reads what the one before wrote.
     */
    static Invocation lockedInvocation(long id) {
        return Invocation.<Invocation>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Invocation", id));
    }

    private static ProblemException alreadyOpen(PlanSnapshot plan, Long openId) {
        return ProblemException.conflict("Plan '" + plan.name() + "' is already invoked"
                        + (openId == null ? "" : ": invocation " + openId + " is open")
                        + "; close it before invoking the plan again")
                .with("openInvocationId", openId);
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getErrorCode() == 1062
                    && String.valueOf(sql.getMessage()).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    static void requireOpen(Invocation inv) {
        if (inv.status != Invocation.Status.OPEN) {
            throw ProblemException.conflict("The invocation is closed").with("currentState", inv.status);
        }
    }

    private void event(Invocation inv, Instant at, String kind, String activityKey, String stepKey, String message) {
        InvocationEvent.record(inv, at, caller.username(), kind, activityKey, stepKey, message);
    }
}
