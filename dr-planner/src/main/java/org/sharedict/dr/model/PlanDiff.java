package org.sharedict.dr.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.dr.model.Customisation.AddedDependency;
import org.sharedict.dr.model.Customisation.AddedStep;
import org.sharedict.dr.model.Customisation.Exclusion;
import org.sharedict.dr.model.Customisation.FieldOverride;

/** The plan against its template version, one line per difference, as a reviewer reads it. */
public final class PlanDiff {

    public enum Change {
        OVERRIDDEN,
        ADDED,
        EXCLUDED
    }

    public enum Kind {
        ACTIVITY,
        STEP,
        DEPENDENCY
    }

    public record Entry(
            Change change,
            Kind kind,
            String activityKey,
            @Schema(nullable = true) String stepKey,
            @Schema(nullable = true) String dependsOn,
            @Schema(nullable = true) String field,
            Object templateValue,
            Object planValue,
            @Schema(nullable = true) String name,
            @Schema(nullable = true) String reason) {}

    private PlanDiff() {}

    public static List<Entry> between(TemplateContent template, Customisation c) {
        Map<String, Activity> byKey = new HashMap<>();
        template.activities().forEach(a -> byKey.put(a.key(), a));
        List<Entry> out = new ArrayList<>();
        for (FieldOverride o : c.overrides()) {
            Activity a = byKey.get(o.activityKey());
            Object before = null;
            Object after = o.value();
            String name = a == null ? null : a.name();
            Kind kind = o.stepKey() == null ? Kind.ACTIVITY : Kind.STEP;
            var field = OverridableField.of(
                    kind == Kind.ACTIVITY ? OverridableField.Target.ACTIVITY : OverridableField.Target.STEP, o.field());
            if (a != null && field.isPresent()) {
                try {
                    after = field.get().read(o.value());
                } catch (IllegalArgumentException e) {
                    after = o.value();
                }
                if (kind == Kind.ACTIVITY) {
                    before = field.get().get(a);
                } else {
                    Step s = step(a, o.stepKey());
                    before = s == null ? null : field.get().get(s);
                    name = s == null ? name : s.title();
                }
            }
            out.add(new Entry(
                    Change.OVERRIDDEN, kind, o.activityKey(), o.stepKey(), null, o.field(), before, after, name, null));
        }
        for (Activity a : c.additions().activities()) {
            out.add(new Entry(Change.ADDED, Kind.ACTIVITY, a.key(), null, null, null, null, null, a.name(), null));
        }
        for (AddedStep s : c.additions().steps()) {
            out.add(new Entry(
                    Change.ADDED,
                    Kind.STEP,
                    s.activityKey(),
                    s.step().key(),
                    null,
                    null,
                    null,
                    null,
                    s.step().title(),
                    null));
        }
        for (AddedDependency d : c.additions().dependencies()) {
            out.add(new Entry(
                    Change.ADDED, Kind.DEPENDENCY, d.activityKey(), null, d.dependsOn(), null, null, null, null, null));
        }
        for (Exclusion x : c.exclusions()) {
            Activity a = byKey.get(x.activityKey());
            Kind kind = x.stepKey() != null ? Kind.STEP : x.dependsOn() != null ? Kind.DEPENDENCY : Kind.ACTIVITY;
            String name = a == null
                    ? null
                    : kind == Kind.STEP && step(a, x.stepKey()) != null
                            ? step(a, x.stepKey()).title()
                            : a.name();
            out.add(new Entry(
                    Change.EXCLUDED,
                    kind,
                    x.activityKey(),
                    x.stepKey(),
                    x.dependsOn(),
                    null,
                    null,
                    null,
                    name,
                    x.reason()));
        }
        return out;
    }

    static Step step(Activity a, String key) {
        for (Step s : a.steps()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        return null;
    }
}
