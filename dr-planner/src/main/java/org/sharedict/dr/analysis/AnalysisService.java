package org.sharedict.dr.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.dr.analysis.AnalysisDtos.AnalysisView;
import org.sharedict.dr.analysis.AnalysisDtos.CandidateList;
import org.sharedict.dr.analysis.AnalysisDtos.OnCallNow;
import org.sharedict.dr.analysis.AnalysisDtos.SinglePoints;
import org.sharedict.dr.analysis.AnalysisDtos.SkillCoverage;
import org.sharedict.dr.analysis.AnalysisDtos.SkillRisk;
import org.sharedict.dr.analysis.AnalysisDtos.SkillStaffing;
import org.sharedict.dr.analysis.AnalysisDtos.StaffingView;
import org.sharedict.dr.analysis.AnalysisDtos.StepRef;
import org.sharedict.dr.model.EffectivePlan;
import org.sharedict.dr.model.EffectivePlan.EffectiveActivity;
import org.sharedict.dr.model.EffectivePlan.EffectiveStep;
import org.sharedict.dr.plans.LoadedPlan;
import org.sharedict.dr.plans.PlanDtos.Owner;
import org.sharedict.dr.plans.PlanLoader;
import org.sharedict.dr.platform.DrConfig;
import org.sharedict.dr.platform.OnCallDirectory;
import org.sharedict.dr.platform.SkillsDirectory;
import org.sharedict.platform.remote.Lookup;

