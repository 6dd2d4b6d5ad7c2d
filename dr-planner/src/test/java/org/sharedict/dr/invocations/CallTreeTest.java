package org.sharedict.dr.invocations;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sharedict.dr.invocations.InvocationDtos.CallOutPerson;
import org.sharedict.dr.model.Category;
import org.sharedict.dr.model.EffectivePlan;
import org.sharedict.dr.model.EffectivePlan.EffectiveActivity;
import org.sharedict.dr.model.EffectivePlan.EffectiveStep;
import org.sharedict.dr.model.EffectivePlan.Origin;
import org.sharedict.dr.plans.LoadedPlan;
import org.sharedict.dr.plans.Plan;
import org.sharedict.dr.plans.PlanDtos.Activation;
import org.sharedict.dr.plans.PlanDtos.Owner;
import org.sharedict.dr.plans.PlanDtos.Specifics;
import org.sharedict.dr.plans.PlanSnapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whom a call-out names, on small hand-made plans. */
class CallTreeTest {

    private static EffectiveStep step(String title, String ownerRole) {
        return new EffectiveStep(
                title.toLowerCase().replace(' ', '-'), title, null, 30, null, ownerRole, Origin.TEMPLATE, List.of());
    }

    private static EffectiveActivity activity(String key, List<String> dependsOn, EffectiveStep... steps) {
        return new EffectiveActivity(
                key,
                key,
                Category.SYSTEM,
                1,
                120,
                null,
                null,
                null,
                dependsOn,
                List.of(steps),
                Origin.TEMPLATE,
                List.of());
    }

    private static LoadedPlan plan(String ownerName, String ownerEmail, List<Owner> owners, EffectiveActivity... as) {
        PlanSnapshot p = new PlanSnapshot(
                1,
                "s",
                1,
                "BBC",
                "Plan",
                Plan.Status.APPROVED,
                ownerName,
                ownerEmail,
                null,
                false,
                null,
                null,
                null,
                null);
        return new LoadedPlan(
                p,
                null,
                new Specifics(owners, List.of(), List.of(), List.of(), Activation.none()),
                null,
                null,
                new EffectivePlan(List.of(as), List.of()));
    }

    @Test
    void theOwnerAndTheOwnersOfStepsThatDependOnNothingAreNamedOnceEach() {
        List<CallOutPerson> tree = CallTree.of(plan(
                "Dana Lead",
                "dana@bbc.example",
                List.of(
                        new Owner("DR lead", 10L, "Dana Lead", "DANA@bbc.example", null),
                        new Owner("Facilities manager", 13L, "Fay", null, null),
                        new Owner("Electrician", 13L, "Fay", null, null),
                        new Owner("Network engineer", 11L, "Nia", null, null)),
                activity(
                        "power",
                        List.of(),
                        step("Start the generator", "Facilities manager"),
                        step("Check the UPS", "electrician")),
                activity("network", List.of("power"), step("Core switches", "Network engineer"))));
        assertEquals(2, tree.size(), tree.toString());
        assertEquals(new CallOutPerson("OWNER", "Dana Lead", 10L, "owner of the plan", null), tree.get(0));
        CallOutPerson fay = tree.get(1);
        assertEquals(13L, fay.personId());
        assertNull(fay.notPaged());
        assertTrue(
                fay.why().contains("'Start the generator' (power)") && fay.why().contains("'Check the UPS' (power)"),
                fay.why());
    }

    @Test
    void whoeverCannotBePagedIsListedWithTheReason() {
        List<CallOutPerson> tree = CallTree.of(plan(
                "Dana Lead",
                "dana@bbc.example",
                List.of(new Owner("Facilities manager", null, "Fay", null, null)),
                activity(
                        "power",
                        List.of(),
                        step("Start the generator", "Facilities manager"),
                        step("Call the landlord", "Estates")),
                activity("phones", List.of(), step("Divert the lines", null))));
        assertEquals(3, tree.size(), tree.toString());
        assertTrue(
                tree.get(0).notPaged().contains("no skills-service person for its owner"),
                tree.get(0).notPaged());
        assertTrue(
                tree.get(1).notPaged().contains("no skills-service person"),
                tree.get(1).notPaged());
        assertEquals("Estates", tree.get(2).name());
        assertTrue(
                tree.get(2).notPaged().contains("nobody holds the role Estates"),
                tree.get(2).notPaged());
    }

    @Test
    void aFirstWaveBeyondWhatACallOutTakesIsListedNotDropped() {
        List<Owner> owners = new ArrayList<>();
        List<EffectiveStep> steps = new ArrayList<>();
        for (int i = 0; i < CallOutService.MAX_RESPONDERS + 2; i++) {
            owners.add(new Owner("Role " + i, 100L + i, "Person " + i, null, null));
            steps.add(step("Step " + i, "Role " + i));
        }
        List<CallOutPerson> tree = CallTree.of(
                plan(null, null, owners, activity("everything", List.of(), steps.toArray(EffectiveStep[]::new))));
        assertEquals(CallOutService.MAX_RESPONDERS + 2, tree.size());
        assertEquals(
                CallOutService.MAX_RESPONDERS,
                tree.stream().filter(p -> p.notPaged() == null).count());
        assertTrue(tree.get(tree.size() - 1).notPaged().contains("at most"));
    }
}
