package org.sharedict.dr.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.dr.model.Customisation.AddedDependency;
import org.sharedict.dr.model.Customisation.AddedStep;
import org.sharedict.dr.model.Customisation.Additions;
import org.sharedict.dr.model.Customisation.Exclusion;
import org.sharedict.dr.model.Customisation.FieldOverride;
import org.sharedict.platform.problem.Problem.FieldError;

/**
 * Moves a partner's customisation from one template version onto another. Everything the partner
 * changed is kept where it still has something to apply to; what the new template makes
 * questionable is reported as a conflict. Conflicts that leave the plan ambiguous (an added key the
 * template now uses too) block the rebase; the others are applied and reported for the lead to
 * review.
 */
public final class Rebase {

    public enum ConflictKind {
        /** The template changed a field the partner overrode; the partner's value is kept. */
        OVERRIDDEN_FIELD_CHANGED,
        /** The template removed an activity or step the partner overrode, excluded or extended; dropped. */
        TARGET_REMOVED,
        /** A partner-added dependency (or added activity) needed an activity the template removed; dropped. */
        DEPENDENCY_ON_REMOVED_ACTIVITY,
        /** A partner-added step followed a template step that was removed; it now comes first. */
        ANCHOR_STEP_REMOVED,
        /** The template now has an activity or step with the key of one the partner added: blocks. */
        KEY_CLASH,
        /** The customisation does not fit the new version for another reason: blocks. */
        INVALID
    }

    public record Conflict(
            ConflictKind kind,
            boolean blocking,
            @Schema(nullable = true) String activityKey,
            @Schema(nullable = true) String stepKey,
            @Schema(nullable = true) String field,
            Object templateBefore,
            Object templateAfter,
            Object planValue,
            String detail) {}

    public record Result(
            Customisation customisation,
            List<Conflict> conflicts,
            int keptOverrides,
            int keptAdditions,
            int keptExclusions) {

        public boolean blocked() {
            return conflicts.stream().anyMatch(Conflict::blocking);
        }
    }

    private Rebase() {}

