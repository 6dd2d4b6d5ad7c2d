package org.sharedict.dr.exercises;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

import org.sharedict.dr.exercises.ExerciseDtos.Action;
import org.sharedict.dr.exercises.ExerciseDtos.ExerciseInput;
import org.sharedict.dr.exercises.ExerciseDtos.ExerciseView;
import org.sharedict.dr.plans.PlanLoader;
import org.sharedict.dr.plans.PlanSnapshot;
import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.json.Json;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;

/** Exercises of a partner's plan; recorded and edited by that partner's DR lead (or an admin). */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ExerciseService {

    private static final Map<String, String> SORTS = Map.of("heldOn", "heldOn", "partner", "partner", "type", "type");

    private final PlanLoader plans;
    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final Json json;

    public ExerciseService(PlanLoader plans, Caller caller, Auditor audit, Clock clock, Json json) {
        this.plans = plans;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ExerciseView> list(String partner, Long planId, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (partner != null && !partner.isBlank()) {
            where.append(" and partner = :partner");
            params.and("partner", partner.toUpperCase());
        }
        if (planId != null) {
            where.append(" and planId = :planId");
            params.and("planId", planId);
        }
        return Page.of(
                Exercise.<Exercise>find(where.toString(), page.toSort(SORTS, "-heldOn", "id"), params),
                page,
                this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExerciseView get(long id) {
        return view(exercise(id));
    }

    public ExerciseView create(ExerciseInput in) {
        PlanSnapshot plan = plans.snapshot(in.planId());
        caller.requireEditRightsFor(plan.partner(), Roles.DR_LEAD);
        Exercise e = new Exercise();
        e.planId = plan.id();
        e.partner = plan.partner();
        e.createdBy = caller.username();
        e.createdAt = Instant.now(clock);
        apply(e, in);
        e.persistAndFlush();
        audit.created("dr-exercise", e.id, e.partner, Map.of("type", e.type, "heldOn", e.heldOn.toString()));
        return view(e);
    }

    public ExerciseView update(long id, ExerciseInput in, String ifMatch) {
        Exercise e = exercise(id);
        caller.requireEditRightsFor(e.partner, Roles.DR_LEAD);
        ETags.requireMatch(e, ifMatch, in.version());
        if (!in.planId().equals(e.planId)) {
            PlanSnapshot plan = plans.snapshot(in.planId());
            if (!plan.partner().equals(e.partner)) {
                throw ProblemException.invalid("planId", "must be a plan of " + e.partner);
            }
        }
        Changes changes = Changes.track()
                .field("heldOn", e.heldOn, in.heldOn())
                .field("type", e.type, in.type())
                .field("scope", e.scope, in.scope())
                .field("summary", e.summary, in.summary())
                .field("findings", e.findings, json.write(in.findings() == null ? List.of() : in.findings()))
                .field("actions", e.actions, json.write(in.actions() == null ? List.of() : in.actions()));
        apply(e, in);
        e.flush();
        audit.updated("dr-exercise", e.id, e.partner, changes);
        return view(e);
    }

    private void apply(Exercise e, ExerciseInput in) {
        e.planId = in.planId();
        e.heldOn = in.heldOn();
        e.type = in.type();
        e.scope = in.scope().trim();
        e.summary = in.summary();
        e.findings = json.write(in.findings() == null ? List.of() : in.findings());
        e.actions = json.write(in.actions() == null ? List.of() : in.actions());
        e.updatedAt = Instant.now(clock);
    }

    private static Exercise exercise(long id) {
        return Exercise.<Exercise>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Exercise", id));
    }

    ExerciseView view(Exercise e) {
        List<String> findings = Arrays.asList(json.read(e.findings, String[].class));
        List<Action> actions = Arrays.asList(json.read(e.actions, Action[].class));
        int open = (int) actions.stream()
                .filter(a -> a.status() == ExerciseDtos.ActionStatus.OPEN)
                .count();
        return new ExerciseView(
                e.id,
                e.planId,
                e.partner,
                e.heldOn,
                e.type,
                e.scope,
                e.summary,
                findings,
                actions,
                open,
                e.createdBy,
                e.version,
                e.createdAt,
                e.updatedAt);
    }
}
