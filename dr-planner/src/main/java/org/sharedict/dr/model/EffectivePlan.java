package org.sharedict.dr.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The plan as the partner will run it: its template version with its own customisation applied. */
public record EffectivePlan(List<EffectiveActivity> activities, List<Excluded> excluded) {

    public enum Origin {
        TEMPLATE,
        CUSTOMISED,
        ADDED
    }

    public record EffectiveActivity(
            String key,
            String name,
            Category category,
            int tier,
            int rtoMinutes,
            @Schema(nullable = true) Integer rpoMinutes,
            @Schema(nullable = true) Integer mtpdMinutes,
            @Schema(nullable = true) String description,
            List<String> dependsOn,
            List<EffectiveStep> steps,
            Origin origin,
            List<String> overriddenFields) {

        public int durationMinutes() {
            int total = 0;
            for (EffectiveStep s : steps) {
                total += s.durationMinutes();
            }
            return total;
        }
    }

    public record EffectiveStep(
            String key,
            String title,
            @Schema(nullable = true) String instructions,
            int durationMinutes,
            @Schema(nullable = true) String skill,
            @Schema(nullable = true) String ownerRole,
            Origin origin,
            List<String> overriddenFields) {}

    /** A template item this partner does not use, and why. */
    public record Excluded(
            String activityKey,
            @Schema(nullable = true) String stepKey,
            @Schema(nullable = true) String dependsOn,
            String name,
            String reason) {}

    public Map<String, EffectiveActivity> byKey() {
        Map<String, EffectiveActivity> m = new LinkedHashMap<>();
        for (EffectiveActivity a : activities) {
            m.put(a.key(), a);
        }
        return m;
    }

    public int dependencyCount() {
        int n = 0;
        for (EffectiveActivity a : activities) {
            n += a.dependsOn().size();
        }
        return n;
    }
}
