package org.sharedict.dr.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sharedict.dr.model.Customisation.AddedDependency;
import org.sharedict.dr.model.Customisation.AddedStep;
import org.sharedict.dr.model.Customisation.Exclusion;
import org.sharedict.dr.model.Customisation.FieldOverride;
import org.sharedict.dr.model.EffectivePlan.EffectiveActivity;
import org.sharedict.dr.model.EffectivePlan.EffectiveStep;
import org.sharedict.dr.model.EffectivePlan.Excluded;
import org.sharedict.dr.model.EffectivePlan.Origin;
import org.sharedict.platform.problem.Problem.FieldError;

/**
 * Computes the effective plan from a template version and a partner's customisation, and says
 * precisely (by JSON path) which parts of the customisation do not fit the template.
 */
public final class PlanMerger {

    private PlanMerger() {}

    public record Result(EffectivePlan plan, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * The merge runs in phases, each over one part of the customisation: exclusions first (overriding
     * or extending an excluded activity is a contradiction), then overrides, added steps, added
     * activities and added dependencies, and last the effective activities are built.
     */
    public static Result merge(TemplateContent template, Customisation c) {
        Merge m = new Merge(template);
        m.exclude(c.exclusions());
        m.override(c.overrides());
        m.addSteps(c.additions().steps());
        m.addActivities(c.additions().activities());
        m.addDependencies(c.additions().dependencies());
        return m.result();
    }

    /** One merge in progress: the template's activities as drafts, what was excluded, and the errors so far. */
    private static final class Merge {

        private final List<FieldError> errors = new ArrayList<>();
        private final Map<String, Activity> templateByKey = new HashMap<>();
        private final Map<String, ActivityDraft> drafts = new LinkedHashMap<>();
        private final List<Excluded> excluded = new ArrayList<>();

        Merge(TemplateContent template) {
            for (Activity a : template.activities()) {
                templateByKey.put(a.key(), a);
            }
            for (Activity a : template.activities()) {
                drafts.put(a.key(), new ActivityDraft(a, false));
            }
        }

        void exclude(List<Exclusion> exclusions) {
            Set<String> excludedActivities = new HashSet<>();
            Set<String> seenExclusions = new HashSet<>();
            for (int i = 0; i < exclusions.size(); i++) {
                Exclusion x = exclusions.get(i);
                String path = "exclusions[" + i + "]";
                Activity a = templateByKey.get(x.activityKey());
                if (a == null) {
                    errors.add(new FieldError(
                            path + ".activityKey", "the template version has no such activity", x.activityKey()));
                    continue;
                }
                if (x.stepKey() != null && x.dependsOn() != null) {
                    errors.add(new FieldError(
                            path + ".dependsOn", "exclude a step or a dependency, not both", x.dependsOn()));
                    continue;
                }
                if (!seenExclusions.add(x.activityKey() + "/" + x.stepKey() + "/" + x.dependsOn())) {
                    errors.add(new FieldError(path, "is excluded twice", null));
                    continue;
                }
                ActivityDraft d = drafts.get(x.activityKey());
                if (x.stepKey() != null) {
                    int idx = d == null ? -1 : d.stepIndex(x.stepKey());
                    if (idx < 0) {
                        errors.add(new FieldError(
                                path + ".stepKey", "the template activity has no such step", x.stepKey()));
                        continue;
                    }
                    excluded.add(new Excluded(
                            x.activityKey(), x.stepKey(), null, d.steps.get(idx).title(), x.reason()));
                    d.steps.remove(idx);
                    d.touched = true;
                } else if (x.dependsOn() != null) {
                    if (!a.dependsOn().contains(x.dependsOn())) {
                        errors.add(new FieldError(
                                path + ".dependsOn", "the template activity does not depend on this", x.dependsOn()));
                        continue;
                    }
                    excluded.add(new Excluded(
                            x.activityKey(), null, x.dependsOn(), a.name() + " needs " + x.dependsOn(), x.reason()));
                    if (d != null) {
                        d.dependsOn.remove(x.dependsOn());
                        d.touched = true;
                    }
                } else {
                    excludedActivities.add(x.activityKey());
                    excluded.add(new Excluded(x.activityKey(), null, null, a.name(), x.reason()));
                }
            }
            for (String key : excludedActivities) {
                drafts.remove(key);
            }
            // A dependency on an activity that does not apply to this partner no longer holds anything up.
            for (ActivityDraft d : drafts.values()) {
                if (d.dependsOn.removeAll(excludedActivities)) {
                    d.touched = true;
                }
            }
        }

        void override(List<FieldOverride> overrides) {
            Set<String> seenOverrides = new HashSet<>();
            for (int i = 0; i < overrides.size(); i++) {
                FieldOverride o = overrides.get(i);
                String path = "overrides[" + i + "]";
                Activity ta = templateByKey.get(o.activityKey());
                if (ta == null) {
                    errors.add(new FieldError(
                            path + ".activityKey",
                            "the template version has no such activity (change added activities directly)",
                            o.activityKey()));
                    continue;
                }
                ActivityDraft d = drafts.get(o.activityKey());
                if (d == null) {
                    errors.add(new FieldError(path + ".activityKey", "this activity is excluded", o.activityKey()));
                    continue;
                }
                OverridableField.Target target =
                        o.stepKey() == null ? OverridableField.Target.ACTIVITY : OverridableField.Target.STEP;
                var field = OverridableField.of(target, o.field());
                if (field.isEmpty()) {
                    errors.add(new FieldError(
                            path + ".field",
                            "cannot be overridden; use one of " + OverridableField.namesFor(target),
                            o.field()));
                    continue;
                }
                if (!seenOverrides.add(o.activityKey() + "/" + o.stepKey() + "/" + o.field())) {
                    errors.add(new FieldError(path + ".field", "is overridden twice", o.field()));
                    continue;
                }
                Object value;
                try {
                    value = field.get().read(o.value());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(
                            path + ".value",
                            e.getMessage(),
                            o.value() == null ? null : o.value().toString()));
                    continue;
                }
                if (target == OverridableField.Target.ACTIVITY) {
                    d.activity = field.get().apply(d.activity, value);
                    d.overridden.add(o.field());
                    d.touched = true;
                } else {
                    boolean inTemplate =
                            ta.steps().stream().anyMatch(s -> s.key().equals(o.stepKey()));
                    int idx = d.stepIndex(o.stepKey());
                    if (!inTemplate) {
                        errors.add(new FieldError(
                                path + ".stepKey",
                                "the template activity has no such step (change added steps directly)",
                                o.stepKey()));
                        continue;
                    }
                    if (idx < 0) {
                        errors.add(new FieldError(path + ".stepKey", "this step is excluded", o.stepKey()));
                        continue;
                    }
                    d.steps.set(idx, field.get().apply(d.steps.get(idx), value));
                    d.stepOverrides
                            .computeIfAbsent(o.stepKey(), k -> new ArrayList<>())
                            .add(o.field());
                    d.touched = true;
                }
            }
        }

        void addSteps(List<AddedStep> added) {
            for (int i = 0; i < added.size(); i++) {
                AddedStep s = added.get(i);
                String path = "additions.steps[" + i + "]";
                ActivityDraft d = drafts.get(s.activityKey());
                if (d == null) {
                    errors.add(new FieldError(
                            path + ".activityKey",
                            templateByKey.containsKey(s.activityKey())
                                    ? "this activity is excluded"
                                    : "the template version has no such activity (put steps of added activities in the activity)",
                            s.activityKey()));
                    continue;
                }
                if (d.stepIndex(s.step().key()) >= 0
                        || templateByKey.get(s.activityKey()).steps().stream()
                                .anyMatch(t -> t.key().equals(s.step().key()))) {
                    errors.add(new FieldError(
                            path + ".step.key",
                            "is used by another step of this activity",
                            s.step().key()));
                    continue;
                }
                int at = 0;
                if (s.after() != null) {
                    int idx = d.stepIndex(s.after());
                    if (idx < 0) {
                        errors.add(new FieldError(path + ".after", "this activity has no such step", s.after()));
                        continue;
                    }
                    at = idx + 1;
                }
                d.steps.add(at, s.step());
                d.addedSteps.add(s.step().key());
                d.touched = true;
            }
        }

        void addActivities(List<Activity> added) {
            Set<String> known = new HashSet<>(drafts.keySet());
            for (int i = 0; i < added.size(); i++) {
                Activity a = added.get(i);
                String path = "additions.activities[" + i + "].key";
                if (templateByKey.containsKey(a.key())) {
                    errors.add(new FieldError(path, "the template already has an activity with this key", a.key()));
                } else if (!known.add(a.key())) {
                    errors.add(new FieldError(path, "is used by another added activity", a.key()));
                }
            }
            for (int i = 0; i < added.size(); i++) {
                Activity a = added.get(i);
                List<FieldError> own = new ArrayList<>();
                ContentRules.checkActivity(a, "additions.activities[" + i + "]", known, own);
                errors.addAll(own);
                if (!drafts.containsKey(a.key())) {
                    drafts.put(a.key(), new ActivityDraft(a, true));
                }
            }
        }

        void addDependencies(List<AddedDependency> added) {
            for (int i = 0; i < added.size(); i++) {
                AddedDependency dep = added.get(i);
                String path = "additions.dependencies[" + i + "]";
                ActivityDraft d = drafts.get(dep.activityKey());
                if (d == null) {
                    errors.add(
                            new FieldError(path + ".activityKey", "the plan has no such activity", dep.activityKey()));
                } else if (!drafts.containsKey(dep.dependsOn())) {
                    errors.add(new FieldError(path + ".dependsOn", "the plan has no such activity", dep.dependsOn()));
                } else if (dep.activityKey().equals(dep.dependsOn())) {
                    errors.add(new FieldError(
                            path + ".dependsOn", "an activity cannot depend on itself", dep.dependsOn()));
                } else if (!d.dependsOn.add(dep.dependsOn())) {
                    errors.add(new FieldError(path + ".dependsOn", "this dependency already exists", dep.dependsOn()));
                } else {
                    d.touched = true;
                }
            }
        }

        Result result() {
            List<EffectiveActivity> out = new ArrayList<>(drafts.size());
            for (ActivityDraft d : drafts.values()) {
                Activity a = d.activity;
                if (!d.added
                        && a.mtpdMinutes() != null
                        && a.category() != Category.BUSINESS_SERVICE
                        && d.overridden.contains("mtpdMinutes")) {
                    errors.add(new FieldError(
                            "overrides",
                            "mtpdMinutes applies only to BUSINESS_SERVICE activities (" + a.key() + ")",
                            null));
                }
                List<EffectiveStep> steps = new ArrayList<>(d.steps.size());
                for (Step s : d.steps) {
                    List<String> o = d.stepOverrides.getOrDefault(s.key(), List.of());
                    Origin origin = d.added || d.addedSteps.contains(s.key())
                            ? Origin.ADDED
                            : o.isEmpty() ? Origin.TEMPLATE : Origin.CUSTOMISED;
                    steps.add(new EffectiveStep(
                            s.key(),
                            s.title(),
                            s.instructions(),
                            s.durationMinutes(),
                            s.skill(),
                            s.ownerRole(),
                            origin,
                            List.copyOf(o)));
                }
                Origin origin = d.added ? Origin.ADDED : d.touched ? Origin.CUSTOMISED : Origin.TEMPLATE;
                out.add(new EffectiveActivity(
                        a.key(),
                        a.name(),
                        a.category(),
                        a.tier(),
                        a.rtoMinutes(),
                        a.rpoMinutes(),
                        a.mtpdMinutes(),
                        a.description(),
                        List.copyOf(d.dependsOn),
                        steps,
                        origin,
                        List.copyOf(d.overridden)));
            }
            return new Result(new EffectivePlan(out, excluded), errors);
        }
    }
}
