package org.sharedict.dr.impact;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.sharedict.dr.impact.ImpactDtos.ActivityImpact;
import org.sharedict.dr.impact.ImpactDtos.InheritedTarget;
import org.sharedict.dr.impact.ImpactDtos.LooserDependency;
import org.sharedict.dr.model.EffectivePlan;
import org.sharedict.dr.model.EffectivePlan.EffectiveActivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.dr.impact.Plans.activity;
import static org.sharedict.dr.impact.Plans.plan;

/**
 * Targets through dependencies: small graphs computed by hand, then thousands of seeded random
 * graphs against a brute-force propagation (every dependant reached by walking the graph).
 */
class TargetInheritanceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 7, 1);

    private static Map<String, ActivityImpact> byKey(ImpactAnalysis.Result r) {
        Map<String, ActivityImpact> m = new HashMap<>();
        r.activities().forEach(a -> m.put(a.key(), a));
        return m;
    }

    private static ImpactAnalysis.Result analyse(EffectivePlan p) {
        return ImpactAnalysis.analyse(p, Map.of(), TODAY, 12);
    }

    @Test
    void aChainPassesTheTightestRtoDownToEverythingItNeeds() {
        // report (1 d) and app (1 h) need db (4 h), which needs storage (8 h), which needs power (30 min).
        var r = analyse(plan(
                activity("power", 1, 30, null, null),
                activity("storage", 1, 480, 60, null, "power"),
                activity("db", 1, 240, 15, null, "storage"),
                activity("app", 1, 60, 5, null, "db"),
                activity("report", 2, 1440, 1440, null, "db")));
        var a = byKey(r);
        assertEquals(
                new InheritedTarget(60, "app", "Activity app", "app", 1),
                a.get("db").inheritedRto());
        assertEquals(
                new InheritedTarget(60, "app", "Activity app", "db", 2),
                a.get("storage").inheritedRto());
        assertEquals(
                new InheritedTarget(60, "app", "Activity app", "storage", 3),
                a.get("power").inheritedRto());
        assertNull(a.get("app").inheritedRto());
        assertNull(a.get("report").inheritedRto());
        assertEquals(60, a.get("storage").targetRtoMinutes());
        assertEquals(30, a.get("power").targetRtoMinutes(), "its own RTO is tighter than what it inherits");
        assertEquals(
                List.of(
                        new LooserDependency("db", 240, "app", 60, "app"),
                        new LooserDependency("storage", 480, "db", 60, "app")),
                r.looserRtos());
        // RPO: app can lose 5 min, so db (15) and storage (60) are looser; power has no RPO and inherits one.
        assertEquals(5, a.get("storage").inheritedRpo().minutes());
        assertEquals(5, a.get("power").targetRpoMinutes());
        assertEquals(
                List.of(
                        new LooserDependency("db", 15, "app", 5, "app"),
                        new LooserDependency("storage", 60, "db", 5, "app")),
                r.looserRpos());
        assertTrue(a.get("db").findings().stream()
                .anyMatch(f -> f.kind() == ImpactDtos.FindingKind.RTO_LOOSER_THAN_DEPENDANT
                        && f.message().equals("RTO 4 h but app needs it within 1 h (set by app)")));
    }

    @Test
    void aDiamondBreaksTiesByKeyAndFlagsEachLooserEdge() {
        var r = analyse(plan(
                activity("base", 1, 600, null, null),
                activity("mid", 1, 120, null, null, "base"),
                activity("top2", 1, 120, null, null, "mid", "base"),
                activity("top1", 1, 120, null, null, "mid")));
        var a = byKey(r);
        assertEquals(
                new InheritedTarget(120, "top1", "Activity top1", "top1", 1),
                a.get("mid").inheritedRto());
        // Everything above base asks for 2 h; the tie goes to the smallest key, mid.
        assertEquals(
                new InheritedTarget(120, "mid", "Activity mid", "mid", 1),
                a.get("base").inheritedRto());
        assertEquals(
                List.of(
                        new LooserDependency("base", 600, "mid", 120, "mid"),
                        new LooserDependency("base", 600, "top2", 120, "top2")),
                r.looserRtos());
        assertTrue(r.looserRpos().isEmpty());
        assertNull(a.get("base").inheritedRpo());
        assertNull(a.get("base").targetRpoMinutes());
    }

    @Test
    void inheritanceAndLooserEdgesMatchBruteForceOnRandomGraphs() {
        Random rnd = new Random(22317);
        for (int round = 0; round < 3000; round++) {
            int n = 1 + rnd.nextInt(12);
            double density = rnd.nextDouble() * 0.5;
            List<EffectiveActivity> as = new ArrayList<>();
            int[] hidden = new int[n];
            for (int i = 0; i < n; i++) {
                hidden[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = hidden[i];
                hidden[i] = hidden[j];
                hidden[j] = t;
            }
            String[] keys = new String[n];
            for (int i = 0; i < n; i++) {
                keys[i] = "k" + Integer.toString(rnd.nextInt(50), 36) + "-" + i;
            }
            for (int i = 0; i < n; i++) {
                List<String> deps = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    // Only on activities earlier in the hidden order: no cycles.
                    if (hidden[j] < hidden[i] && rnd.nextDouble() < density) {
                        deps.add(keys[j]);
                    }
                }
                Integer rpo = rnd.nextInt(4) == 0 ? null : 15 * rnd.nextInt(4);
                as.add(activity(keys[i], 1, 60 * rnd.nextInt(5), rpo, null, deps.toArray(String[]::new)));
            }
            check(plan(as.toArray(EffectiveActivity[]::new)), "round " + round);
        }
    }

    private static void check(EffectivePlan p, String round) {
        var r = analyse(p);
        Map<String, EffectiveActivity> by = p.byKey();
        Map<String, List<String>> dependants = new HashMap<>();
        for (EffectiveActivity a : p.activities()) {
            for (String d : a.dependsOn()) {
                dependants.computeIfAbsent(d, k -> new ArrayList<>()).add(a.key());
            }
        }
        Set<LooserDependency> looserRto = new HashSet<>();
        Set<LooserDependency> looserRpo = new HashSet<>();
        for (ActivityImpact a : r.activities()) {
            Set<String> reached = reach(a.key(), dependants);
            assertBest(round, a.key(), reached, by, true, a.inheritedRto(), dependants, byKey(r));
            assertBest(round, a.key(), reached, by, false, a.inheritedRpo(), dependants, byKey(r));
        }
        for (EffectiveActivity d : p.activities()) {
            Set<String> self = new TreeSet<>(reach(d.key(), dependants));
            self.add(d.key());
            int[] rto = best(self, by, true);
            int[] rpo = best(self, by, false);
            for (String dep : d.dependsOn()) {
                EffectiveActivity x = by.get(dep);
                if (x.rtoMinutes() > rto[0]) {
                    looserRto.add(new LooserDependency(dep, x.rtoMinutes(), d.key(), rto[0], keyAt(self, rto[1])));
                }
                if (rpo != null && x.rpoMinutes() != null && x.rpoMinutes() > rpo[0]) {
                    looserRpo.add(new LooserDependency(dep, x.rpoMinutes(), d.key(), rpo[0], keyAt(self, rpo[1])));
                }
            }
        }
        assertEquals(looserRto, new HashSet<>(r.looserRtos()), round);
        assertEquals(looserRpo, new HashSet<>(r.looserRpos()), round);
    }

    /** The tightest (value, key) among {@code keys}; [value, index in iteration order], or null when none has one. */
    private static int[] best(Set<String> keys, Map<String, EffectiveActivity> by, boolean rto) {
        int[] out = null;
        String bestKey = null;
        int i = 0;
        for (String k : keys) {
            Integer v =
                    rto ? Integer.valueOf(by.get(k).rtoMinutes()) : by.get(k).rpoMinutes();
            if (v != null && (out == null || v < out[0] || (v == out[0] && k.compareTo(bestKey) < 0))) {
                out = new int[] {v, i};
                bestKey = k;
            }
            i++;
        }
        return out;
    }

    private static String keyAt(Set<String> keys, int index) {
        return new ArrayList<>(keys).get(index);
    }

    private static void assertBest(
            String round,
            String key,
            Set<String> reached,
            Map<String, EffectiveActivity> by,
            boolean rto,
            InheritedTarget got,
            Map<String, List<String>> dependants,
            Map<String, ActivityImpact> all) {
        TreeSet<String> sorted = new TreeSet<>(reached);
        int[] want = best(sorted, by, rto);
        if (want == null) {
            assertNull(got, round + " " + key);
            return;
        }
        assertEquals(want[0], got.minutes(), round + " " + key);
        assertEquals(keyAt(sorted, want[1]), got.fromKey(), round + " " + key);
        // Following each activity's "through" is a walk along dependants that reaches the source in "hops" steps.
        String at = key;
        int steps = 0;
        while (!at.equals(got.fromKey())) {
            InheritedTarget t = rto ? all.get(at).inheritedRto() : all.get(at).inheritedRpo();
            String next = at.equals(key) ? got.through() : t.through();
            assertTrue(dependants.getOrDefault(at, List.of()).contains(next), round + " " + key + " through " + next);
            at = next;
            steps++;
            assertTrue(steps <= got.hops(), round + " " + key);
        }
        assertEquals(got.hops(), steps, round + " " + key);
    }

    private static Set<String> reach(String from, Map<String, List<String>> dependants) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(dependants.getOrDefault(from, List.of()));
        while (!todo.isEmpty()) {
            String k = todo.pop();
            if (seen.add(k)) {
                todo.addAll(dependants.getOrDefault(k, List.of()));
            }
        }
        return seen;
    }
}
