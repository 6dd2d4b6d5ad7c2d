package org.sharedict.dr.copies;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The copy-holder register's request and response shapes. */
public final class CopyDtos {

    private CopyDtos() {}

    /** A holder to add: a person of the partnership (personId) or any address. */
    public record HolderInput(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,

            @Schema(nullable = true, description = "The skills-service person, when the holder is ICT staff") @Min(1)
            Long personId,

            @Schema(
                    nullable = true,
                    description = "Where the copy is kept, for example 'home, printed and on a USB stick'")
            @Size(max = 500)
            String note) {}

    /**
     * Where a holder stands against the plan's approved revision: CURRENT (acknowledged it),
     * AWAITING_ACKNOWLEDGEMENT (sent, not acknowledged), NO_COPY (nothing approved or sent yet).
     */
    public enum HolderState {
        CURRENT,
        AWAITING_ACKNOWLEDGEMENT,
        NO_COPY
    }

    /** One revision e-mailed to the holder. */
    public record CopyView(
            long planId,
            int revision,
            boolean superseded,
            Instant sentAt,
            @Schema(nullable = true) Instant acknowledgedAt,
            int reminders,
            @Schema(nullable = true) Instant remindedAt) {}

    public record HolderView(
            long id,
            String name,
            String email,
            @Schema(nullable = true) Long personId,
            @Schema(nullable = true) String note,
            HolderState state,

            @Schema(nullable = true, description = "The latest revision the holder acknowledged")
            Integer heldRevision,

            @Schema(description = "The holder's acknowledged copy is of a revision that is no longer in force")
            boolean holdsSuperseded,

            List<CopyView> copies,
            String createdBy,
            Instant createdAt,
            long version) {}

    public record RegisterView(
            long planId,
            String partner,

            @Schema(nullable = true, description = "The revision in force (approved), if any")
            Integer approvedRevision,

            @Schema(nullable = true) Long approvedPlanId,
            int holders,

            @Schema(description = "Holders who have not acknowledged the revision in force")
            int unacknowledged,

            @Schema(description = "Holders whose latest acknowledged copy is superseded")
            int holdingSuperseded,

            List<HolderView> items) {}
}
