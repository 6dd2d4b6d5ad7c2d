package org.sharedict.dr.analysis;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.dr.analysis.PlanAnalysis.CriticalActivity;
import org.sharedict.dr.analysis.PlanAnalysis.Feasibility;
import org.sharedict.dr.analysis.PlanAnalysis.OrderedActivity;
import org.sharedict.dr.analysis.PlanAnalysis.UnownedStep;
import org.sharedict.dr.plans.Plan;
import org.sharedict.dr.plans.PlanDtos.TemplateRef;
import org.sharedict.dr.platform.OnCallDirectory;
import org.sharedict.dr.platform.SkillsDirectory;
import org.sharedict.platform.remote.Lookup;

/** Analysis and staffing answers. */
public final class AnalysisDtos {

    private AnalysisDtos() {}

    public record StepRef(String activityKey, String activityName, String stepKey, String title) {}

    /**
     * How many people at the plan's partner hold a skill the plan needs. {@code status} UNKNOWN
     * (with {@code reason}) when skills-service could not be asked; {@code singlePoint} when one
     * person holds it, {@code noHolder} when nobody does; then {@code skillName} (or, for a code
     * skills-service does not know, status NOT_FOUND and the reason) tells a typo from a real gap.
     */
    public record SkillRisk(
            String skill,
            @Schema(nullable = true) String skillName,
            Lookup.Status status,
            @Schema(nullable = true) Long holdersAtPartner,
            @Schema(nullable = true) String soleHolder,
            boolean singlePoint,
            boolean noHolder,
            @Schema(nullable = true) String reason,
            List<StepRef> steps) {}

    public record SkillCoverage(
            Lookup.Status status, @Schema(nullable = true) String reason, List<SkillRisk> skills) {}

    public record SinglePoints(
            List<CriticalActivity> activities, List<UnownedStep> unownedSteps, SkillCoverage skills) {}

    public record AnalysisView(
            long planId,
            int revision,
            Plan.Status status,
            String partner,
            TemplateRef template,
            int activityCount,
            int dependencyCount,
            List<OrderedActivity> recoveryOrder,
            Feasibility feasibility,
            SinglePoints singlePointsOfFailure) {}

    public record CandidateList(
            Lookup.Status status,
            @Schema(nullable = true) String reason,
            @Schema(nullable = true) Long total,
            List<SkillsDirectory.Candidate> candidates) {}

    public record SkillStaffing(
            String skill, List<StepRef> steps, CandidateList ownPartner, CandidateList otherPartners) {}

    public record OnCallNow(
            Lookup.Status status,
            @Schema(nullable = true) String reason,
            @Schema(nullable = true) Boolean covered,
            @Schema(nullable = true) OnCallDirectory.Person primary,
            @Schema(nullable = true) OnCallDirectory.Person secondary) {}

    public record StaffingView(
            long planId,
            String partner,
            OnCallNow onCallNow,
            List<SkillStaffing> skills,
            List<StepRef> stepsWithoutSkill) {}
}
