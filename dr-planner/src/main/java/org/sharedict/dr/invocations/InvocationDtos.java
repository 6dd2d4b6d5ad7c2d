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

    /** {@code startedAt} records an invocation that began before it was entered; it defaults to now. */
    public record NewInvocation(
            @NotNull @Min(1) Long planId,
            @NotBlank @Size(max = 5000) String reason,
            Instant startedAt) {}

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
            long version) {}

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
