package org.sharedict.dr.impact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.sharedict.dr.impact.ImpactDtos.ActivityImpact;
import org.sharedict.dr.impact.ImpactDtos.Assessment;
import org.sharedict.dr.impact.ImpactDtos.Finding;
import org.sharedict.dr.impact.ImpactDtos.FindingKind;
import org.sharedict.dr.impact.ImpactDtos.InheritedTarget;
import org.sharedict.dr.impact.ImpactDtos.LooserDependency;
import org.sharedict.dr.impact.ImpactDtos.Unacceptable;
import org.sharedict.dr.impact.ImpactScale.ImpactCategory;
import org.sharedict.dr.model.EffectivePlan;
import org.sharedict.dr.model.EffectivePlan.EffectiveActivity;
import org.sharedict.dr.model.RecoveryGraph;

/**
 * What a plan's business impact analysis and backup regime say about its targets. Pure and fast
 * (one pass over activities and dependencies); reading the assessments is {@link ImpactService}'s job.
 */
public final class ImpactAnalysis {

    /** A stored assessment and its version. */
    public record Assessed(Assessment assessment, long version) {}

    public record Result(
            List<ActivityImpact> activities,
            List<LooserDependency> looserRtos,
            List<LooserDependency> looserRpos,
            List<Finding> findings) {}

    private ImpactAnalysis() {}

    /**
     * @param today             the date restore tests are measured against
     * @param restoreTestMonths a restore test older than this many months is stale
     * @throws org.sharedict.dr.model.DependencyCycleException when the dependencies go round in a circle
     */
    public static Result analyse(
            EffectivePlan plan, Map<String, Assessed> assessments, LocalDate today, int restoreTestMonths) {
        List<EffectiveActivity> as = plan.activities();
        RecoveryGraph g = RecoveryGraph.of(plan);
        int[] order = g.recoveryOrder();
        int n = as.size();
        int[] rto = new int[n];
        int[] rpo = new int[n];
        for (int v = 0; v < n; v++) {
            rto[v] = as.get(v).rtoMinutes();
            Integer r = as.get(v).rpoMinutes();
            rpo[v] = r == null ? TargetInheritance.NONE : r;
        }
        TargetInheritance.Inherited rtoIn = TargetInheritance.propagate(g, order, rto);
        TargetInheritance.Inherited rpoIn = TargetInheritance.propagate(g, order, rpo);

        List<LooserDependency> looserRtos = looser(g, as, rto, rtoIn);
        List<LooserDependency> looserRpos = looser(g, as, rpo, rpoIn);
        Map<String, List<LooserDependency>> rtosOf = byDependency(looserRtos);
        Map<String, List<LooserDependency>> rposOf = byDependency(looserRpos);
        List<Finding> all = new ArrayList<>();
        List<ActivityImpact> out = new ArrayList<>(n);
        LocalDate staleBefore = today.minusMonths(restoreTestMonths);
        for (int v : order) {
            EffectiveActivity a = as.get(v);
            Assessed stored = assessments.get(a.key());
            Assessment s = stored == null ? Assessment.NONE : stored.assessment();
            List<Finding> findings = new ArrayList<>();
            List<Integer> worst = worstByTimePoint(s.ratings());
            Unacceptable unacceptable = unacceptable(s.ratings());
            Integer proposed = unacceptable == null ? null : unacceptable.atMinutes();
            if (proposed != null && a.rtoMinutes() >= proposed) {
                findings.add(new Finding(
                        FindingKind.RTO_NOT_BELOW_MTPD,
                        a.key(),
                        "RTO " + Minutes.text(a.rtoMinutes()) + " is not below the MTPD of " + Minutes.text(proposed)
                                + " the impact ratings propose (" + names(unacceptable.categories())
                                + " unacceptable by then)"));
            }
            if (a.mtpdMinutes() != null && a.rtoMinutes() >= a.mtpdMinutes()) {
                findings.add(new Finding(
                        FindingKind.RTO_NOT_BELOW_STATED_MTPD,
                        a.key(),
                        "RTO " + Minutes.text(a.rtoMinutes()) + " is not below the plan's MTPD of "
                                + Minutes.text(a.mtpdMinutes())));
            }
            for (LooserDependency l : rtosOf.getOrDefault(a.key(), List.of())) {
                findings.add(new Finding(
                        FindingKind.RTO_LOOSER_THAN_DEPENDANT,
                        a.key(),
                        "RTO " + Minutes.text(l.dependencyMinutes()) + " but " + l.dependantKey() + " needs it within "
                                + Minutes.text(l.neededMinutes()) + " (set by " + l.neededBy() + ")"));
            }
            for (LooserDependency l : rposOf.getOrDefault(a.key(), List.of())) {
                findings.add(new Finding(
                        FindingKind.RPO_LOOSER_THAN_DEPENDANT,
                        a.key(),
                        "RPO " + Minutes.text(l.dependencyMinutes()) + " but " + l.dependantKey()
                                + " can lose no more than " + Minutes.text(l.neededMinutes()) + " (set by "
                                + l.neededBy() + ")"));
            }
            InheritedTarget inRto = inherited(g, as, rtoIn, v);
            InheritedTarget inRpo = inherited(g, as, rpoIn, v);
            int targetRto = inRto == null ? a.rtoMinutes() : Math.min(a.rtoMinutes(), inRto.minutes());
            Integer targetRpo = a.rpoMinutes();
            if (inRpo != null && (targetRpo == null || inRpo.minutes() < targetRpo)) {
                targetRpo = inRpo.minutes();
            }
            backupFindings(a, s, targetRpo, staleBefore, findings);
            all.addAll(findings);
            out.add(new ActivityImpact(
                    a.key(),
                    a.name(),
                    a.category(),
                    a.tier(),
                    a.rtoMinutes(),
                    a.rpoMinutes(),
                    a.mtpdMinutes(),
                    !s.ratings().isEmpty(),
                    s.ratings(),
                    worst,
                    unacceptable,
                    proposed,
                    inRto,
                    targetRto,
                    inRpo,
                    targetRpo,
                    s.backupFrequencyMinutes(),
                    s.offlineCopy(),
                    s.lastRestoreTest(),
                    stored == null ? null : stored.version(),
                    findings));
        }
        return new Result(out, looserRtos, looserRpos, all);
    }

