package org.sharedict.dr.plans;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.dr.model.Customisation;
import org.sharedict.dr.model.PlanDiff;
import org.sharedict.dr.model.PlanMerger;
import org.sharedict.dr.model.TemplateContent;
import org.sharedict.dr.plans.PlanDtos.DiffView;
import org.sharedict.dr.plans.PlanDtos.EffectiveView;
import org.sharedict.dr.plans.PlanDtos.PlanSummary;
import org.sharedict.dr.plans.PlanDtos.PlanView;
import org.sharedict.dr.plans.PlanDtos.Specifics;
import org.sharedict.dr.plans.PlanDtos.TemplateRef;
import org.sharedict.dr.templates.TemplateContents;
import org.sharedict.dr.templates.TemplateContents.VersionInfo;
import org.sharedict.platform.json.Json;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;

/**
 * Finds plan revisions and computes with them: a revision to read or a draft to edit, the loaded
 * plan (its template version's content, the customisation and the effective plan of the two) and
 * the views the plan API answers with. Drafting, approval and rebase all start here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PlanLoader {

    private final Caller caller;
    private final Json json;
    private final TemplateContents templates;

    public PlanLoader(Caller caller, Json json, TemplateContents templates) {
        this.caller = caller;
        this.json = json;
        this.templates = templates;
    }

    /** The revision, as a copy for other features to read; 404 when there is none. */
    public PlanSnapshot snapshot(long id) {
        return PlanSnapshot.of(plan(id));
    }

    /** The revision with its template content and effective plan; 404 when there is none. */
    public LoadedPlan load(long id) {
        return load(plan(id));
    }

    /** The approved revisions, of one partner or of all. */
    public List<PlanSnapshot> approved(String partner) {
        List<Plan> found = partner == null || partner.isBlank()
                ? Plan.list("status = ?1 order by partner, name", Plan.Status.APPROVED)
                : Plan.list("status = ?1 and partner = ?2 order by name", Plan.Status.APPROVED, partner.toUpperCase());
        return found.stream().map(PlanSnapshot::of).toList();
    }

    /** Every revision of the plan the revision {@code id} belongs to, first to last. */
    public List<PlanSnapshot> revisions(long id) {
        Plan p = plan(id);
        return Plan.<Plan>list("series = ?1 order by revision", p.series).stream()
                .map(PlanSnapshot::of)
                .toList();
    }

    static Plan plan(long id) {
        return Plan.<Plan>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Plan", id));
    }

    /** A revision the caller may change: of their partner, at the version they saw, and still a draft. */
    Plan draft(long id, String ifMatch, Long bodyVersion) {
        Plan p = plan(id);
        caller.requireEditRightsFor(p.partner, Roles.DR_LEAD);
        ETags.requireMatch(p, ifMatch, bodyVersion);
        if (p.status != Plan.Status.DRAFT) {
            throw ProblemException.conflict("Revision " + p.revision + " is " + p.status + " and cannot change"
                            + (p.status == Plan.Status.SUBMITTED
                                    ? "; send it back to draft first"
                                    : "; start a new revision"))
                    .with("currentState", p.status);
        }
        return p;
    }

    LoadedPlan load(Plan p) {
        TemplateContent content = templates.content(p.templateVersionId);
        Customisation c = json.read(p.customisation, Customisation.class);
        PlanMerger.Result merged = PlanMerger.merge(content, c);
        return new LoadedPlan(
                PlanSnapshot.of(p), templateRef(p), json.read(p.specifics, Specifics.class), content, c, merged.plan());
    }

    public EffectiveView effective(long id) {
        LoadedPlan l = load(id);
        return new EffectiveView(
                l.plan().id(),
                l.plan().revision(),
                l.plan().status(),
                l.template(),
                l.effective().activities().size(),
                l.effective().dependencyCount(),
                l.effective().activities(),
                l.effective().excluded());
    }

    public DiffView diff(long id) {
        LoadedPlan l = load(id);
        List<PlanDiff.Entry> entries = PlanDiff.between(l.content(), l.customisation());
        return new DiffView(
                l.plan().id(),
                l.template(),
                (int) entries.stream()
                        .filter(e -> e.change() == PlanDiff.Change.OVERRIDDEN)
                        .count(),
                (int) entries.stream()
                        .filter(e -> e.change() == PlanDiff.Change.ADDED)
                        .count(),
                (int) entries.stream()
                        .filter(e -> e.change() == PlanDiff.Change.EXCLUDED)
                        .count(),
                entries);
    }

    TemplateRef templateRef(Plan p) {
        VersionInfo v = templates.version(p.templateVersionId);
        return new TemplateRef(
                v.templateId(),
                v.templateCode(),
                v.templateName(),
                v.number(),
                templates
                        .latestPublished(v.templateId())
                        .map(VersionInfo::number)
                        .orElse(null));
    }

    PlanSummary summary(Plan p) {
        return new PlanSummary(
                p.id,
                p.series,
                p.revision,
                p.partner,
                p.name,
                p.status,
                templateRef(p),
                p.ownerName,
                p.ownerEmail,
                p.reviewDate,
                p.reviewOverdue,
                p.author,
                p.approvedBy,
                p.approvedAt,
                p.version,
                p.updatedAt);
    }

    PlanView view(Plan p) {
        return new PlanView(
                p.id,
                p.series,
                p.revision,
                p.partner,
                p.name,
                p.status,
                templateRef(p),
                p.ownerName,
                p.ownerEmail,
                p.reviewDate,
                p.reviewOverdue,
                p.author,
                p.submittedBy,
                p.submittedAt,
                p.approvedBy,
                p.approvedAt,
                p.approvalNote,
                p.supersededAt,
                p.approvalMailAt == null
                        ? null
                        : new PlanDtos.ApprovalMailView(
                                p.approvalMailAt,
                                p.approvalMailSent == null ? 0 : p.approvalMailSent,
                                p.approvalMailProblem),
                json.read(p.customisation, Customisation.class),
                json.read(p.specifics, Specifics.class),
                p.version,
                p.createdAt,
                p.updatedAt);
    }
}
