package org.sharedict.dr.model;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a partner changed relative to its template version, kept apart from the template so that
 * the plan can be compared with, and moved onto, a newer template version.
 */
public record Customisation(
        @Size(max = 2000) List<@Valid @NotNull FieldOverride> overrides,
        @Valid Additions additions,
        @Size(max = 2000) List<@Valid @NotNull Exclusion> exclusions) {

    public Customisation {
        overrides = overrides == null ? List.of() : overrides;
        additions = additions == null ? Additions.NONE : additions;
        exclusions = exclusions == null ? List.of() : exclusions;
    }

    public static Customisation none() {
        return new Customisation(List.of(), Additions.NONE, List.of());
    }

    @JsonIgnore
    public boolean isEmpty() {
        return overrides.isEmpty()
                && exclusions.isEmpty()
                && additions.activities().isEmpty()
                && additions.steps().isEmpty()
                && additions.dependencies().isEmpty();
    }

    /** A changed field of a template activity (no stepKey) or of one of its steps. */
    public record FieldOverride(
            @NotBlank @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE)
            String activityKey,

            @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE) @Schema(nullable = true)
            String stepKey,

            @NotBlank String field,

            @Schema(
                    implementation = Object.class,
                    description = "The partner's value: text or a number, as the field takes")
            JsonNode value) {}

    public record Additions(
            @Size(max = 3000) List<@Valid @NotNull Activity> activities,
            @Size(max = 2000) List<@Valid @NotNull AddedStep> steps,
            @Size(max = 20000) List<@Valid @NotNull AddedDependency> dependencies) {

        public static final Additions NONE = new Additions(List.of(), List.of(), List.of());

        public Additions {
            activities = activities == null ? List.of() : activities;
            steps = steps == null ? List.of() : steps;
            dependencies = dependencies == null ? List.of() : dependencies;
        }
    }

    /** A partner-only step in a template activity, after the named step (or first when none). */
    public record AddedStep(
            @NotBlank @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE)
            String activityKey,

            @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE) @Schema(nullable = true)
            String after,

            @NotNull @Valid Step step) {}

    /** {@code activityKey} cannot be recovered before {@code dependsOn}. */
    public record AddedDependency(
            @NotBlank @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE)
            String activityKey,

            @NotBlank @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE)
            String dependsOn) {}

    /**
     * Something of the template that does not apply to this partner: an activity, one of its steps
     * (stepKey) or one of its dependencies (dependsOn), always with the reason.
     */
    public record Exclusion(
            @NotBlank @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE)
            String activityKey,

            @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE) @Schema(nullable = true)
            String stepKey,

            @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE) @Schema(nullable = true)
            String dependsOn,

            @NotBlank @Size(max = 2000) String reason) {}
}
