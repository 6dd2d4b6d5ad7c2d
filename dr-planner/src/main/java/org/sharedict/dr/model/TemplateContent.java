package org.sharedict.dr.model;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The activities of one template version, with their dependencies and steps. */
public record TemplateContent(@NotNull @Size(max = 5000) List<@Valid @NotNull Activity> activities) {

    public TemplateContent {
        activities = activities == null ? List.of() : activities;
    }

    public static TemplateContent empty() {
        return new TemplateContent(List.of());
    }
}
