package org.sharedict.rota.escalation;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.rota.escalation.Steps.TargetKind;
import org.sharedict.rota.rotas.RotaDtos;
import org.sharedict.rota.schedule.Layer;

/** The escalation policy API's shapes. */
public final class PolicyDtos {

    private PolicyDtos() {}

    public record PolicyInput(
            @NotBlank @Size(max = 200) String name,

            @Pattern(regexp = RotaDtos.PARTNER, message = "must be a partner code of 2 to 16 letters or digits")
            String partner,

            @Min(value = 0, message = "must be 0 or more") @Max(value = 10, message = "must be at most 10")
            Integer repeatCount,

            @NotEmpty @Size(max = 20) List<@Valid @NotNull StepInput> steps,
            Long version) {}

    /** {@code delay}: ISO-8601 duration (PT30S, PT5M, PT1H) to wait after this step before the next. */
    public record StepInput(
            @NotBlank String delay,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull TargetInput> targets) {}

    public record TargetInput(
            @NotNull TargetKind kind,
            Long rotaId,
            Layer layer,
            Long personId,

            @Pattern(regexp = RotaDtos.PARTNER, message = "must be a partner code of 2 to 16 letters or digits")
            String partner,

            @Size(max = 1000) String url) {}

    public record PolicyView(
            long id,
            String name,
            @Schema(nullable = true) String partner,
            int repeatCount,
            List<StepView> steps,
            long version,
            Instant createdAt,
            Instant updatedAt) {}

    public record StepView(int number, String delay, long delaySeconds, List<TargetView> targets) {}

    public record TargetView(
            TargetKind kind,
            @Schema(nullable = true) Long rotaId,
            @Schema(nullable = true) String rotaName,
            @Schema(nullable = true) Layer layer,
            @Schema(nullable = true) Long personId,
            @Schema(nullable = true) String name,
            @Schema(nullable = true) String partner,
            @Schema(nullable = true) String url) {}

    public record DefaultInput(@NotNull Long policyId) {}

    public record DefaultView(
            String partner,
            long policyId,
            @Schema(nullable = true) String policyName,
            Instant updatedAt,
            String updatedBy) {}
}
