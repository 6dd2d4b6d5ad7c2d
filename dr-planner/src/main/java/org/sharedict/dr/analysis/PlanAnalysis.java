package org.sharedict.dr.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.dr.model.Category;
import org.sharedict.dr.model.DependencyCycleException;
import org.sharedict.dr.model.EffectivePlan;
import org.sharedict.dr.model.EffectivePlan.EffectiveActivity;
import org.sharedict.dr.model.EffectivePlan.EffectiveStep;
import org.sharedict.dr.model.RecoveryGraph;

/**
 * What can be said about a plan from the plan alone: recovery order, earliest recovery against
 * each RTO and the chain behind every miss, activities many others need, steps nobody owns.
 * Pure and fast; asking other services is {@link AnalysisService}'s job.
 */
public final class PlanAnalysis {

    public record OrderedActivity(
            int position,
            String key,
            String name,
            Category category,
            int tier,
            int rtoMinutes,
            long durationMinutes,
            long earliestStartMinutes,
            long earliestRecoveryMinutes,
            boolean meetsRto,
            long slackMinutes,
            List<String> dependsOn) {}

    /**
     * An activity that cannot be recovered within its RTO. {@code chain} is the critical path to it:
     * activity keys, first to last, each needed by the next (their timings are in the recovery order).
     */
    public record Miss(
            String key,
            String name,
            int tier,
            int rtoMinutes,
            long earliestRecoveryMinutes,
            long shortfallMinutes,
            List<String> chain) {}

    public record Feasibility(boolean allRtosMet, int missCount, List<Miss> misses) {}

    public record CriticalActivity(String key, String name, int tier, int directDependents, int totalDependents) {}

    public record UnownedStep(
            String activityKey,
            String activityName,
            String stepKey,
            String title,
            @Schema(nullable = true) String ownerRole,
            String reason) {}

    public record Result(
            List<OrderedActivity> recoveryOrder,
            Feasibility feasibility,
            List<CriticalActivity> criticalActivities,
            List<UnownedStep> unownedSteps,
            int dependencyCount) {}

    private PlanAnalysis() {}

    /**
     * @param ownerRoles   the owner roles this partner has named a person for
     * @param spofMinimum  how many dependants make an activity a single point of failure
     * @throws DependencyCycleException when the dependencies go round in a circle
     */
    public static Result analyse(EffectivePlan plan, Set<String> ownerRoles, int spofMinimum) {
        List<EffectiveActivity> as = plan.activities();
        RecoveryGraph g = RecoveryGraph.of(plan);
        int[] order = g.recoveryOrder();
        RecoveryGraph.Schedule s = g.schedule(order);

        List<OrderedActivity> ordered = new ArrayList<>(as.size());
        List<Miss> misses = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            int v = order[i];
            EffectiveActivity a = as.get(v);
            long finish = s.finish()[v];
            boolean meets = finish <= a.rtoMinutes();
            ordered.add(new OrderedActivity(
                    i + 1,
                    a.key(),
                    a.name(),
                    a.category(),
                    a.tier(),
                    a.rtoMinutes(),
                    g.duration(v),
                    s.start()[v],
                    finish,
                    meets,
                    a.rtoMinutes() - finish,
                    a.dependsOn()));
            if (!meets) {
                int[] path = s.chain(v);
                List<String> chain = new ArrayList<>(path.length);
                for (int u : path) {
                    chain.add(g.key(u));
                }
                misses.add(
                        new Miss(a.key(), a.name(), a.tier(), a.rtoMinutes(), finish, finish - a.rtoMinutes(), chain));
            }
        }
        misses.sort(Comparator.comparingInt(Miss::tier)
                .thenComparing(Comparator.comparingLong(Miss::shortfallMinutes).reversed())
                .thenComparing(Miss::key));

        int[] total = g.transitiveDependents(order);
        List<CriticalActivity> critical = new ArrayList<>();
        for (int v = 0; v < g.size(); v++) {
            if (total[v] >= spofMinimum) {
                EffectiveActivity a = as.get(v);
                critical.add(new CriticalActivity(a.key(), a.name(), a.tier(), g.directDependents(v), total[v]));
            }
        }
        critical.sort(Comparator.comparingInt(CriticalActivity::totalDependents)
                .reversed()
                .thenComparing(CriticalActivity::key));

        Set<String> owned =
                ownerRoles.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<UnownedStep> unowned = new ArrayList<>();
        for (int v : order) {
            EffectiveActivity a = as.get(v);
            for (EffectiveStep st : a.steps()) {
                if (st.ownerRole() == null || st.ownerRole().isBlank()) {
                    unowned.add(new UnownedStep(
                            a.key(), a.name(), st.key(), st.title(), null, "the step names no owner role"));
                } else if (!owned.contains(st.ownerRole().trim().toLowerCase(Locale.ROOT))) {
                    unowned.add(new UnownedStep(
                            a.key(),
                            a.name(),
                            st.key(),
                            st.title(),
                            st.ownerRole(),
                            "nobody at the partner is named for the role '" + st.ownerRole() + "'"));
                }
            }
        }
        return new Result(
                ordered,
                new Feasibility(misses.isEmpty(), misses.size(), misses),
                critical,
                unowned,
                plan.dependencyCount());
    }
}
