package org.sharedict.skills.directory;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The people API's request and response shapes. */
public final class PersonDtos {

    private PersonDtos() {}

    public static final int MAX_HELP_HOURS = 160;

    /**
     * docs/ARCHITECTURE.md {@code PersonView}; the fields after {@code version} are additions
     * consumers may ignore.
     */
    public record PersonView(
            long id,
            String partner,
            String partnerName,
            String name,
            @Schema(nullable = true) String jobTitle,
            @Schema(nullable = true) String team,
            String email,
            @Schema(nullable = true) String workPhone,
            @Schema(nullable = true) String mobile,
            @Schema(nullable = true) String site,
            boolean manager,
            boolean helpOtherPartners,
            int helpHoursPerMonth,
            boolean outOfHours,
            @Schema(nullable = true) LocalDate lastConfirmed,
            long version,
            @Schema(nullable = true) LocalDate unavailableUntil,
            @Schema(nullable = true) String unavailableReason,
            boolean available,
            boolean stale,
            Instant createdAt,
            Instant updatedAt) {

        public static PersonView of(Person p, LocalDate today, LocalDate staleBefore) {
            return new PersonView(
                    p.id,
                    p.partner.code,
                    p.partner.name,
                    p.name,
                    p.jobTitle,
                    p.team,
                    p.email,
                    p.workPhone,
                    p.mobile,
                    p.site,
                    p.manager,
                    p.helpOtherPartners,
                    p.helpHoursPerMonth,
                    p.outOfHours,
                    p.lastConfirmed,
                    p.version,
                    p.unavailableUntil,
                    p.unavailableReason,
                    p.availableOn(today),
                    p.lastConfirmed == null || p.lastConfirmed.isBefore(staleBefore),
                    p.createdAt,
                    p.updatedAt);
        }
    }

    /** What a person record holds; used both to create and, with {@code version}, to replace one. */
    public record PersonInput(
            @NotBlank @Size(max = 16) String partner,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String jobTitle,
            @Size(max = 200) String team,
            @NotBlank @Email @Size(max = 254) String email,

            @Pattern(regexp = PartnerDtos.PHONE, message = "must be a phone number")
            String workPhone,

            @Pattern(regexp = PartnerDtos.PHONE, message = "must be a phone number")
            String mobile,

            @Size(max = 200) String site,
            Boolean manager,
            Boolean helpOtherPartners,

            @Min(value = 0, message = "must be 0 or more")
            @Max(value = MAX_HELP_HOURS, message = "must be at most " + MAX_HELP_HOURS)
            Integer helpHoursPerMonth,

            Boolean outOfHours,
            LocalDate unavailableUntil,
            @Size(max = 200) String unavailableReason,
            @PastOrPresent LocalDate lastConfirmed,
            Long version) {}

    /** Only availability: what a person (or their manager) changes most often, e.g. going on leave. */
    public record AvailabilityUpdate(
            @NotNull Boolean helpOtherPartners,

            @Min(value = 0, message = "must be 0 or more")
            @Max(value = MAX_HELP_HOURS, message = "must be at most " + MAX_HELP_HOURS)
            Integer helpHoursPerMonth,

            @NotNull Boolean outOfHours,
            LocalDate unavailableUntil,
            @Size(max = 200) String unavailableReason,
            Long version) {}
}
