package org.sharedict.rota.rotas;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.platform.partnership.Partnership;
import org.sharedict.rota.platform.SupportedTime;
import org.sharedict.rota.schedule.Coverage;
import org.sharedict.rota.schedule.Layer;
import org.sharedict.rota.schedule.Reason;

/** The rota API's request and response shapes. */
public final class RotaDtos {

    private RotaDtos() {}

    public static final String PARTNER = Partnership.CODE;

    /**
     * A rota as written. {@code rotationLength} is an ISO-8601 period of whole days or weeks
     * (P1D … P8W); {@code handoffTime} is local Europe/London time; with {@code handoffDay} the first
     * handoff is the first such weekday on or after {@code startDate}.
     */
    public record RotaInput(
            @NotBlank @Size(max = 200) String name,

            @NotEmpty @Size(max = 50)
            Set<
                            @NotNull
                            @Pattern(regexp = PARTNER, message = "must be a partner code of 2 to 16 letters or digits")
                            String>
                    partners,

            @NotNull Coverage coverage,
            @NotBlank String rotationLength,
            @NotNull LocalTime handoffTime,
            DayOfWeek handoffDay,
            @NotNull @SupportedTime LocalDate startDate,
            @NotEmpty @Size(max = 2) List<@Valid @NotNull LayerInput> layers,
            Long escalationPolicyId,
            Long version) {}

    public record LayerInput(
            @NotNull Layer layer, @NotEmpty @Size(max = 200) List<@NotNull Long> members) {}

    /** {@code firstHandoff} is the instant of the first handoff (at {@code handoffTime}, Europe/London). */
    public record RotaView(
            long id,
            String name,
            Set<String> partners,
            Coverage coverage,
            String rotationLength,
            LocalTime handoffTime,
            @Schema(nullable = true) DayOfWeek handoffDay,
            LocalDate startDate,
            Instant firstHandoff,
            List<LayerView> layers,
            @Schema(nullable = true) Long escalationPolicyId,
            long version,
            Instant createdAt,
            Instant updatedAt) {}

    public record LayerView(Layer layer, List<PersonRef> members) {}

    public record PersonRef(
            long personId,
            @Schema(nullable = true) String name,
            @Schema(nullable = true) String partner) {}

    public record OverrideInput(
            Layer layer,
            @NotNull Long personId,
            @NotNull @SupportedTime Instant start,
            @NotNull @SupportedTime Instant end,
            @NotBlank @Size(max = 500) String reason) {}

    public record OverrideView(
            long id,
            long rotaId,
            Layer layer,
            long personId,
            @Schema(nullable = true) String name,
            Instant start,
            Instant end,
            String reason,
            String createdBy,
            Instant createdAt) {}

    public record LeaveInput(
            @NotNull Long personId,
            @NotNull @SupportedTime Instant start,
            @NotNull @SupportedTime Instant end,
            @Size(max = 200) String reason) {}

    public record LeaveView(
            long id,
            long personId,
            @Schema(nullable = true) String name,
            Instant start,
            Instant end,
            @Schema(nullable = true) String reason,
            String createdBy,
            Instant createdAt) {}

    /** Exchange the periods containing {@code first} and {@code second} between the members scheduled for them. */
    public record SwapInput(
            Layer layer,
            @NotNull @SupportedTime Instant first,
            @NotNull @SupportedTime Instant second,
            @Size(max = 500) String reason) {}

    public record SwapView(
            long id,
            long rotaId,
            Layer layer,
            Instant first,
            Instant second,
            @Schema(nullable = true) Long firstPersonId,
            @Schema(nullable = true) Long secondPersonId,
            @Schema(nullable = true) String reason,
            String createdBy,
            Instant createdAt,

            @Schema(description = "AGREED: a swap request the other member accepted; IMPOSED: made by a manager")
            RotaSwap.Origin origin,

            @Schema(nullable = true, description = "The swap request it came from")
            Long requestId,

            @Schema(nullable = true, description = "Who imposed it (IMPOSED only)")
            String imposedBy,

            @Schema(nullable = true, description = "When it was imposed (IMPOSED only)")
            Instant imposedAt) {}

    public record ShiftView(
            long rotaId,
            String rotaName,
            Layer layer,
            Instant start,
            Instant end,
            double hours,
            long personId,
            @Schema(nullable = true) String name,
            @Schema(nullable = true) String partner,
            Reason reason,
            long scheduledPersonId,
            @Schema(nullable = true) String scheduledName,
            @Schema(nullable = true) String note) {}
}
