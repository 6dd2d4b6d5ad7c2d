package org.sharedict.dr.model;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A recovery activity: something to bring back (power, the core network, payroll), how urgently
 * (tier 1 first, RTO, RPO, MTPD for business services), what it needs first and how.
 */
public record Activity(
        @NotBlank @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE)
        String key,

        @NotBlank @Size(max = 200) String name,
        @NotNull Category category,
        @NotNull @Min(1) @Max(5) Integer tier,
        @NotNull @Min(0) @Max(Keys.MAX_MINUTES) Integer rtoMinutes,

        @Min(0) @Max(Keys.MAX_MINUTES) @Schema(nullable = true)
        Integer rpoMinutes,

        @Min(0) @Max(Keys.MAX_MINUTES) @Schema(nullable = true)
        Integer mtpdMinutes,

        @Size(max = 10000) @Schema(nullable = true) String description,
        @Size(max = 200) List<@NotBlank String> dependsOn,
        @Size(max = 100) List<@Valid @NotNull Step> steps) {

    public Activity {
        dependsOn = dependsOn == null ? List.of() : dependsOn;
        steps = steps == null ? List.of() : steps;
    }
}
