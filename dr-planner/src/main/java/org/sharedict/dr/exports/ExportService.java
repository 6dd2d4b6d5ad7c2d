package org.sharedict.dr.exports;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

import org.sharedict.dr.analysis.PlanAnalysis;
import org.sharedict.dr.copies.CopyRegister;
import org.sharedict.dr.impact.ImpactDtos.ActivityImpact;
import org.sharedict.dr.impact.ImpactDtos.ImpactView;
import org.sharedict.dr.impact.ImpactService;
import org.sharedict.dr.model.EffectivePlan.EffectiveActivity;
import org.sharedict.dr.model.EffectivePlan.EffectiveStep;
import org.sharedict.dr.plans.LoadedPlan;
import org.sharedict.dr.plans.Plan;
import org.sharedict.dr.plans.PlanDtos.Activation;
import org.sharedict.dr.plans.PlanDtos.Owner;
import org.sharedict.dr.plans.PlanDtos.Specifics;
import org.sharedict.dr.plans.PlanLoader;
import org.sharedict.dr.plans.PlanSnapshot;
import org.sharedict.dr.platform.DrConfig;
import org.sharedict.platform.partnership.Partnership;
import org.sharedict.platform.problem.ProblemException;

/**
 * Offline copies of an approved plan (a DR plan must be readable when the systems are down):
 * self-contained HTML for printing, PDF and Markdown. Each names the plan, its revision, who
 * approved it and when, and when the copy was made.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ExportService {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm z", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final PlanLoader plans;
    private final Clock clock;
    private final DrConfig config;
    private final Template html;
    private final Template markdown;
    private final ImpactService impact;
    private final CopyRegister copies;

    public ExportService(
            PlanLoader plans,
            Clock clock,
            DrConfig config,
            @Location("exports/plan.html") Template html,
            @Location("exports/plan.md") Template markdown,
            ImpactService impact,
            CopyRegister copies) {
        this.impact = impact;
        this.copies = copies;
        this.plans = plans;
        this.clock = clock;
        this.config = config;
        this.html = html;
        this.markdown = markdown;
    }

    public record Rendered(String fileName, ExportModel model, String text) {}

    public Rendered html(long planId) {
        ExportModel m = model(planId);
        return new Rendered(fileName(m, "html"), m, html.data("plan", m).render());
    }

    public Rendered markdown(long planId) {
        ExportModel m = model(planId);
        return new Rendered(fileName(m, "md"), m, markdown.data("plan", m).render());
    }

    public record Pdf(String fileName, byte[] bytes) {}

    public Pdf pdf(long planId) {
        ExportModel m = model(planId);
        return new Pdf(fileName(m, "pdf"), PdfRenderer.render(m));
    }

    ExportModel model(long planId) {
        LoadedPlan l = plans.load(planId);
        PlanSnapshot p = l.plan();
        if (p.status() != Plan.Status.APPROVED && p.status() != Plan.Status.SUPERSEDED) {
            throw ProblemException.conflict(
                            "Only approved plans are exported; revision " + p.revision() + " is " + p.status())
                    .with("currentState", p.status());
        }
        ZoneId zone = Partnership.zone();
        Specifics specifics = l.specifics();
        Map<String, Owner> owners = new HashMap<>();
        specifics.owners().forEach(o -> owners.put(o.role().toLowerCase(Locale.ROOT), o));
        Set<String> roles = specifics.owners().stream().map(Owner::role).collect(Collectors.toSet());
        PlanAnalysis.Result r = PlanAnalysis.analyse(l.effective(), roles, Integer.MAX_VALUE);
        Map<String, EffectiveActivity> byKey = l.effective().byKey();
        List<ExportModel.Line> order = new ArrayList<>();
        List<ExportModel.Activity> activities = new ArrayList<>();
        for (PlanAnalysis.OrderedActivity o : r.recoveryOrder()) {
            EffectiveActivity a = byKey.get(o.key());
            String deps = a.dependsOn().isEmpty()
                    ? "-"
                    : a.dependsOn().stream().map(k -> byKey.get(k).name()).collect(Collectors.joining(", "));
            order.add(new ExportModel.Line(
                    o.position(),
                    a.key(),
                    a.name(),
                    label(a.category().name()),
                    a.tier(),
                    minutes(a.rtoMinutes()),
                    minutes(o.earliestRecoveryMinutes()),
                    o.meetsRto(),
                    deps));
            List<ExportModel.Step> steps = new ArrayList<>();
            int n = 1;
            for (EffectiveStep s : a.steps()) {
                Owner owner =
                        s.ownerRole() == null ? null : owners.get(s.ownerRole().toLowerCase(Locale.ROOT));
                String who = s.ownerRole() == null
                        ? "no owner"
                        : owner == null
                                ? s.ownerRole() + " (nobody named)"
                                : s.ownerRole() + ": " + owner.name()
                                        + (owner.phone() == null ? "" : ", " + owner.phone());
                steps.add(new ExportModel.Step(
                        n++,
                        s.title(),
                        s.instructions() == null ? "" : s.instructions(),
                        minutes(s.durationMinutes()),
                        s.skill() == null ? "-" : s.skill(),
                        who));
            }
            activities.add(new ExportModel.Activity(
                    o.position(),
                    a.key(),
                    a.name(),
                    label(a.category().name()),
                    a.tier(),
                    minutes(a.rtoMinutes()),
                    a.rpoMinutes() == null ? "-" : minutes(a.rpoMinutes()),
                    a.mtpdMinutes() == null ? null : minutes(a.mtpdMinutes()),
                    a.description(),
                    deps,
                    steps));
        }
        List<ExportModel.Miss> misses = r.feasibility().misses().stream()
                .map(m -> new ExportModel.Miss(
                        m.name(),
                        minutes(m.rtoMinutes()),
                        minutes(m.earliestRecoveryMinutes()),
                        minutes(m.shortfallMinutes()),
                        m.chain().stream().map(k -> byKey.get(k).name()).collect(Collectors.joining(" -> "))))
                .toList();
        List<ExportModel.Excluded> excluded = l.effective().excluded().stream()
                .map(x -> new ExportModel.Excluded(
                        x.stepKey() != null
                                ? "Step '" + x.name() + "' of " + x.activityKey()
                                : x.dependsOn() != null
                                        ? x.activityKey() + " needing " + x.dependsOn()
                                        : "Activity '" + x.name() + "'",
                        x.reason()))
                .toList();
        String approvedAt =
                p.approvedAt() == null ? "-" : WHEN.format(p.approvedAt().atZone(zone));
        ImpactView bia = impact.analyse(planId);
        List<ExportModel.Impact> impactLines = new ArrayList<>();
        for (ActivityImpact a : bia.activities()) {
            if (!a.assessed() && a.findings().isEmpty() && a.inheritedRto() == null) {
                continue;
            }
            impactLines.add(new ExportModel.Impact(
                    a.name(),
                    a.targetRtoMinutes() < a.rtoMinutes()
                            ? "RTO " + minutes(a.targetRtoMinutes()) + " (own " + minutes(a.rtoMinutes())
                                    + "; needed by " + a.inheritedRto().fromName() + ")"
                            : "RTO " + minutes(a.rtoMinutes()),
                    a.proposedMtpdMinutes() == null
                            ? (a.assessed() ? "not reached in a week" : "not assessed")
                            : minutes(a.proposedMtpdMinutes()),
                    a.backupFrequencyMinutes() == null
                            ? "none recorded"
                            : "every " + minutes(a.backupFrequencyMinutes())
                                    + (a.offlineCopy() ? ", offline copy" : ", no offline copy")
                                    + (a.lastRestoreTest() == null
                                            ? ", restore never tested"
                                            : ", restore tested " + DAY.format(a.lastRestoreTest())),
                    a.findings().isEmpty()
                            ? "-"
                            : a.findings().stream().map(f -> f.message()).collect(Collectors.joining("; "))));
        }
        Activation activation = specifics.activation();
        List<String> criteria =
                activation.criteria().stream().map(c -> c.words()).toList();
        List<String> mayInvoke = activation.mayInvoke().isEmpty()
                ? List.of(
                        "DR leads and managers of " + p.partner() + ", and partnership admins (the plan names no one)")
                : activation.mayInvoke().stream()
                        .map(i -> i.username() != null && !i.username().isBlank()
                                ? i.name() + " (" + i.username() + ")"
                                : i.name() + " (role " + i.role() + ")")
                        .toList();
        return new ExportModel(
                p.name() + " (revision " + p.revision() + ")",
                p.partner(),
                p.name(),
                p.revision(),
                p.status().name(),
                p.status() == Plan.Status.SUPERSEDED,
                l.template().name() + ", version " + l.template().version(),
                p.approvedBy() == null ? "-" : p.approvedBy(),
                approvedAt,
                p.approvalNote(),
                p.reviewDate() == null ? "-" : DAY.format(p.reviewDate()),
                WHEN.format(Instant.now(clock).atZone(zone)),
                p.ownerName() == null
                        ? "-"
                        : p.ownerName() + (p.ownerEmail() == null ? "" : " <" + p.ownerEmail() + ">"),
                criteria,
                mayInvoke,
                r.feasibility().allRtosMet(),
                order,
                misses,
                activities,
                excluded,
                impactLines,
                specifics.owners(),
                specifics.contacts(),
                specifics.sites(),
                specifics.suppliers(),
                copies.forExport(planId).stream()
                        .map(c -> new ExportModel.CopyHolder(c.name(), c.note(), c.holds()))
                        .toList());
    }

    static String minutes(long m) {
        if (m < 60) {
            return m + " min";
        }
        long h = m / 60;
        long rest = m % 60;
        if (h >= 48 && rest == 0 && h % 24 == 0) {
            return (h / 24) + " days";
        }
        return h + " h" + (rest == 0 ? "" : " " + rest + " min");
    }

    private static String label(String enumName) {
        String s = enumName.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Partner, plan and revision, each once: most plans carry their partner's code in their name already. */
    static String fileName(ExportModel m, String extension) {
        String name = m.planName().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
        boolean named = Arrays.stream(name.split("-")).anyMatch(w -> w.equalsIgnoreCase(m.partner()));
        return (named ? name : m.partner() + "-" + name) + "-r" + m.revision() + "." + extension;
    }
}
