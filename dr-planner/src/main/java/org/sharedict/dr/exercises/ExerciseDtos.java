package org.sharedict.dr.exercises;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The exercise API's request and response shapes. */
public final class ExerciseDtos {

    private ExerciseDtos() {}

    public enum ActionStatus {
        OPEN,
        DONE
    }

    /** What a finding leads to: who does what by when, tracked until done ({@code closedOn} the day it was). */
    public record Action(
            @NotBlank @Size(max = 2000) String description,
            @NotBlank @Size(max = 200) String owner,
            @Schema(nullable = true) LocalDate dueDate,
            ActionStatus status,

            @Schema(nullable = true, description = "The finding (its position in findings, from 0) the action answers")
            @jakarta.validation.constraints.Min(0)
            Integer finding,

            @Schema(nullable = true, description = "The day the action was done; set on the day it is marked DONE")
            LocalDate closedOn) {

        public Action {
            status = status == null ? ActionStatus.OPEN : status;
        }
    }

    /** An open action past its due date. */
    public record OverdueAction(
            long exerciseId,
            long planId,
            String planName,
            String partner,
            LocalDate exerciseDate,
            String description,
            String owner,
            LocalDate dueDate,
            long daysOverdue) {}

    /**
     * A plan's readiness. {@code tier1ExercisedPercent} is null when the plan has no tier-1
     * activity; {@code unacknowledgedCopies} counts copy holders who have not acknowledged the
     * revision in force (0 without one); {@code daysSinceApproval} null for a plan never approved.
     */
    public record Readiness(
            long planId,
            String partner,
            String planName,
            int revision,
            org.sharedict.dr.plans.Plan.Status status,
            int tier1Activities,
            int tier1Exercised,
            @Schema(nullable = true) Integer tier1ExercisedPercent,
            List<String> tier1NotExercised,
            int openActions,
            int overdueActions,

            @Schema(description = "Copy holders who have not acknowledged the revision in force")
            int unacknowledgedCopies,

            @Schema(nullable = true) Long daysSinceApproval,
            @Schema(nullable = true) LocalDate lastExercised,
            @Schema(nullable = true) LocalDate nextExercise) {}

    /**
     * {@code heldOn}: the day it was held, or (SCHEDULED) the day it is planned for: a held exercise
     * cannot be in the future, a scheduled one cannot be in the past.
     */
    @DateFitsStatus
    public record ExerciseInput(
            @NotNull @Min(1) Long planId,
            @NotNull LocalDate heldOn,
            @NotNull Exercise.Type type,

            @Schema(nullable = true, description = "HELD when left out")
            Exercise.Status status,

            @Size(max = 100) List<@NotBlank @Size(max = 200) String> participants,
            @Size(max = 500) List<@NotBlank @Size(max = 64) String> activities,
            @NotBlank @Size(max = 5000) String scope,
            @Size(max = 20000) String summary,
            @Size(max = 200) List<@NotBlank @Size(max = 5000) String> findings,
            @Size(max = 200) List<@Valid @NotNull Action> actions,
            Long version) {}

    public record ExerciseView(
            long id,
            long planId,
            String partner,
            LocalDate heldOn,
            Exercise.Type type,
            Exercise.Status status,
            List<String> participants,
            List<String> activities,
            String scope,
            @Schema(nullable = true) String summary,
            List<String> findings,
            List<Action> actions,
            int openActions,
            int overdueActions,
            String createdBy,
            long version,
            Instant createdAt,
            Instant updatedAt) {}
}
