package org.sharedict.dr.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One recovery step of an activity, done in order. The required skill is a skills-service skill
 * code; the owner role is resolved to a person by the partner plan's owners.
 */
public record Step(
        @NotBlank @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE)
        String key,

        @NotBlank @Size(max = 200) String title,
        @Size(max = 10000) @Schema(nullable = true) String instructions,
        @NotNull @Min(0) @Max(Keys.MAX_MINUTES) Integer durationMinutes,

        @Pattern(regexp = Keys.SKILL_PATTERN, message = Keys.SKILL_MESSAGE) @Schema(nullable = true)
        String skill,

        @Size(max = 100) @Schema(nullable = true) String ownerRole) {}
