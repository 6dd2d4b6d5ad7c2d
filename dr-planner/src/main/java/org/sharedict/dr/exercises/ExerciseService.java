package org.sharedict.dr.exercises;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import org.sharedict.platform.partnership.Partnership;
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
        validate(in, plan.id());
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
        validate(in, in.planId());
        if (!in.planId().equals(e.planId)) {
            PlanSnapshot plan = plans.snapshot(in.planId());
            if (!plan.partner().equals(e.partner)) {
                throw ProblemException.invalid("planId", "must be a plan of " + e.partner);
            }
        }
        Changes changes = Changes.track()
                .field("heldOn", e.heldOn, in.heldOn())
                .field("type", e.type, in.type())
                .field("status", e.status, status(in))
                .field("participants", e.participants, json.write(list(in.participants())))
                .field("activities", e.activities, json.write(list(in.activities())))
                .field("scope", e.scope, in.scope())
                .field("summary", e.summary, in.summary())
                .field("findings", e.findings, json.write(in.findings() == null ? List.of() : in.findings()))
                .field("actions", e.actions, json.write(actions(in, today())));
        apply(e, in);
        e.flush();
        audit.updated("dr-exercise", e.id, e.partner, changes);
        return view(e);
    }

    private void apply(Exercise e, ExerciseInput in) {
        e.planId = in.planId();
        e.heldOn = in.heldOn();
        e.type = in.type();
        e.status = status(in);
        e.participants = json.write(list(in.participants()));
        e.activities = json.write(list(in.activities()));
        e.scope = in.scope().trim();
        e.summary = in.summary();
        e.findings = json.write(in.findings() == null ? List.of() : in.findings());
        e.actions = json.write(actions(in, today()));
        e.updatedAt = Instant.now(clock);
    }

    private static Exercise.Status status(ExerciseInput in) {
        return in.status() == null ? Exercise.Status.HELD : in.status();
    }

    private static List<String> list(List<String> l) {
        return l == null ? List.of() : l.stream().map(String::trim).toList();
    }

    /** An action marked done is dated the day it was, unless the caller says when. */
    private static List<Action> actions(ExerciseInput in, LocalDate today) {
        if (in.actions() == null) {
            return List.of();
        }
        return in.actions().stream()
                .map(a -> a.status() == ExerciseDtos.ActionStatus.DONE && a.closedOn() == null
                        ? new Action(a.description(), a.owner(), a.dueDate(), a.status(), a.finding(), today)
                        : a.status() == ExerciseDtos.ActionStatus.OPEN && a.closedOn() != null
                                ? new Action(a.description(), a.owner(), a.dueDate(), a.status(), a.finding(), null)
                                : a)
                .toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), Partnership.zone());
    }

    /** Covered activities are the plan's; an action's finding is one of the exercise's (dates: {@link DateFitsStatus}). */
    private void validate(ExerciseInput in, long planId) {
        List<String> activities = list(in.activities());
        if (!activities.isEmpty()) {
            java.util.Set<String> keys = new java.util.HashSet<>();
            plans.load(planId).effective().activities().forEach(a -> keys.add(a.key()));
            for (int i = 0; i < activities.size(); i++) {
                if (!keys.contains(activities.get(i))) {
                    throw ProblemException.invalid("activities[" + i + "]", "is not an activity of the plan");
                }
            }
        }
        int findings = in.findings() == null ? 0 : in.findings().size();
        if (in.actions() != null) {
            for (int i = 0; i < in.actions().size(); i++) {
                Integer f = in.actions().get(i).finding();
                if (f != null && f >= findings) {
                    throw ProblemException.invalid("actions[" + i + "].finding", "names no finding of this exercise");
                }
            }
        }
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
        LocalDate today = today();
        int overdue = (int) actions.stream()
                .filter(a -> a.status() == ExerciseDtos.ActionStatus.OPEN
                        && a.dueDate() != null
                        && a.dueDate().isBefore(today))
                .count();
        return new ExerciseView(
                e.id,
                e.planId,
                e.partner,
                e.heldOn,
                e.type,
                e.status,
                Arrays.asList(json.read(e.participants == null ? "[]" : e.participants, String[].class)),
                Arrays.asList(json.read(e.activities == null ? "[]" : e.activities, String[].class)),
                e.scope,
                e.summary,
                findings,
                actions,
                open,
                overdue,
                e.createdBy,
                e.version,
                e.createdAt,
                e.updatedAt);
    }
}
