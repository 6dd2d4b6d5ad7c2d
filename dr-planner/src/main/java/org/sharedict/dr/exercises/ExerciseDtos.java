package org.sharedict.dr.exercises;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The exercise API's request and response shapes. */
public final class ExerciseDtos {

    private ExerciseDtos() {}

    public enum ActionStatus {
        OPEN,
        DONE
    }

    public record Action(
            @NotBlank @Size(max = 2000) String description,
            @NotBlank @Size(max = 200) String owner,
            @Schema(nullable = true) LocalDate dueDate,
            ActionStatus status) {

        public Action {
            status = status == null ? ActionStatus.OPEN : status;
        }
    }

    public record ExerciseInput(
            @NotNull @Min(1) Long planId,
            @NotNull @PastOrPresent LocalDate heldOn,
            @NotNull Exercise.Type type,
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
            String scope,
            @Schema(nullable = true) String summary,
            List<String> findings,
            List<Action> actions,
            int openActions,
            String createdBy,
            long version,
            Instant createdAt,
            Instant updatedAt) {}
}
