package org.sharedict.skills.profile;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response shapes for a person's skills and certifications. */
public final class ProfileDtos {

    private ProfileDtos() {}

    public record PersonSkillView(
            String skill,
            String name,
            String category,
            int level,

            @Schema(enumeration = {"awareness", "working knowledge", "practitioner", "expert", "authority"})
            String levelName,

            boolean verified,
            @Schema(nullable = true) String verifiedBy,
            @Schema(nullable = true) Instant verifiedAt,
            @Schema(nullable = true) LocalDate lastUsed,
            @Schema(nullable = true) LocalDate lastConfirmed,
            boolean stale,
            @Schema(nullable = true) String notes,
            long version,
            Instant updatedAt) {

        static PersonSkillView of(PersonSkill ps, LocalDate staleBefore) {
            return new PersonSkillView(
                    ps.skill.code,
                    ps.skill.name,
                    ps.skill.category.code,
                    ps.level,
                    Level.labelOf(ps.level),
                    ps.verified(),
                    ps.verifiedBy,
                    ps.verifiedAt,
                    ps.lastUsed,
                    ps.lastConfirmed,
                    ps.lastConfirmed == null || ps.lastConfirmed.isBefore(staleBefore),
                    ps.notes,
                    ps.version,
                    ps.updatedAt);
        }
    }

    /** Adds a skill to a profile; {@code skill} is a code, name or alias. */
    public record NewPersonSkill(
            @NotBlank String skill,

            @NotNull @Min(value = 1, message = "must be 1 to 5") @Max(value = 5, message = "must be 1 to 5")
            Integer level,

            Boolean verified,
            @PastOrPresent LocalDate lastUsed,
            @Size(max = 1000) String notes) {}

    /**
     * Changes a held skill. {@code verified}: true verifies it (managers of the partner, admins),
     * false withdraws the verification, absent keeps it unless the level changes.
     */
    public record PersonSkillUpdate(
            @NotNull @Min(value = 1, message = "must be 1 to 5") @Max(value = 5, message = "must be 1 to 5")
            Integer level,

            Boolean verified,
            @PastOrPresent LocalDate lastUsed,
            @Size(max = 1000) String notes,
            Long version) {}

    public record CertificationView(
            long id,
            String name,
            @Schema(nullable = true) String issuer,
            @Schema(nullable = true) String number,
            @Schema(nullable = true) LocalDate obtained,
            @Schema(nullable = true) LocalDate expires,
            @Schema(nullable = true) String skill,
            @Schema(nullable = true) String skillName,
            boolean valid,
            long version,
            Instant updatedAt) {

        static CertificationView of(Certification c, LocalDate today) {
            return new CertificationView(
                    c.id,
                    c.name,
                    c.issuer,
                    c.number,
                    c.obtained,
                    c.expires,
                    c.skill == null ? null : c.skill.code,
                    c.skill == null ? null : c.skill.name,
                    c.validOn(today),
                    c.version,
                    c.updatedAt);
        }
    }

    /** A certification; {@code skill} (a code, name or alias) is the skill it evidences, if any. */
    public record CertificationInput(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String issuer,
            @Size(max = 100) String number,
            @PastOrPresent LocalDate obtained,
            LocalDate expires,
            String skill,
            Long version) {}
}