    /**
     * Only an activity that holds data is judged on its backups: one with an RPO (its own or one it
     * inherits) or with backups recorded. Tier 1 must have an offline or immutable copy (NCSC: a
     * copy ransomware cannot reach).
     */
    private static void backupFindings(
            EffectiveActivity a, Assessment s, Integer targetRpo, LocalDate staleBefore, List<Finding> findings) {
        Integer every = s.backupFrequencyMinutes();
        if (targetRpo == null && every == null) {
            return;
        }
        if (targetRpo != null && every == null) {
            findings.add(new Finding(
                    FindingKind.NO_BACKUP, a.key(), "RPO " + Minutes.text(targetRpo) + " but no backup is recorded"));
        } else if (targetRpo != null && every > targetRpo) {
            findings.add(new Finding(
                    FindingKind.RPO_NOT_MET_BY_BACKUPS,
                    a.key(),
                    "backups every " + Minutes.text(every) + " cannot meet an RPO of " + Minutes.text(targetRpo)));
        }
        if (a.tier() == 1 && !s.offlineCopy()) {
            findings.add(new Finding(
                    FindingKind.NO_OFFLINE_COPY,
                    a.key(),
                    "tier 1 with no offline or immutable copy (NCSC: keep one ransomware cannot reach)"));
        }
        if (every != null && s.lastRestoreTest() == null) {
            findings.add(new Finding(
                    FindingKind.NO_RESTORE_TEST, a.key(), "backups are taken but no restore has been tested"));
        } else if (s.lastRestoreTest() != null && s.lastRestoreTest().isBefore(staleBefore)) {
            findings.add(new Finding(
                    FindingKind.RESTORE_TEST_STALE,
                    a.key(),
                    "last successful restore test on " + s.lastRestoreTest() + ", more than twelve months ago"));
        }
    }

    static List<Integer> worstByTimePoint(Map<ImpactCategory, List<Integer>> ratings) {
        Integer[] worst = new Integer[ImpactScale.TIME_POINTS.size()];
        java.util.Arrays.fill(worst, 0);
        for (List<Integer> rs : ratings.values()) {
            for (int i = 0; i < worst.length && i < rs.size(); i++) {
                worst[i] = Math.max(worst[i], rs.get(i));
            }
        }
        return List.of(worst);
    }

    /** The first time point at which some category reaches the unacceptable rating, or null. */
    static Unacceptable unacceptable(Map<ImpactCategory, List<Integer>> ratings) {
        for (int i = 0; i < ImpactScale.TIME_POINTS.size(); i++) {
            List<ImpactCategory> cats = new ArrayList<>();
            for (ImpactCategory c : ImpactCategory.values()) {
                List<Integer> rs = ratings.get(c);
                if (rs != null && i < rs.size() && rs.get(i) >= ImpactScale.UNACCEPTABLE) {
                    cats.add(c);
                }
            }
            if (!cats.isEmpty()) {
                return new Unacceptable(ImpactScale.TIME_POINTS.get(i), cats);
            }
        }
        return null;
    }

    private static InheritedTarget inherited(
            RecoveryGraph g, List<EffectiveActivity> as, TargetInheritance.Inherited in, int v) {
        if (in.value()[v] == TargetInheritance.NONE) {
            return null;
        }
        int s = in.source()[v];
        return new InheritedTarget(in.value()[v], g.key(s), as.get(s).name(), g.key(in.via()[v]), in.hops()[v]);
    }

    /** Every dependency edge whose dependency's own target is looser than its dependant's own-or-inherited one. */
    private static List<LooserDependency> looser(
            RecoveryGraph g, List<EffectiveActivity> as, int[] own, TargetInheritance.Inherited in) {
        List<LooserDependency> out = new ArrayList<>();
        for (int d = 0; d < g.size(); d++) {
            int needed = own[d];
            int by = d;
            int inherited = in.value()[d];
            if (inherited != TargetInheritance.NONE
                    && (needed == TargetInheritance.NONE
                            || inherited < needed
                            || (inherited == needed && g.key(in.source()[d]).compareTo(g.key(d)) < 0))) {
                needed = in.value()[d];
                by = in.source()[d];
            }
            if (needed == TargetInheritance.NONE) {
                continue;
            }
            for (int p : g.prereqs(d)) {
                if (own[p] != TargetInheritance.NONE && own[p] > needed) {
                    out.add(new LooserDependency(g.key(p), own[p], g.key(d), needed, g.key(by)));
                }
            }
        }
        out.sort(Comparator.comparing(LooserDependency::dependencyKey).thenComparing(LooserDependency::dependantKey));
        return out;
    }

    private static Map<String, List<LooserDependency>> byDependency(List<LooserDependency> all) {
        Map<String, List<LooserDependency>> out = new java.util.HashMap<>();
        for (LooserDependency l : all) {
            out.computeIfAbsent(l.dependencyKey(), k -> new ArrayList<>()).add(l);
        }
        return out;
    }

    private static String names(List<ImpactCategory> cats) {
        List<String> out = new ArrayList<>();
        for (ImpactCategory c : cats) {
            out.add(c.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        return String.join(", ", out);
    }
}
