package org.sharedict.dr.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.sharedict.dr.model.EffectivePlan.EffectiveActivity;

/**
 * The recovery maths on plain arrays, so a plan of thousands of activities is analysed in
 * milliseconds: recovery order, earliest recovery (critical path) and who depends on whom.
 * Activities are nodes; node {@code v} cannot start before every node in {@code prereqs[v]} is
 * recovered; its own steps run one after another and take {@code duration[v]} minutes. Different
 * activities are assumed to be worked on in parallel, so the earliest recovery of an activity is
 * the longest chain of durations leading to it.
 */
public final class RecoveryGraph {

    final String[] keys;
    final int[] tier;
    final int[] rto;
    final long[] duration;
    final int[][] prereqs;
    private final int[][] dependents;
    /** Position of each node when sorted by tier, then RTO, then key: the tie-break of the recovery order. */
    private final int[] rank;

    public RecoveryGraph(String[] keys, int[] tier, int[] rto, long[] duration, int[][] prereqs) {
        int n = keys.length;
        this.keys = keys;
        this.tier = tier;
        this.rto = rto;
        this.duration = duration;
        this.prereqs = prereqs;
        int[] outDegree = new int[n];
        for (int[] ps : prereqs) {
            for (int p : ps) {
                outDegree[p]++;
            }
        }
        this.dependents = new int[n][];
        for (int i = 0; i < n; i++) {
            dependents[i] = new int[outDegree[i]];
        }
        int[] fill = new int[n];
        for (int v = 0; v < n; v++) {
            for (int p : prereqs[v]) {
                dependents[p][fill[p]++] = v;
            }
        }
        Integer[] byPriority = new Integer[n];
        for (int i = 0; i < n; i++) {
            byPriority[i] = i;
        }
        Arrays.sort(
                byPriority,
                (a, b) -> tier[a] != tier[b]
                        ? Integer.compare(tier[a], tier[b])
                        : rto[a] != rto[b] ? Integer.compare(rto[a], rto[b]) : keys[a].compareTo(keys[b]));
        this.rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[byPriority[i]] = i;
        }
    }

    public static RecoveryGraph of(EffectivePlan plan) {
        List<EffectiveActivity> as = plan.activities();
        int n = as.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(as.get(i).key(), i);
        }
        String[] keys = new String[n];
        int[] tier = new int[n];
        int[] rto = new int[n];
        long[] duration = new long[n];
        int[][] prereqs = new int[n][];
        for (int i = 0; i < n; i++) {
            EffectiveActivity a = as.get(i);
            keys[i] = a.key();
            tier[i] = a.tier();
            rto[i] = a.rtoMinutes();
            duration[i] = a.durationMinutes();
            int[] ps = new int[a.dependsOn().size()];
            int k = 0;
            for (String d : a.dependsOn()) {
                Integer p = index.get(d);
                if (p != null) {
                    ps[k++] = p;
                }
            }
            prereqs[i] = k == ps.length ? ps : Arrays.copyOf(ps, k);
        }
        return new RecoveryGraph(keys, tier, rto, duration, prereqs);
    }

    public int size() {
        return keys.length;
    }

    public String key(int v) {
        return keys[v];
    }

    public int[] prereqs(int v) {
        return prereqs[v];
    }

    /** Minutes the steps of {@code v} take, one after another. */
    public long duration(int v) {
        return duration[v];
    }

    public int directDependents(int v) {
        return dependents[v].length;
    }

    /**
     * A topological order: every activity after all it depends on; among those ready at the same
     * time, the lower tier first, then the shorter RTO, then the key. This is the smallest such
     * order when compared position by position.
     *
     * @throws DependencyCycleException naming one cycle when there is no such order
     */
    public int[] recoveryOrder() {
        int n = size();
        int[] waiting = new int[n];
        for (int v = 0; v < n; v++) {
            waiting[v] = prereqs[v].length;
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>(Math.max(1, n), (a, b) -> Integer.compare(rank[a], rank[b]));
        for (int v = 0; v < n; v++) {
            if (waiting[v] == 0) {
                ready.add(v);
            }
        }
        int[] order = new int[n];
        int k = 0;
        while (!ready.isEmpty()) {
            int v = ready.poll();
            order[k++] = v;
            for (int d : dependents[v]) {
                if (--waiting[d] == 0) {
                    ready.add(d);
                }
            }
        }
        if (k < n) {
            throw new DependencyCycleException(findCycle(waiting));
        }
        return order;
    }

    /** Among nodes still waiting (each has a waiting prerequisite), walk prerequisites until one repeats. */
    private List<String> findCycle(int[] waiting) {
        int start = -1;
        for (int v = 0; v < size(); v++) {
            if (waiting[v] > 0 && (start < 0 || rank[v] < rank[start])) {
                start = v;
            }
        }
        int[] seenAt = new int[size()];
        Arrays.fill(seenAt, -1);
        List<Integer> walk = new ArrayList<>();
        int v = start;
        while (seenAt[v] < 0) {
            seenAt[v] = walk.size();
            walk.add(v);
            int next = -1;
            for (int p : prereqs[v]) {
                if (waiting[p] > 0 && (next < 0 || rank[p] < rank[next])) {
                    next = p;
                }
            }
            v = next;
        }
        List<String> cycle = new ArrayList<>();
        for (int i = seenAt[v]; i < walk.size(); i++) {
            cycle.add(keys[walk.get(i)]);
        }
        cycle.add(keys[v]);
        return Collections.unmodifiableList(cycle);
    }

    /** Earliest start and recovery (minutes after invocation) of each node, and the prerequisite that decides it. */
    public record Schedule(long[] start, long[] finish, int[] critical) {

        /** The chain of activities, first to last, that makes {@code v} recover no earlier than it does. */
        public int[] chain(int v) {
            int length = 0;
            for (int u = v; u >= 0; u = critical[u]) {
                length++;
            }
            int[] chain = new int[length];
            for (int u = v, i = length - 1; u >= 0; u = critical[u], i--) {
                chain[i] = u;
            }
            return chain;
        }
    }

    public Schedule schedule(int[] order) {
        int n = size();
        long[] start = new long[n];
        long[] finish = new long[n];
        int[] critical = new int[n];
        for (int v : order) {
            int c = -1;
            for (int p : prereqs[v]) {
                if (c < 0 || finish[p] > finish[c] || (finish[p] == finish[c] && rank[p] < rank[c])) {
                    c = p;
                }
            }
            long s = c < 0 ? 0 : finish[c];
            start[v] = s;
            finish[v] = s + duration[v];
            critical[v] = c;
        }
        return new Schedule(start, finish, critical);
    }

    /** How many activities need each activity, directly or through others. Needs an order without cycles. */
    public int[] transitiveDependents(int[] order) {
        int n = size();
        int words = (n + 63) >>> 6;
        long[][] reach = new long[n][];
        int[] count = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            int v = order[i];
            long[] r = new long[words];
            for (int d : dependents[v]) {
                r[d >>> 6] |= 1L << (d & 63);
                long[] rd = reach[d];
                for (int w = 0; w < words; w++) {
                    r[w] |= rd[w];
                }
            }
            reach[v] = r;
            int c = 0;
            for (long w : r) {
                c += Long.bitCount(w);
            }
            count[v] = c;
        }
        return count;
    }
}
