package org.sharedict.skills.aid.requests;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.skills.aid.requests.HelpRequest.Urgency;

/** Help requests and time records at the API edge. Hours are decimal hours (1.25 is 1 h 15 min). */
public final class RequestDtos {

    private RequestDtos() {}

    static final String PARTNER = "^[A-Za-z0-9_-]{1,16}$";

    public record RequestInput(
            @Schema(
                    nullable = true,
                    description = "The asking partner; a manager's own partner when left out, required of admins")
            @Pattern(regexp = PARTNER)
            String requesterPartner,

            @Schema(nullable = true, description = "The partner asked; may be left out when a person is named")
            @Pattern(regexp = PARTNER)
            String helperPartner,

            @Schema(nullable = true, description = "The person asked for by name, or none for anyone at the partner")
            Long helperPersonId,

            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 40) String> skills,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String reason,

            @Schema(nullable = true, description = "First day needed; both dates left out means as soon as possible")
            LocalDate neededFrom,

            @Schema(nullable = true) LocalDate neededTo,

            @NotNull @DecimalMin(value = "0.25") @DecimalMax("1000") @Digits(integer = 4, fraction = 2)
            BigDecimal expectedHours,

            @NotNull Urgency urgency,
            @NotNull Boolean outOfHours,
            @NotNull Boolean onSite) {}

    public record Decision(
            @Schema(nullable = true, description = "Why (required to decline)") @Size(max = 1000)
            String reason,

            @Schema(nullable = true, description = "On approving a request to the partner: who will help")
            Long helperPersonId) {}

    public record RequestView(
            long id,
            String requesterPartner,
            String requestedBy,
            String helperPartner,
            @Schema(nullable = true) Long helperPersonId,
            @Schema(nullable = true) String helperName,
            List<String> skills,
            String title,
            String reason,
            @Schema(nullable = true) LocalDate neededFrom,
            @Schema(nullable = true) LocalDate neededTo,
            boolean asSoonAsPossible,
            BigDecimal expectedHours,
            Urgency urgency,
            boolean outOfHours,
            boolean onSite,
            RequestStatus status,
            @Schema(nullable = true) String decisionReason,
            @Schema(nullable = true) String decidedBy,
            @Schema(nullable = true) Instant decidedAt,
            @Schema(nullable = true) Instant doneAt,
            BigDecimal loggedHours,

            @Schema(description = "What the signed-in user may do to it now")
            List<String> actions,

            long version,
            Instant createdAt,
            Instant updatedAt) {}

    public record TimeInput(
            @NotNull LocalDate workedOn,

            @NotNull @DecimalMin(value = "0.01") @DecimalMax("24") @Digits(integer = 2, fraction = 2)
            BigDecimal hours,

            @NotNull Boolean outOfHours,
            @Schema(nullable = true) @Size(max = 1000) String note) {}

    public record TimeAnswer(
            @Schema(nullable = true, description = "Why the record is queried (required to query)") @Size(max = 1000)
            String reason) {}

    public record TimeView(
            long id,
            long requestId,
            LocalDate workedOn,
            BigDecimal hours,
            boolean outOfHours,
            @Schema(nullable = true) String note,
            String loggedBy,
            TimeRecord.Status status,
            @Schema(nullable = true) String queryReason,
            @Schema(nullable = true) String answeredBy,
            long version,
            Instant createdAt) {

        static TimeView of(TimeRecord t) {
            return new TimeView(
                    t.id,
                    t.requestId,
                    t.workedOn,
                    Minutes.toHours(t.minutes),
                    t.outOfHours,
                    t.note,
                    t.loggedBy,
                    t.status,
                    t.queryReason,
                    t.answeredBy,
                    t.version,
                    t.createdAt);
        }
    }
}
