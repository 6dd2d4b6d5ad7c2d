package org.sharedict.dr.invocations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.dr.invocations.InvocationDtos.ActivityState;
import org.sharedict.dr.invocations.InvocationDtos.ActivityView;
import org.sharedict.dr.invocations.InvocationDtos.CallOutPerson;
import org.sharedict.dr.invocations.InvocationDtos.CallOutSummary;
import org.sharedict.dr.invocations.InvocationDtos.EventView;
import org.sharedict.dr.invocations.InvocationDtos.InvocationView;
import org.sharedict.dr.invocations.InvocationDtos.Progress;
import org.sharedict.dr.invocations.InvocationDtos.RtoStatus;
import org.sharedict.dr.invocations.InvocationDtos.StepView;
import org.sharedict.dr.invocations.InvocationStep.State;
import org.sharedict.platform.json.Json;

/**
 * What a live checklist looks like now: computed from the stored steps on every read (nothing of
 * it is stored), against the clock while the invocation is open and against its closing time after.
 */
@ApplicationScoped
class InvocationViews {

    private final Clock clock;
    private final Json json;

    InvocationViews(Clock clock, Json json) {
        this.clock = clock;
        this.json = json;
    }

    /** The people a call-out named, stored as JSON on the invocation. */
    record People(List<CallOutPerson> people) {}

    /** What the invocation recorded of its call-out; null for one from before call-outs. */
    CallOutSummary callOut(Invocation inv) {
        if (inv.callOutStatus == null) {
            return null;
        }
        List<CallOutPerson> people = inv.callOutPeople == null
                ? List.of()
                : json.read(inv.callOutPeople, People.class).people();
        return new CallOutSummary(
                inv.callOutStatus,
                inv.incidentId,
                inv.incidentId == null ? null : "#/incidents/" + inv.incidentId,
                inv.callOutAt,
                inv.callOutDetail,
                people);
    }

    /** The live view: every activity's state, RTO clock and what it waits for, progress and the timeline. */
    InvocationView view(Invocation inv) {
        Instant now = inv.closedAt != null ? inv.closedAt : Instant.now(clock);
        List<InvocationActivity> activities = InvocationActivity.of(inv.id);
        Map<Long, List<InvocationStep>> steps = new HashMap<>();
        for (InvocationStep s :
                InvocationStep.ofActivities(activities.stream().map(a -> a.id).toList())) {
            steps.computeIfAbsent(s.activityId, k -> new ArrayList<>()).add(s);
        }
        Map<String, ActivityState> stateByKey = new HashMap<>();
        List<ActivityView> views = new ArrayList<>();
        int total = 0,
                done = 0,
                skipped = 0,
                inProgress = 0,
                pending = 0,
                recoveredCount = 0,
                met = 0,
                missed = 0,
                breached = 0;
        for (InvocationActivity a : activities) {
            List<InvocationStep> own = steps.getOrDefault(a.id, List.of());
            List<StepView> stepViews = new ArrayList<>();
            boolean allFinished = true;
            boolean anyMoved = false;
            Instant recoveredAt = null;
            for (InvocationStep s : own) {
                total++;
                switch (s.state) {
                    case DONE -> done++;
                    case SKIPPED -> skipped++;
                    case IN_PROGRESS -> inProgress++;
                    case PENDING -> pending++;
                }
                allFinished &= s.state == State.DONE || s.state == State.SKIPPED;
                anyMoved |= s.state != State.PENDING;
                if (s.finishedAt != null && (recoveredAt == null || s.finishedAt.isAfter(recoveredAt))) {
                    recoveredAt = s.finishedAt;
                }
                stepViews.add(new StepView(
                        s.id,
                        s.stepKey,
                        s.position,
                        s.title,
                        s.instructions,
                        s.durationMinutes,
                        s.skill,
                        s.ownerRole,
                        s.state,
                        s.startedAt,
                        s.finishedAt,
                        s.updatedBy,
                        s.updatedAt,
                        s.note,
                        s.version));
            }
            ActivityState state = allFinished
                    ? ActivityState.RECOVERED
                    : anyMoved ? ActivityState.IN_PROGRESS : ActivityState.PENDING;
            if (state == ActivityState.RECOVERED && recoveredAt == null) {
                recoveredAt = inv.startedAt;
            }
            if (state != ActivityState.RECOVERED) {
                recoveredAt = null;
            }
            stateByKey.put(a.activityKey, state);
            Instant deadline = inv.startedAt.plus(Duration.ofMinutes(a.rtoMinutes));
            RtoStatus rto;
            if (state == ActivityState.RECOVERED) {
                recoveredCount++;
                rto = recoveredAt.isAfter(deadline) ? RtoStatus.MISSED : RtoStatus.MET;
            } else {
                rto = now.isAfter(deadline) ? RtoStatus.BREACHED : RtoStatus.ON_TRACK;
            }
            switch (rto) {
                case MET -> met++;
                case MISSED -> missed++;
                case BREACHED -> breached++;
                default -> {}
            }
            List<String> deps = a.dependsOn.isBlank() ? List.of() : Arrays.asList(a.dependsOn.split(","));
            views.add(new ActivityView(
                    a.position,
                    a.activityKey,
                    a.name,
                    a.category,
                    a.tier,
                    a.rtoMinutes,
                    deps,
                    List.of(),
                    state,
                    deadline,
                    recoveredAt,
                    Duration.between(now, deadline).toMinutes(),
                    rto,
                    stepViews));
        }
        // Waiting-for needs every activity's state, so it is filled in afterwards.
        List<ActivityView> withWaits = new ArrayList<>(views.size());
        for (ActivityView v : views) {
            List<String> waiting = v.dependsOn().stream()
                    .filter(d -> stateByKey.getOrDefault(d, ActivityState.RECOVERED) != ActivityState.RECOVERED)
                    .toList();
            withWaits.add(new ActivityView(
                    v.position(),
                    v.key(),
                    v.name(),
                    v.category(),
                    v.tier(),
                    v.rtoMinutes(),
                    v.dependsOn(),
                    waiting,
                    v.state(),
                    v.rtoDeadline(),
                    v.recoveredAt(),
                    v.minutesToRto(),
                    v.rtoStatus(),
                    v.steps()));
        }
        List<EventView> timeline = InvocationEvent.of(inv.id).stream()
                .map(e -> new EventView(e.at, e.actor, e.kind, e.activityKey, e.stepKey, e.message))
                .toList();
        return new InvocationView(
                inv.id,
                inv.planId,
                inv.partner,
                inv.planName,
                inv.planRevision,
                inv.reason,
                inv.criterionKey,
                inv.criterion,
                inv.status,
                inv.startedAt,
                inv.startedBy,
                inv.closedAt,
                inv.closedBy,
                inv.summary,
                Duration.between(inv.startedAt, now).toMinutes(),
                new Progress(
                        total,
                        done,
                        skipped,
                        inProgress,
                        pending,
                        activities.size(),
                        recoveredCount,
                        met,
                        missed,
                        breached),
                withWaits,
                timeline,
                callOut(inv),
                inv.version);
    }
}
