package org.sharedict.dr.invocations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.dr.invocations.InvocationDtos.InvocationView;
import org.sharedict.dr.invocations.InvocationDtos.StepUpdate;
import org.sharedict.dr.invocations.InvocationStep.State;
import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;

/**
 * The live checklist of an open invocation: which moves a step may make, who makes them, the
 * timeline line each writes, and an activity's recovery against its RTO once its last step is done.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class InvocationSteps {

    private static final Map<State, Set<State>> MOVES = Map.of(
            State.PENDING, EnumSet.of(State.IN_PROGRESS, State.DONE, State.SKIPPED),
            State.IN_PROGRESS, EnumSet.of(State.DONE, State.SKIPPED, State.PENDING),
            State.DONE, EnumSet.of(State.IN_PROGRESS),
            State.SKIPPED, EnumSet.of(State.PENDING, State.IN_PROGRESS));

    private final InvocationViews views;
    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;

    public InvocationSteps(InvocationViews views, Caller caller, Auditor audit, Clock clock) {
        this.views = views;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    public InvocationView updateStep(long id, long stepId, StepUpdate in, String ifMatch) {
        Invocation inv = InvocationService.lockedInvocation(id);
        caller.requireEditRightsFor(inv.partner, Roles.DR_LEAD, Roles.MANAGER, Roles.ENGINEER);
        InvocationService.requireOpen(inv);
        InvocationStep step = InvocationStep.<InvocationStep>findByIdOptional(stepId)
                .orElseThrow(() -> ProblemException.notFound("Step", stepId));
        InvocationActivity activity = InvocationActivity.findById(step.activityId);
        if (activity == null || !activity.invocationId.equals(inv.id)) {
            throw ProblemException.notFound("Step of invocation " + id, stepId);
        }
        ETags.requireMatch(step, ifMatch, in.version());
        if (!MOVES.get(step.state).contains(in.state())) {
            throw ProblemException.conflict("A step that is " + step.state + " cannot become " + in.state()
                            + "; allowed: " + MOVES.get(step.state))
                    .with("currentState", step.state);
        }
        if (in.state() == State.SKIPPED && (in.note() == null || in.note().isBlank())) {
            throw ProblemException.invalid("note", "say why the step is skipped");
        }
        Instant now = Instant.now(clock);
        State from = step.state;
        step.state = in.state();
        switch (in.state()) {
            case IN_PROGRESS -> {
                step.startedAt = step.startedAt == null || from != State.PENDING ? now : step.startedAt;
                step.finishedAt = null;
            }
            case DONE, SKIPPED -> {
                step.startedAt = step.startedAt == null ? now : step.startedAt;
                step.finishedAt = now;
            }
            case PENDING -> {
                step.startedAt = null;
                step.finishedAt = null;
            }
        }
        if (in.note() != null && !in.note().isBlank()) {
            step.note = in.note().trim();
        }
        step.updatedBy = caller.username();
        step.updatedAt = now;
        String verb = switch (in.state()) {
            case IN_PROGRESS -> from == State.PENDING ? "started" : "reopened";
            case DONE -> "done";
            case SKIPPED -> "skipped";
            case PENDING -> "put back to pending";
        };
        InvocationEvent.record(
                inv,
                now,
                caller.username(),
                "STEP_" + in.state().name(),
                activity.activityKey,
                step.stepKey,
                activity.name + ": '" + step.title + "' " + verb
                        + (in.note() == null || in.note().isBlank()
                                ? ""
                                : " — " + in.note().trim()));
        step.flush();
        List<InvocationStep> siblings = InvocationStep.list("activityId", activity.id);
        boolean recovered = siblings.stream().allMatch(s -> s.state == State.DONE || s.state == State.SKIPPED);
        if (recovered && (in.state() == State.DONE || in.state() == State.SKIPPED)) {
            long minutes = Duration.between(inv.startedAt, now).toMinutes();
            InvocationEvent.record(
                    inv,
                    now,
                    caller.username(),
                    "ACTIVITY_RECOVERED",
                    activity.activityKey,
                    null,
                    activity.name + " recovered after " + minutes + " min (RTO " + activity.rtoMinutes + " min"
                            + (minutes > activity.rtoMinutes ? ", missed" : ", met") + ")");
        }
        inv.updatedAt = now;
        Invocation.flush();
        audit.record(
                "UPDATE",
                "dr-invocation-step",
                step.id,
                inv.partner,
                Map.of("state", Map.of("from", from, "to", step.state)));
        return views.view(inv);
    }
}