/**
 * Analysis of a partner plan, and who could staff it. Skill holders come from skills-service and
 * the on-call engineer from rota-service; when either cannot be asked the answer says "unknown"
 * for that part and the rest still stands. Once a service has failed within a request it is not
 * asked again in that request, so a dead service costs one timeout, not one per skill.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AnalysisService {

    private final PlanLoader plans;
    private final SkillsDirectory skills;
    private final OnCallDirectory onCall;
    private final DrConfig config;

    public AnalysisService(PlanLoader plans, SkillsDirectory skills, OnCallDirectory onCall, DrConfig config) {
        this.plans = plans;
        this.skills = skills;
        this.onCall = onCall;
        this.config = config;
    }

    public AnalysisView analyse(long planId, boolean askSkills) {
        LoadedPlan l = plans.load(planId);
        Set<String> roles = l.specifics().owners().stream().map(Owner::role).collect(Collectors.toSet());
        PlanAnalysis.Result r =
                PlanAnalysis.analyse(l.effective(), roles, config.analysis().spofMinDependents());
        SkillCoverage coverage = askSkills
                ? skillCoverage(l.plan().partner(), l.effective())
                : new SkillCoverage(Lookup.Status.UNKNOWN, "not asked (skills=false)", List.of());
        return new AnalysisView(
                l.plan().id(),
                l.plan().revision(),
                l.plan().status(),
                l.plan().partner(),
                l.template(),
                l.effective().activities().size(),
                r.dependencyCount(),
                r.recoveryOrder(),
                r.feasibility(),
                new SinglePoints(r.criticalActivities(), r.unownedSteps(), coverage));
    }

    public StaffingView staffing(long planId) {
        LoadedPlan l = plans.load(planId);
        String partner = l.plan().partner();
        Map<String, List<StepRef>> bySkill = stepsBySkill(l.effective());
        List<StepRef> withoutSkill = new ArrayList<>();
        for (EffectiveActivity a : l.effective().activities()) {
            for (EffectiveStep s : a.steps()) {
                if (s.skill() == null) {
                    withoutSkill.add(new StepRef(a.key(), a.name(), s.key(), s.title()));
                }
            }
        }
        int size = config.staffing().candidates();
        String skillsDown = null;
        List<SkillStaffing> out = new ArrayList<>();
        for (var e : bySkill.entrySet()) {
            CandidateList own;
            CandidateList others;
            if (skillsDown != null) {
                own = others = new CandidateList(Lookup.Status.UNKNOWN, skillsDown, null, List.of());
            } else {
                own = candidates(skills.holders(e.getKey(), partner, false, size));
                others = own.status() == Lookup.Status.UNKNOWN
                        ? own
                        : candidates(skills.holders(e.getKey(), partner, true, size));
                if (others.status() == Lookup.Status.UNKNOWN) {
                    skillsDown = others.reason();
                }
            }
            out.add(new SkillStaffing(e.getKey(), e.getValue(), own, others));
        }
        Lookup<OnCallDirectory.OnCall> now = onCall.onCallNow(partner);
        OnCallNow onCallNow = now.isKnown()
                ? new OnCallNow(
                        now.status(),
                        null,
                        now.value().covered(),
                        now.value().primary(),
                        now.value().secondary())
                : new OnCallNow(now.status(), now.reason(), null, null, null);
        return new StaffingView(l.plan().id(), partner, onCallNow, out, withoutSkill);
    }

    private SkillCoverage skillCoverage(String partner, EffectivePlan plan) {
        String down = null;
        int unknown = 0;
        List<SkillRisk> risks = new ArrayList<>();
        for (var e : stepsBySkill(plan).entrySet()) {
            Lookup<SkillsDirectory.Holders> h =
                    down != null ? Lookup.unknown(down) : skills.holders(e.getKey(), partner, false, 2);
            if (h.status() == Lookup.Status.UNKNOWN) {
                down = h.reason();
                unknown++;
                risks.add(new SkillRisk(
                        e.getKey(), null, h.status(), null, null, false, false, h.reason(), e.getValue()));
                continue;
            }
            long total = h.isKnown() ? h.value().total() : 0;
            if (total > 0) {
                String sole = total == 1 && !h.value().people().isEmpty()
                        ? h.value().people().get(0).name()
                        : null;
                risks.add(new SkillRisk(
                        e.getKey(), null, h.status(), total, sole, total == 1, false, null, e.getValue()));
                continue;
            }
            // Nobody holds it: a real gap, or a skill code skills-service does not know?
            Lookup<String> skill = skills.skillName(e.getKey());
            switch (skill.status()) {
                case KNOWN ->
                    risks.add(new SkillRisk(
                            e.getKey(),
                            skill.value(),
                            Lookup.Status.KNOWN,
                            0L,
                            null,
                            false,
                            true,
                            "nobody at " + partner + " holds this skill",
                            e.getValue()));
                case NOT_FOUND ->
                    risks.add(new SkillRisk(
                            e.getKey(),
                            null,
                            Lookup.Status.NOT_FOUND,
                            0L,
                            null,
                            false,
                            true,
                            skill.reason(),
                            e.getValue()));
                default ->
                    risks.add(new SkillRisk(
                            e.getKey(),
                            null,
                            Lookup.Status.KNOWN,
                            0L,
                            null,
                            false,
                            true,
                            "nobody at " + partner + " holds this skill",
                            e.getValue()));
            }
        }
        Lookup.Status overall = unknown == 0 ? Lookup.Status.KNOWN : Lookup.Status.UNKNOWN;
        return new SkillCoverage(overall, down, risks);
    }

    private static Map<String, List<StepRef>> stepsBySkill(EffectivePlan plan) {
        Map<String, List<StepRef>> bySkill = new LinkedHashMap<>();
        for (EffectiveActivity a : plan.activities()) {
            for (EffectiveStep s : a.steps()) {
                if (s.skill() != null) {
                    bySkill.computeIfAbsent(s.skill(), k -> new ArrayList<>())
                            .add(new StepRef(a.key(), a.name(), s.key(), s.title()));
                }
            }
        }
        return bySkill;
    }

    private static CandidateList candidates(Lookup<SkillsDirectory.Holders> h) {
        return h.isKnown()
                ? new CandidateList(
                        h.status(), null, h.value().total(), h.value().people())
                : new CandidateList(
                        h.status(), h.reason(), h.status() == Lookup.Status.NOT_FOUND ? 0L : null, List.of());
    }
}
