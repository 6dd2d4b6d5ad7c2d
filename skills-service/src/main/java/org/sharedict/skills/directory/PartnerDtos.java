package org.sharedict.skills.directory;

import java.time.Instant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.platform.partnership.Partnership;

/** The partner API's request and response shapes. */
public final class PartnerDtos {

    private PartnerDtos() {}

    public static final String PHONE = "^\\+?[0-9 ()-]{6,40}$";

    public record PartnerView(
            String code,
            String name,
            Partner.Type type,
            @Schema(nullable = true) String serviceDeskPhone,
            @Schema(nullable = true) String outOfHoursPhone,
            @Schema(nullable = true) String email,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        static PartnerView of(Partner p) {
            return new PartnerView(
                    p.code,
                    p.name,
                    p.type,
                    p.serviceDeskPhone,
                    p.outOfHoursPhone,
                    p.email,
                    p.version,
                    p.createdAt,
                    p.updatedAt);
        }
    }

    public record NewPartner(
            @NotBlank @Pattern(regexp = Partnership.CODE, message = "must be 2 to 16 letters or digits")
            String code,

            @NotBlank @Size(max = 200) String name,
            @NotNull Partner.Type type,

            @Pattern(regexp = PHONE, message = "must be a phone number")
            String serviceDeskPhone,

            @Pattern(regexp = PHONE, message = "must be a phone number")
            String outOfHoursPhone,

            @Email @Size(max = 254) String email) {}

    /** A full replacement of the editable fields; the code never changes. */
    public record PartnerUpdate(
            @NotBlank @Size(max = 200) String name,
            @NotNull Partner.Type type,

            @Pattern(regexp = PHONE, message = "must be a phone number")
            String serviceDeskPhone,

            @Pattern(regexp = PHONE, message = "must be a phone number")
            String outOfHoursPhone,

            @Email @Size(max = 254) String email,
            Long version) {}
}
