package org.sharedict.skills.taxonomy;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The taxonomy API's request and response shapes. */
public final class TaxonomyDtos {

    private TaxonomyDtos() {}

    public static final String CODE = "^[A-Za-z][A-Za-z0-9_]{1,39}$";
    public static final String CODE_MESSAGE = "must be 2 to 40 letters, digits or underscores, starting with a letter";
    public static final String SFIA = "^[A-Za-z]{4}$";

    public record CategoryView(
            String code,
            String name,
            @Schema(nullable = true) String description,
            long skills,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        static CategoryView of(SkillCategory c, long skills) {
            return new CategoryView(c.code, c.name, c.description, skills, c.version, c.createdAt, c.updatedAt);
        }
    }

    public record NewCategory(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE)
            String code,

            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description) {}

    public record CategoryUpdate(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            Long version) {}

    /** docs/ARCHITECTURE.md: {@code GET /api/skills/{code}} — code, name, category, aliases, sfiaCode. */
    public record SkillView(
            String code,
            String name,
            String category,
            String categoryName,
            @Schema(nullable = true) String description,
            List<String> aliases,
            @Schema(nullable = true) String sfiaCode,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        static SkillView of(Skill s) {
            return new SkillView(
                    s.code,
                    s.name,
                    s.category.code,
                    s.category.name,
                    s.description,
                    s.aliasNames(),
                    s.sfiaCode,
                    s.version,
                    s.createdAt,
                    s.updatedAt);
        }
    }

    /** Aliases are checked one by one in the service, so that errors name {@code aliases[i]}. */
    public record NewSkill(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE)
            String code,

            @NotBlank @Size(max = 200) String name,
            @NotBlank String category,
            @Size(max = 2000) String description,
            @Size(max = 30, message = "at most 30 aliases") List<String> aliases,

            @Pattern(regexp = SFIA, message = "must be a four-letter SFIA code, e.g. ITOP")
            String sfiaCode) {}

    /** A full replacement of the editable fields; the code never changes. */
    public record SkillUpdate(
            @NotBlank @Size(max = 200) String name,
            @NotNull @NotBlank String category,
            @Size(max = 2000) String description,
            @Size(max = 30, message = "at most 30 aliases") List<String> aliases,

            @Pattern(regexp = SFIA, message = "must be a four-letter SFIA code, e.g. ITOP")
            String sfiaCode,

            Long version) {}
}
