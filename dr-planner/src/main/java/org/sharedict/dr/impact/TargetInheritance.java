package org.sharedict.dr.impact;

import java.util.Arrays;

import org.sharedict.dr.model.RecoveryGraph;

/**
 * Targets through dependencies: an activity others need must be back at least as soon as the most
 * demanding of them, directly or through others. Given each activity's own target (RTO or RPO in
 * minutes, {@link #NONE} when it has none), it computes the tightest target among everything that
 * depends on each activity, which dependant states it ({@code source}) and the next activity on the
 * way to it ({@code via}). One pass over the activities, dependants first: O(activities +
 * dependencies). Ties go to the source with the smaller key, so the answer does not depend on the
 * order the plan lists its activities in.
 */
public final class TargetInheritance {

    public static final int NONE = -1;

    /** Per activity: the inherited target ({@link #NONE} when no dependant has one), its source and the next hop. */
    /**
     * Per activity: the inherited target ({@link #NONE} when no dependant has one), the activity
     * that states it, the direct dependant it comes through and how many steps away the source is.
     */
    public record Inherited(int[] value, int[] source, int[] via, int[] hops) {}

    private TargetInheritance() {}

    /**
     * @param order a recovery order of {@code g} (every activity after what it depends on)
     * @param own   each activity's own target in minutes, or {@link #NONE}
     */
    public static Inherited propagate(RecoveryGraph g, int[] order, int[] own) {
        int n = g.size();
        int[][] dependents = dependents(g);
        int[] value = new int[n];
        int[] source = new int[n];
        int[] via = new int[n];
        int[] hops = new int[n];
        Arrays.fill(value, NONE);
        Arrays.fill(source, NONE);
        Arrays.fill(via, NONE);
        for (int i = n - 1; i >= 0; i--) {
            int v = order[i];
            for (int d : dependents[v]) {
                // What d passes on: its own target or what it inherited, whichever is tighter.
                int candidate = own[d];
                int from = d;
                int distance = 1;
                if (value[d] != NONE && (candidate == NONE || better(g, value[d], source[d], candidate, d))) {
                    candidate = value[d];
                    from = source[d];
                    distance = hops[d] + 1;
                }
                if (candidate != NONE && (value[v] == NONE || better(g, candidate, from, value[v], source[v]))) {
                    value[v] = candidate;
                    source[v] = from;
                    via[v] = d;
                    hops[v] = distance;
                }
            }
        }
        return new Inherited(value, source, via, hops);
    }

    private static boolean better(RecoveryGraph g, int value, int source, int thanValue, int thanSource) {
        return value < thanValue || (value == thanValue && g.key(source).compareTo(g.key(thanSource)) < 0);
    }

    static int[][] dependents(RecoveryGraph g) {
        int n = g.size();
        int[] count = new int[n];
        for (int v = 0; v < n; v++) {
            for (int p : g.prereqs(v)) {
                count[p]++;
            }
        }
        int[][] out = new int[n][];
        for (int v = 0; v < n; v++) {
            out[v] = new int[count[v]];
        }
        int[] fill = new int[n];
        for (int v = 0; v < n; v++) {
            for (int p : g.prereqs(v)) {
                out[p][fill[p]++] = v;
            }
        }
        return out;
    }
}
