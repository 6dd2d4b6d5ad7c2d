package org.sharedict.dr.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recovery order and critical-path maths checked against brute force on thousands of small random
 * graphs (every permutation, every path), and against invariants on larger ones.
 */
class RecoveryGraphPropertiesTest {

    private static final int SMALL_GRAPHS = 3000;

    /** A random graph; edges only from later to earlier nodes in a hidden order, so it is acyclic unless {@code backEdge}. */
    static RecoveryGraph randomGraph(Random rnd, int n, double density, boolean backEdge) {
        int[] hidden = shuffled(rnd, n);
        String[] keys = new String[n];
        int[] tier = new int[n];
        int[] rto = new int[n];
        long[] duration = new long[n];
        List<List<Integer>> pre = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys[i] = "a" + Integer.toString(rnd.nextInt(1_000_000), 36) + "-" + i;
            tier[i] = 1 + rnd.nextInt(3);
            rto[i] = 60 * rnd.nextInt(4);
            duration[i] = rnd.nextInt(6) * 15L;
            pre.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (rnd.nextDouble() < density) {
                    pre.get(hidden[i]).add(hidden[j]);
                }
            }
        }
        if (backEdge && n >= 2) {
            int i = rnd.nextInt(n - 1);
            int j = i + 1 + rnd.nextInt(n - 1 - i);
            // hidden[j] is later; make the earlier one need it, closing a cycle if a path j -> i exists or i == j - 1
            // with edge
            pre.get(hidden[i]).add(hidden[j]);
            if (!pre.get(hidden[j]).contains(hidden[i])) {
                pre.get(hidden[j]).add(hidden[i]);
            }
        }
        int[][] prereqs = new int[n][];
        for (int i = 0; i < n; i++) {
            prereqs[i] = pre.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return new RecoveryGraph(keys, tier, rto, duration, prereqs);
    }

    private static int[] shuffled(Random rnd, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    // ---- brute force references -------------------------------------------------------------

    private static boolean respectsDependencies(RecoveryGraph g, int[] order) {
        int[] pos = new int[g.size()];
        for (int i = 0; i < order.length; i++) {
            pos[order[i]] = i;
        }
        for (int v = 0; v < g.size(); v++) {
            for (int p : g.prereqs(v)) {
                if (pos[p] >= pos[v]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int compareByPriority(RecoveryGraph g, int a, int b) {
        if (g.tier[a] != g.tier[b]) {
            return Integer.compare(g.tier[a], g.tier[b]);
        }
        if (g.rto[a] != g.rto[b]) {
            return Integer.compare(g.rto[a], g.rto[b]);
        }
        return g.keys[a].compareTo(g.keys[b]);
    }

    /** Every permutation; the valid one that is smallest position by position (tier, RTO, key), or null. */
    private static int[] bruteForceOrder(RecoveryGraph g) {
        int[][] best = {null};
        permute(g, new int[g.size()], new boolean[g.size()], 0, best);
        return best[0];
    }

    private static void permute(RecoveryGraph g, int[] current, boolean[] used, int depth, int[][] best) {
        if (depth == g.size()) {
            if (respectsDependencies(g, current) && (best[0] == null || lexCompare(g, current, best[0]) < 0)) {
                best[0] = current.clone();
            }
            return;
        }
        for (int v = 0; v < g.size(); v++) {
            if (!used[v]) {
                used[v] = true;
                current[depth] = v;
                permute(g, current, used, depth + 1, best);
                used[v] = false;
            }
        }
    }

    private static int lexCompare(RecoveryGraph g, int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = compareByPriority(g, a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The longest sum of durations over every explicit path of prerequisites ending at {@code v}. */
    private static long bruteForceEarliest(RecoveryGraph g, int v) {
        List<List<Integer>> paths = new ArrayList<>();
        collectPaths(g, v, new ArrayList<>(List.of(v)), paths);
        long best = 0;
        for (List<Integer> path : paths) {
            long sum = 0;
            for (int u : path) {
                sum += g.duration[u];
            }
            best = Math.max(best, sum);
        }
        return best;
    }

    private static void collectPaths(RecoveryGraph g, int v, List<Integer> path, List<List<Integer>> out) {
        if (g.prereqs(v).length == 0) {
            out.add(new ArrayList<>(path));
            return;
        }
        for (int p : g.prereqs(v)) {
            path.add(p);
            collectPaths(g, p, path, out);
            path.remove(path.size() - 1);
        }
    }

    private static Set<Integer> bruteForceDependents(RecoveryGraph g, int v) {
        Set<Integer> seen = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int u = 0; u < g.size(); u++) {
                if (seen.contains(u)) {
                    continue;
                }
                for (int p : g.prereqs(u)) {
                    if (p == v || seen.contains(p)) {
                        grew |= seen.add(u);
                        break;
                    }
                }
            }
        }
        return seen;
    }

    // ---- properties ---------------------------------------------------------------------------

    @Test
    void recoveryOrderIsTheSmallestValidOrderByTierThenRtoOnSmallGraphs() {
        Random rnd = new Random(20261122);
        for (int t = 0; t < SMALL_GRAPHS; t++) {
            RecoveryGraph g = randomGraph(rnd, 1 + rnd.nextInt(7), rnd.nextDouble() * 0.6, false);
            int[] expected = bruteForceOrder(g);
            int[] actual = g.recoveryOrder();
            assertArrayEquals(expected, actual, "graph " + t);
        }
    }

    @Test
    void cycleIsReportedExactlyWhenNoValidOrderExistsAndNamesARealCycle() {
        Random rnd = new Random(7);
        int cycles = 0;
        for (int t = 0; t < SMALL_GRAPHS; t++) {
            RecoveryGraph g = randomGraph(rnd, 2 + rnd.nextInt(6), rnd.nextDouble() * 0.5, rnd.nextBoolean());
            int[] reference = bruteForceOrder(g);
            if (reference != null) {
                assertArrayEquals(reference, g.recoveryOrder());
                continue;
            }
            cycles++;
            DependencyCycleException e = assertThrows(DependencyCycleException.class, g::recoveryOrder);
            List<String> cycle = e.cycle();
            assertTrue(cycle.size() >= 3, "a cycle names at least two activities and closes: " + cycle);
            assertEquals(cycle.get(0), cycle.get(cycle.size() - 1));
            assertEquals(
                    cycle.size() - 1,
                    new HashSet<>(cycle.subList(0, cycle.size() - 1)).size(),
                    "no activity twice inside " + cycle);
            List<String> keys = Arrays.asList(g.keys);
            for (int i = 0; i + 1 < cycle.size(); i++) {
                int from = keys.indexOf(cycle.get(i));
                int to = keys.indexOf(cycle.get(i + 1));
                int[] pre = g.prereqs(from);
                assertTrue(
                        Arrays.stream(pre).anyMatch(p -> p == to),
                        cycle.get(i) + " must depend on " + cycle.get(i + 1));
            }
        }
        assertTrue(
                cycles > SMALL_GRAPHS / 10, "the generator produced too few cyclic graphs to mean anything: " + cycles);
    }

    @Test
    void earliestRecoveryIsTheLongestPathOfDurationsAndTheChainExplainsIt() {
        Random rnd = new Random(42);
        for (int t = 0; t < SMALL_GRAPHS; t++) {
            RecoveryGraph g = randomGraph(rnd, 1 + rnd.nextInt(8), rnd.nextDouble() * 0.7, false);
            RecoveryGraph.Schedule s = g.schedule(g.recoveryOrder());
            for (int v = 0; v < g.size(); v++) {
                assertEquals(bruteForceEarliest(g, v), s.finish()[v], "graph " + t + " node " + v);
                int[] chain = s.chain(v);
                assertEquals(v, chain[chain.length - 1]);
                long sum = 0;
                for (int i = 0; i < chain.length; i++) {
                    sum += g.duration[chain[i]];
                    if (i > 0) {
                        int prev = chain[i - 1];
                        assertTrue(
                                Arrays.stream(g.prereqs(chain[i])).anyMatch(p -> p == prev),
                                "the chain follows dependencies");
                    }
                }
                assertEquals(s.finish()[v], sum, "the chain's durations add up to the earliest recovery");
                assertEquals(0, g.prereqs(chain[0]).length, "the chain starts at an activity that needs nothing");
            }
        }
    }

    @Test
    void transitiveDependentsMatchReachabilityOnSmallGraphs() {
        Random rnd = new Random(99);
        for (int t = 0; t < SMALL_GRAPHS; t++) {
            RecoveryGraph g = randomGraph(rnd, 1 + rnd.nextInt(9), rnd.nextDouble() * 0.6, false);
            int[] counts = g.transitiveDependents(g.recoveryOrder());
            for (int v = 0; v < g.size(); v++) {
                assertEquals(bruteForceDependents(g, v).size(), counts[v], "graph " + t + " node " + v);
            }
        }
    }

    @Test
    void largeGraphsKeepTheInvariants() {
        Random rnd = new Random(2026);
        for (int t = 0; t < 40; t++) {
            int n = 50 + rnd.nextInt(400);
            RecoveryGraph g = randomGraph(rnd, n, 4.0 / n, false);
            int[] order = g.recoveryOrder();
            assertEquals(n, Arrays.stream(order).distinct().count());
            assertTrue(respectsDependencies(g, order));
            RecoveryGraph.Schedule s = g.schedule(order);
            for (int v = 0; v < n; v++) {
                assertEquals(s.start()[v] + g.duration[v], s.finish()[v]);
                for (int p : g.prereqs(v)) {
                    assertTrue(s.start()[v] >= s.finish()[p], "nothing starts before what it needs is recovered");
                }
                assertFalse(g.prereqs(v).length > 0 && s.critical()[v] < 0);
            }
        }
    }

    @Test
    void largeCyclicGraphStillNamesACycle() {
        Random rnd = new Random(5);
        RecoveryGraph g = randomGraph(rnd, 300, 0.02, true);
        DependencyCycleException e = assertThrows(DependencyCycleException.class, g::recoveryOrder);
        assertEquals(e.cycle().get(0), e.cycle().get(e.cycle().size() - 1));
    }
}
