package org.sharedict.dr.templates;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.dr.model.TemplateContent;

/** The template API's request and response shapes. */
public final class TemplateDtos {

    private TemplateDtos() {}

    public record NewTemplate(
            @NotBlank
            @Pattern(
                    regexp = "^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$",
                    message = "must be 2 to 40 letters, digits, '_' or '-'")
            String code,

            @NotBlank @Size(max = 200) String name,
            @Size(max = 10000) String description) {}

    public record TemplateUpdate(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 10000) String description,
            Long version) {}

    public record VersionSummary(
            int number,
            TemplateVersion.Status status,
            int activityCount,
            @Schema(nullable = true) String notes,
            String createdBy,
            @Schema(nullable = true) Instant publishedAt,
            @Schema(nullable = true) String publishedBy) {

        static VersionSummary of(TemplateVersion v) {
            return new VersionSummary(
                    v.number, v.status, v.activityCount, v.notes, v.createdBy, v.publishedAt, v.publishedBy);
        }
    }

    public record TemplateView(
            long id,
            String code,
            String name,
            @Schema(nullable = true) String description,
            @Schema(nullable = true) Integer latestPublishedVersion,
            List<VersionSummary> versions,
            long version,
            Instant createdAt,
            Instant updatedAt) {}

    /** A new draft version: the given content, or a copy of version {@code copyFrom}, or of the latest version. */
    public record NewVersion(
            @Size(max = 10000) String notes,
            @Valid TemplateContent content,
            @Min(1) Integer copyFrom) {}

    public record VersionUpdate(
            @Size(max = 10000) String notes, @Valid @NotNull TemplateContent content, Long version) {}

    public record VersionView(
            long templateId,
            String templateCode,
            String templateName,
            int number,
            TemplateVersion.Status status,
            @Schema(nullable = true) String notes,
            int activityCount,
            int dependencyCount,
            TemplateContent content,
            String createdBy,
            @Schema(nullable = true) Instant publishedAt,
            @Schema(nullable = true) String publishedBy,
            long version,
            Instant createdAt,
            Instant updatedAt) {}
}