    public static Result onto(TemplateContent from, TemplateContent to, Customisation c) {
        Map<String, Activity> before = index(from);
        Map<String, Activity> after = index(to);
        List<Conflict> conflicts = new ArrayList<>();

        List<FieldOverride> overrides = new ArrayList<>();
        for (FieldOverride o : c.overrides()) {
            Activity a0 = before.get(o.activityKey());
            Activity a1 = after.get(o.activityKey());
            Step s1 = a1 == null || o.stepKey() == null ? null : PlanDiff.step(a1, o.stepKey());
            if (a1 == null || (o.stepKey() != null && s1 == null)) {
                conflicts.add(new Conflict(
                        ConflictKind.TARGET_REMOVED,
                        false,
                        o.activityKey(),
                        o.stepKey(),
                        o.field(),
                        null,
                        null,
                        o.value(),
                        "the new template version no longer has this " + (a1 == null ? "activity" : "step")
                                + "; the override was dropped"));
                continue;
            }
            overrides.add(o);
            if (a0 == null) {
                continue;
            }
            var target = o.stepKey() == null ? OverridableField.Target.ACTIVITY : OverridableField.Target.STEP;
            var field = OverridableField.of(target, o.field());
            if (field.isEmpty()) {
                continue;
            }
            Object was;
            Object now;
            if (o.stepKey() == null) {
                was = field.get().get(a0);
                now = field.get().get(a1);
            } else {
                Step s0 = PlanDiff.step(a0, o.stepKey());
                was = s0 == null ? null : field.get().get(s0);
                now = field.get().get(s1);
            }
            if (!Objects.equals(was, now)) {
                Object planValue;
                try {
                    planValue = field.get().read(o.value());
                } catch (IllegalArgumentException e) {
                    planValue = o.value();
                }
                conflicts.add(new Conflict(
                        ConflictKind.OVERRIDDEN_FIELD_CHANGED,
                        false,
                        o.activityKey(),
                        o.stepKey(),
                        o.field(),
                        was,
                        now,
                        planValue,
                        "the template changed " + o.field() + " from " + was + " to " + now
                                + "; the plan keeps its own value " + planValue));
            }
        }

        List<Exclusion> exclusions = new ArrayList<>();
        for (Exclusion x : c.exclusions()) {
            Activity a1 = after.get(x.activityKey());
            boolean gone = a1 == null
                    || (x.stepKey() != null && PlanDiff.step(a1, x.stepKey()) == null)
                    || (x.dependsOn() != null && !a1.dependsOn().contains(x.dependsOn()));
            if (gone) {
                conflicts.add(
                        new Conflict(
                                ConflictKind.TARGET_REMOVED,
                                false,
                                x.activityKey(),
                                x.stepKey(),
                                null,
                                null,
                                null,
                                x.reason(),
                                "the new template version no longer has what this exclusion excluded; the exclusion was dropped"));
            } else {
                exclusions.add(x);
            }
        }

        List<Activity> addedActivities = new ArrayList<>();
        for (Activity a : c.additions().activities()) {
            if (after.containsKey(a.key())) {
                conflicts.add(
                        new Conflict(
                                ConflictKind.KEY_CLASH,
                                true,
                                a.key(),
                                null,
                                null,
                                null,
                                after.get(a.key()).name(),
                                a.name(),
                                "the new template version has an activity with the key of the partner's added activity; rename one of them first"));
            }
            List<String> deps = new ArrayList<>();
            for (String d : a.dependsOn()) {
                if (before.containsKey(d) && !after.containsKey(d)) {
                    conflicts.add(new Conflict(
                            ConflictKind.DEPENDENCY_ON_REMOVED_ACTIVITY,
                            false,
                            a.key(),
                            null,
                            "dependsOn",
                            d,
                            null,
                            d,
                            "the added activity depended on '" + d
                                    + "', which the new template version removed; the dependency was dropped"));
                } else {
                    deps.add(d);
                }
            }
            addedActivities.add(new Activity(
                    a.key(),
                    a.name(),
                    a.category(),
                    a.tier(),
                    a.rtoMinutes(),
                    a.rpoMinutes(),
                    a.mtpdMinutes(),
                    a.description(),
                    deps,
                    a.steps()));
        }

        List<AddedStep> addedSteps = new ArrayList<>();
        for (AddedStep s : c.additions().steps()) {
            Activity a1 = after.get(s.activityKey());
            if (a1 == null) {
                conflicts.add(new Conflict(
                        ConflictKind.TARGET_REMOVED,
                        false,
                        s.activityKey(),
                        s.step().key(),
                        null,
                        null,
                        null,
                        s.step().title(),
                        "the new template version no longer has this activity; the added step was dropped"));
                continue;
            }
            if (PlanDiff.step(a1, s.step().key()) != null) {
                conflicts.add(
                        new Conflict(
                                ConflictKind.KEY_CLASH,
                                true,
                                s.activityKey(),
                                s.step().key(),
                                null,
                                null,
                                PlanDiff.step(a1, s.step().key()).title(),
                                s.step().title(),
                                "the new template version has a step with the key of the partner's added step; rename one of them first"));
                continue;
            }
            String anchor = s.after();
            boolean anchorIsAdded = c.additions().steps().stream()
                    .anyMatch(o -> o.activityKey().equals(s.activityKey())
                            && o.step().key().equals(s.after()));
            if (anchor != null && !anchorIsAdded && PlanDiff.step(a1, anchor) == null) {
                conflicts.add(
                        new Conflict(
                                ConflictKind.ANCHOR_STEP_REMOVED,
                                false,
                                s.activityKey(),
                                s.step().key(),
                                "after",
                                anchor,
                                null,
                                s.step().title(),
                                "the step this one followed was removed from the template; it now comes first in the activity"));
                anchor = null;
            }
            addedSteps.add(new AddedStep(s.activityKey(), anchor, s.step()));
        }

        List<AddedDependency> addedDeps = new ArrayList<>();
        for (AddedDependency d : c.additions().dependencies()) {
            String removed = before.containsKey(d.dependsOn()) && !after.containsKey(d.dependsOn())
                    ? d.dependsOn()
                    : before.containsKey(d.activityKey()) && !after.containsKey(d.activityKey())
                            ? d.activityKey()
                            : null;
            if (removed != null) {
                conflicts.add(new Conflict(
                        ConflictKind.DEPENDENCY_ON_REMOVED_ACTIVITY,
                        false,
                        d.activityKey(),
                        null,
                        "dependsOn",
                        d.dependsOn(),
                        null,
                        d.dependsOn(),
                        "the partner made '" + d.activityKey() + "' depend on '" + d.dependsOn()
                                + "', but the new template version removed '" + removed
                                + "'; the dependency was dropped"));
            } else {
                addedDeps.add(d);
            }
        }

        Customisation kept =
                new Customisation(overrides, new Additions(addedActivities, addedSteps, addedDeps), exclusions);
        if (conflicts.stream().noneMatch(Conflict::blocking)) {
            for (FieldError e : PlanMerger.merge(to, kept).errors()) {
                conflicts.add(new Conflict(
                        ConflictKind.INVALID,
                        true,
                        null,
                        null,
                        e.field(),
                        null,
                        null,
                        e.rejected(),
                        e.field() + ": " + e.message()));
            }
        }
        return new Result(
                kept,
                conflicts,
                overrides.size(),
                addedActivities.size() + addedSteps.size() + addedDeps.size(),
                exclusions.size());
    }

    private static Map<String, Activity> index(TemplateContent t) {
        Map<String, Activity> m = new HashMap<>();
        t.activities().forEach(a -> m.put(a.key(), a));
        return m;
    }
}
