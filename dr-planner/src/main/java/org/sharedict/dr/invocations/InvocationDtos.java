package org.sharedict.dr.invocations;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The invocation API's request and response shapes. */
public final class InvocationDtos {

    private InvocationDtos() {}

    /**
     * {@code startedAt} records an invocation that began before it was entered; it defaults to now.
     * {@code criterion}: the key of the plan's activation criterion that is met (required when the
     * plan has criteria).
     */
    public record NewInvocation(
            @NotNull @Min(1) Long planId,
            @NotBlank @Size(max = 5000) String reason,
            Instant startedAt,
            @Size(max = 64) @Schema(nullable = true) String criterion) {}

    public record StepUpdate(
            @NotNull InvocationStep.State state,
            @Size(max = 5000) String note,
            Long version) {}

    public record Note(@NotBlank @Size(max = 5000) String message) {}

    public record Closing(@NotBlank @Size(max = 20000) String summary, Long version) {}

    public enum ActivityState {
        PENDING,
        IN_PROGRESS,
        RECOVERED
    }

    /** Against the RTO: still ON_TRACK, BREACHED (not recovered, past its RTO), MET or MISSED once recovered. */
    public enum RtoStatus {
        ON_TRACK,
        BREACHED,
        MET,
        MISSED
    }

    public record StepView(
            long id,
            String key,
            int position,
            String title,
            @Schema(nullable = true) String instructions,
            int durationMinutes,
            @Schema(nullable = true) String skill,
            @Schema(nullable = true) String ownerRole,
            InvocationStep.State state,
            @Schema(nullable = true) Instant startedAt,
            @Schema(nullable = true) Instant finishedAt,
            @Schema(nullable = true) String updatedBy,
            @Schema(nullable = true) Instant updatedAt,
            @Schema(nullable = true) String note,
            long version) {}

    public record ActivityView(
            int position,
            String key,
            String name,
            String category,
            int tier,
            int rtoMinutes,
            List<String> dependsOn,
            List<String> waitingFor,
            ActivityState state,
            Instant rtoDeadline,
            @Schema(nullable = true) Instant recoveredAt,
            long minutesToRto,
            RtoStatus rtoStatus,
            List<StepView> steps) {}

    public record EventView(
            Instant at,
            String actor,
            String kind,
            @Schema(nullable = true) String activityKey,
            @Schema(nullable = true) String stepKey,
            String message) {}

    public record Progress(
            int steps,
            int done,
            int skipped,
            int inProgress,
            int pending,
            int activities,
            int activitiesRecovered,
            int rtosMet,
            int rtosMissed,
            int rtosBreached) {}

    public record InvocationView(
            long id,
            long planId,
            String partner,
            String planName,
            int planRevision,
            String reason,

            @Schema(nullable = true, description = "Key of the activation criterion met")
            String criterionKey,

            @Schema(nullable = true, description = "Its words and threshold when the plan was invoked")
            String criterion,

            Invocation.Status status,
            Instant startedAt,
            String startedBy,
            @Schema(nullable = true) Instant closedAt,
            @Schema(nullable = true) String closedBy,
            @Schema(nullable = true) String summary,
            long elapsedMinutes,
            Progress progress,
            List<ActivityView> activities,
            List<EventView> timeline,

            @Schema(nullable = true, description = "How the call-out through rota-service went; null before call-outs")
            CallOutSummary callOut,

            long version) {}

    /**
     * A person the call-out names: the plan's OWNER or a RESPONDER (owner of first-wave steps).
     * {@code notPaged} says why rota-service was not asked to page them (no person ID on the plan).
     */
    public record CallOutPerson(
            String role,
            String name,
            @Schema(nullable = true) Long personId,
            String why,
            @Schema(nullable = true) String notPaged) {}

    /** What the invocation recorded of its call-out; {@code incidentLink} opens rota-service's incident in the web UI. */
    public record CallOutSummary(
            CallOutStatus status,
            @Schema(nullable = true) Long incidentId,
            @Schema(nullable = true) String incidentLink,
            @Schema(nullable = true) Instant at,
            @Schema(nullable = true) String detail,
            List<CallOutPerson> people) {}

    /**
     * The call-out with the incident as rota-service has it now (acknowledged by whom, resolved);
     * {@code incident} is null and {@code incidentUnknown} says why when it cannot be asked.
     * {@code mayRetry}: the call-out can be sent (or resolved) again, by the caller.
     */
    public record CallOutView(
            CallOutSummary callOut,
            @Schema(nullable = true) IncidentNow incident,
            @Schema(nullable = true) String incidentUnknown,
            boolean mayRetry) {}

    public record IncidentNow(
            long id,

            @Schema(description = "TRIGGERED, ACKNOWLEDGED or RESOLVED")
            String status,

            @Schema(nullable = true) String policyName,
            @Schema(nullable = true) Instant acknowledgedAt,
            @Schema(nullable = true) String acknowledgedBy,
            @Schema(nullable = true) Instant resolvedAt,
            @Schema(nullable = true) String resolvedBy) {}

    public record InvocationSummary(
            long id,
            long planId,
            String partner,
            String planName,
            int planRevision,
            Invocation.Status status,
            Instant startedAt,
            String startedBy,
            @Schema(nullable = true) Instant closedAt,
            long version) {}
}
