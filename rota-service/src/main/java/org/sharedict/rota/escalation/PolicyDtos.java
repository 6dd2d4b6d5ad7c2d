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
            Long version,

            @Schema(
                    description =
                            "Severities paged with high urgency; the rest are low urgency. Default CRITICAL and HIGH.")
            @Size(max = 4)
            List<
                            @NotNull
                            @Pattern(
                                    regexp = "CRITICAL|HIGH|MEDIUM|LOW",
                                    message = "must be CRITICAL, HIGH, MEDIUM or LOW")
                            String>
                    highUrgency,

            @Schema(
                    description =
                            "Whether a low-urgency page out of working hours waits for the working day (default true)")
            Boolean lowUrgencyWaits,

            @Schema(
                    description =
                            "Whether call-outs (incidents naming an owner or responders and no policy) follow this policy; "
                                    + "the partner's own call-out policy comes before a partnership-wide one (default false)")
            Boolean callOut) {}

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

            @Size(max = 1000) String url,

            @Schema(
                    nullable = true,
                    description = "Page this target only for incidents at least this severe (absent: every incident)")
            @Pattern(regexp = "CRITICAL|HIGH|MEDIUM|LOW", message = "must be one of CRITICAL, HIGH, MEDIUM, LOW")
            String minSeverity) {}

    public record PolicyView(
            long id,
            String name,
            @Schema(nullable = true) String partner,
            int repeatCount,
            List<StepView> steps,
            long version,
            Instant createdAt,
            Instant updatedAt,
            List<String> highUrgency,
            boolean lowUrgencyWaits,

            @Schema(description = "Whether call-outs follow this policy")
            boolean callOut) {}

    public record StepView(int number, String delay, long delaySeconds, List<TargetView> targets) {}

    public record TargetView(
            TargetKind kind,
            @Schema(nullable = true) Long rotaId,
            @Schema(nullable = true) String rotaName,
            @Schema(nullable = true) Layer layer,
            @Schema(nullable = true) Long personId,
            @Schema(nullable = true) String name,
            @Schema(nullable = true) String partner,
            @Schema(nullable = true) String url,

            @Schema(nullable = true, description = "Paged only for incidents at least this severe")
            String minSeverity) {}

    public record DefaultInput(@NotNull Long policyId) {}

    public record DefaultView(
            String partner,
            long policyId,
            @Schema(nullable = true) String policyName,
            Instant updatedAt,
            String updatedBy) {}
}
