package org.sharedict.dr.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import org.sharedict.dr.model.Customisation.AddedDependency;
import org.sharedict.dr.model.Customisation.AddedStep;
import org.sharedict.dr.model.Customisation.Additions;
import org.sharedict.dr.model.Customisation.Exclusion;
import org.sharedict.dr.model.Customisation.FieldOverride;
import org.sharedict.dr.model.EffectivePlan.EffectiveActivity;
import org.sharedict.dr.model.EffectivePlan.Origin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Merge, diff and rebase rules on plain objects, including random templates and customisations. */
class PlanModelTest {

    static TemplateContent randomTemplate(Random rnd, int n) {
        List<Activity> as = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> deps = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                if (rnd.nextInt(4) == 0) {
                    deps.add("a" + j);
                }
            }
            List<Step> steps = new ArrayList<>();
            for (int s = 0; s < rnd.nextInt(4); s++) {
                steps.add(new Step(
                        "s" + s,
                        "Step " + s,
                        null,
                        rnd.nextInt(90),
                        rnd.nextBoolean() ? "NETWORKING" : null,
                        "Engineer"));
            }
            as.add(new Activity(
                    "a" + i,
                    "Activity " + i,
                    Category.SYSTEM,
                    1 + rnd.nextInt(3),
                    60 * rnd.nextInt(10),
                    null,
                    null,
                    null,
                    deps,
                    steps));
        }
        return new TemplateContent(as);
    }

    /** Overrides, exclusions and additions that fit {@code t}. */
    static Customisation randomCustomisation(Random rnd, TemplateContent t) {
        List<FieldOverride> overrides = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        List<AddedStep> steps = new ArrayList<>();
        List<AddedDependency> deps = new ArrayList<>();
        for (Activity a : t.activities()) {
            switch (rnd.nextInt(5)) {
                case 0 ->
                    overrides.add(new FieldOverride(a.key(), null, "rtoMinutes", IntNode.valueOf(rnd.nextInt(600))));
                case 1 -> {
                    if (!a.steps().isEmpty()) {
                        overrides.add(
                                new FieldOverride(a.key(), a.steps().get(0).key(), "title", TextNode.valueOf("Ours")));
                    }
                }
                case 2 ->
                    steps.add(new AddedStep(
                            a.key(),
                            a.steps().isEmpty() ? null : a.steps().get(0).key(),
                            new Step("local", "Local step", null, 15, null, "Engineer")));
                case 3 -> {
                    if (!a.steps().isEmpty()) {
                        exclusions.add(new Exclusion(
                                a.key(), a.steps().get(a.steps().size() - 1).key(), null, "not here"));
                    }
                }
                default -> {
                    int i = Integer.parseInt(a.key().substring(1));
                    if (i > 0 && !a.dependsOn().contains("a0")) {
                        deps.add(new AddedDependency(a.key(), "a0"));
                    }
                }
            }
        }
        List<Activity> added = List.of(new Activity(
                "local-system",
                "Local system",
                Category.SYSTEM,
                2,
                480,
                null,
                null,
                null,
                t.activities().isEmpty()
                        ? List.of()
                        : List.of(t.activities().get(0).key()),
                List.of()));
        return new Customisation(overrides, new Additions(added, steps, deps), exclusions);
    }

    @Test
    void withoutCustomisationTheEffectivePlanIsTheTemplate() {
        Random rnd = new Random(1);
        for (int i = 0; i < 200; i++) {
            TemplateContent t = randomTemplate(rnd, 1 + rnd.nextInt(12));
            PlanMerger.Result r = PlanMerger.merge(t, Customisation.none());
            assertTrue(r.ok(), r.errors().toString());
            assertEquals(t.activities().size(), r.plan().activities().size());
            for (int k = 0; k < t.activities().size(); k++) {
                Activity a = t.activities().get(k);
                EffectiveActivity e = r.plan().activities().get(k);
                assertEquals(a.key(), e.key());
                assertEquals(a.dependsOn(), e.dependsOn());
                assertEquals(a.steps().size(), e.steps().size());
                assertEquals(Origin.TEMPLATE, e.origin());
            }
        }
    }

    @Test
    void randomCustomisationsMergeAndRebaseOntoTheSameVersionWithoutConflict() {
        Random rnd = new Random(2);
        for (int i = 0; i < 300; i++) {
            TemplateContent t = randomTemplate(rnd, 1 + rnd.nextInt(12));
            Customisation c = randomCustomisation(rnd, t);
            PlanMerger.Result r = PlanMerger.merge(t, c);
            assertTrue(r.ok(), r.errors().toString());
            Rebase.Result same = Rebase.onto(t, t, c);
            assertTrue(same.conflicts().isEmpty(), same.conflicts().toString());
            assertEquals(c, same.customisation());
            assertEquals(
                    c.overrides().size()
                            + c.additions().activities().size()
                            + c.additions().steps().size()
                            + c.additions().dependencies().size()
                            + c.exclusions().size(),
                    PlanDiff.between(t, c).size());
        }
    }

    @Test
    void rebaseReportsAnOverriddenFieldTheTemplateChangedAndKeepsThePartnersValue() {
        Activity v1 = new Activity("email", "Email", Category.SYSTEM, 2, 480, null, null, null, List.of(), List.of());
        Activity v2 = new Activity("email", "Email", Category.SYSTEM, 2, 240, null, null, null, List.of(), List.of());
        Customisation c = new Customisation(
                List.of(new FieldOverride("email", null, "rtoMinutes", IntNode.valueOf(720))), null, null);
        Rebase.Result r = Rebase.onto(new TemplateContent(List.of(v1)), new TemplateContent(List.of(v2)), c);
        assertFalse(r.blocked());
        assertEquals(1, r.conflicts().size());
        Rebase.Conflict k = r.conflicts().get(0);
        assertEquals(Rebase.ConflictKind.OVERRIDDEN_FIELD_CHANGED, k.kind());
        assertEquals(480, k.templateBefore());
        assertEquals(240, k.templateAfter());
        assertEquals(720, k.planValue());
        assertEquals(
                720,
                PlanMerger.merge(new TemplateContent(List.of(v2)), r.customisation())
                        .plan()
                        .activities()
                        .get(0)
                        .rtoMinutes());
    }

    @Test
    void excludingAnActivityDropsTheDependenciesOnIt() {
        Activity power =
                new Activity("power", "Power", Category.FACILITY, 1, 60, null, null, null, List.of(), List.of());
        Activity psn =
                new Activity("psn", "PSN", Category.NETWORK, 2, 480, null, null, null, List.of("power"), List.of());
        Activity dwp = new Activity(
                "dwp", "DWP link", Category.SYSTEM, 2, 480, null, null, null, List.of("psn", "power"), List.of());
        PlanMerger.Result r = PlanMerger.merge(
                new TemplateContent(List.of(power, psn, dwp)),
                new Customisation(null, null, List.of(new Exclusion("psn", null, null, "no PSN here"))));
        assertTrue(r.ok());
        assertEquals(List.of("power"), r.plan().byKey().get("dwp").dependsOn());
        assertEquals(Origin.CUSTOMISED, r.plan().byKey().get("dwp").origin());
        assertEquals("no PSN here", r.plan().excluded().get(0).reason());
    }

    @Test
    void overridingMtpdOutsideABusinessServiceIsRefused() {
        Activity a = new Activity("crm", "CRM", Category.SYSTEM, 2, 480, null, null, null, List.of(), List.of());
        PlanMerger.Result r = PlanMerger.merge(
                new TemplateContent(List.of(a)),
                new Customisation(
                        List.of(new FieldOverride("crm", null, "mtpdMinutes", IntNode.valueOf(900))), null, null));
        assertFalse(r.ok());
    }
}
