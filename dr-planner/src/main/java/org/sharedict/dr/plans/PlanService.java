package org.sharedict.dr.plans;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.sharedict.dr.model.Customisation;
import org.sharedict.dr.model.EffectivePlan;
import org.sharedict.dr.model.PlanDiff;
import org.sharedict.dr.model.PlanMerger;
import org.sharedict.dr.model.Rebase;
import org.sharedict.dr.model.RecoveryGraph;
import org.sharedict.dr.model.TemplateContent;
import org.sharedict.dr.platform.DrConfig;
import org.sharedict.platform.json.Json;
import org.sharedict.dr.plans.PlanDtos.CustomisationUpdate;
import org.sharedict.dr.plans.PlanDtos.DiffView;
import org.sharedict.dr.plans.PlanDtos.EffectiveView;
import org.sharedict.dr.plans.PlanDtos.NewPlan;
import org.sharedict.dr.plans.PlanDtos.PlanSummary;
import org.sharedict.dr.plans.PlanDtos.PlanUpdate;
import org.sharedict.dr.plans.PlanDtos.PlanView;
import org.sharedict.dr.plans.PlanDtos.RebaseRequest;
import org.sharedict.dr.plans.PlanDtos.RebaseView;
import org.sharedict.dr.plans.PlanDtos.Specifics;
import org.sharedict.dr.plans.PlanDtos.TemplateRef;
import org.sharedict.dr.templates.TemplateContents;
import org.sharedict.dr.templates.TemplateContents.TemplateInfo;
import org.sharedict.dr.templates.TemplateContents.VersionInfo;
import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;

import io.quarkus.panache.common.Parameters;

/**
 * Partner plans: drafting (customisation kept apart from the template), the approval lifecycle
 * draft → submitted → approved → superseded, revisions, diff and rebase. A DR lead changes only
 * their own partner's plans; approval needs a DR lead of that partner, or an admin, who is not the
 * author; approved revisions never change.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PlanService {

    private static final Map<String, String> SORTS = Map.of("name", "name", "partner", "partner", "status", "status",
            "reviewDate", "reviewDate", "updatedAt", "updatedAt", "revision", "revision");

    @Inject
    Caller caller;

    @Inject
    Auditor audit;

    @Inject
    Clock clock;

    @Inject
    Json json;

    @Inject
    TemplateContents templates;

    @Inject
    DrConfig config;

    /** A plan revision with everything needed to compute with it. */
    public record Loaded(Plan plan, TemplateRef template, TemplateContent content, Customisation customisation, EffectivePlan effective) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PlanSummary> list(String partner, Plan.Status status, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (partner != null && !partner.isBlank()) {
            where.append(" and partner = :partner");
            params.and("partner", partner.toUpperCase());
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        return Page.of(Plan.<Plan>find(where.toString(), page.toSort(SORTS, "partner,name,revision", "id"), params), page, this::summary);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanView get(long id) {
        return view(plan(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanSummary> revisions(long id) {
        return Plan.revisions(plan(id).series).stream().map(this::summary).toList();
    }

    public PlanView create(NewPlan in) {
        String partner = in.partner().toUpperCase();
        caller.requireEditRightsFor(partner, Roles.DR_LEAD);
        TemplateInfo t = templates.template(in.templateId());
        VersionInfo tv = in.templateVersion() == null
                ? templates.latestPublished(t.id()).orElseThrow(() -> ProblemException.invalid("templateId",
                        "template " + t.code() + " has no published version yet"))
                : templates.version(t.id(), in.templateVersion()).orElseThrow(() -> ProblemException.invalid("templateVersion",
                        "template " + t.code() + " has no version " + in.templateVersion()));
        if (!tv.published()) {
            throw ProblemException.invalid("templateVersion", "version " + tv.number() + " of " + t.code() + " is not published yet");
        }
        Plan p = new Plan();
        p.series = UUID.randomUUID().toString();
        p.revision = 1;
        p.partner = partner;
        p.name = in.name().trim();
        p.templateVersionId = tv.versionId();
        p.status = Plan.Status.DRAFT;
        p.customisation = json.write(Customisation.none());
        p.specifics = json.write(in.specifics() == null ? Specifics.none() : in.specifics());
        p.ownerName = in.ownerName();
        p.ownerEmail = in.ownerEmail();
        p.reviewDate = in.reviewDate();
        p.author = caller.username();
        p.createdAt = p.updatedAt = Instant.now(clock);
        p.persistAndFlush();
        audit.created("dr-plan", p.id, p.partner, Map.of("name", p.name, "template", t.code() + "/" + tv.number()));
        return view(p);
    }

    public PlanView update(long id, PlanUpdate in, String ifMatch) {
        Plan p = editable(id, ifMatch, in.version());
        Specifics specifics = in.specifics() == null ? Specifics.none() : in.specifics();
        Changes changes = Changes.track()
                .field("name", p.name, in.name().trim())
                .field("reviewDate", p.reviewDate, in.reviewDate())
                .field("ownerName", p.ownerName, in.ownerName())
                .field("ownerEmail", p.ownerEmail, in.ownerEmail())
                .field("specifics", p.specifics, json.write(specifics));
        p.name = in.name().trim();
        p.reviewDate = in.reviewDate();
        p.ownerName = in.ownerName();
        p.ownerEmail = in.ownerEmail();
        p.specifics = json.write(specifics);
        touch(p, changes);
        audit.updated("dr-plan", p.id, p.partner, changes);
        return view(p);
    }

    public PlanView customise(long id, CustomisationUpdate in, String ifMatch) {
        Plan p = editable(id, ifMatch, in.version());
        Customisation c = in.customisation();
        PlanMerger.Result merged = PlanMerger.merge(templates.content(p.templateVersionId), c);
        if (!merged.ok()) {
            throw ProblemException.invalid(merged.errors());
        }
        String stored = json.write(c);
        Changes changes = Changes.track().field("customisation", summary(json.read(p.customisation, Customisation.class)), summary(c));
        p.customisation = stored;
        touch(p, changes);
        audit.record("UPDATE", "dr-plan", p.id, p.partner, Map.of("customisation", summary(c)));
        return view(p);
    }

    public void delete(long id, String ifMatch) {
        Plan p = plan(id);
        caller.requireEditRightsFor(p.partner, Roles.DR_LEAD);
        if (ifMatch != null) {
            ETags.requireMatch(p, ifMatch, null);
        }
        if (p.status != Plan.Status.DRAFT) {
            throw ProblemException.conflict("Only a draft can be deleted; this revision is " + p.status).with("currentState", p.status);
        }
        Map<String, Object> last = Map.of("name", p.name, "revision", p.revision);
        p.delete();
        audit.deleted("dr-plan", id, p.partner, last);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Loaded load(long id) {
        return load(plan(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Loaded load(Plan p) {
        TemplateContent content = templates.content(p.templateVersionId);
        Customisation c = json.read(p.customisation, Customisation.class);
        PlanMerger.Result merged = PlanMerger.merge(content, c);
        return new Loaded(p, templateRef(p), content, c, merged.plan());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EffectiveView effective(long id) {
        Loaded l = load(id);
        return new EffectiveView(l.plan().id, l.plan().revision, l.plan().status, l.template(), l.effective().activities().size(),
                l.effective().dependencyCount(), l.effective().activities(), l.effective().excluded());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DiffView diff(long id) {
        Loaded l = load(id);
        List<PlanDiff.Entry> entries = PlanDiff.between(l.content(), l.customisation());
        return new DiffView(l.plan().id, l.template(),
                (int) entries.stream().filter(e -> e.change() == PlanDiff.Change.OVERRIDDEN).count(),
                (int) entries.stream().filter(e -> e.change() == PlanDiff.Change.ADDED).count(),
                (int) entries.stream().filter(e -> e.change() == PlanDiff.Change.EXCLUDED).count(), entries);
    }

    /**
     * Moves a draft onto another published version of its template, keeping the partner's
     * customisation. Blocking conflicts answer 409 with the conflicts and change nothing.
     */
    public RebaseView rebase(long id, RebaseRequest in, String ifMatch) {
        Plan p = in.dryRun() ? plan(id) : editable(id, ifMatch, in.version());
        if (in.dryRun()) {
            caller.requireEditRightsFor(p.partner, Roles.DR_LEAD);
            if (ifMatch != null) {
                // A dry run needs no version, but one that is sent must be the plan's: the answer is about this version.
                ETags.requireMatch(p, ifMatch, in.version());
            }
        }
        Loaded l = load(p);
        TemplateRef from = l.template();
        VersionInfo target = in.templateVersion() == null
                ? templates.latestPublished(from.id()).orElseThrow()
                : templates.version(from.id(), in.templateVersion()).orElseThrow(() -> ProblemException.invalid("templateVersion",
                        "template " + from.code() + " has no version " + in.templateVersion()));
        if (!target.published()) {
            throw ProblemException.invalid("templateVersion", "version " + target.number() + " is not published");
        }
        if (target.number() == from.version()) {
            throw ProblemException.invalid("templateVersion", "the plan is already on version " + target.number());
        }
        Rebase.Result r = Rebase.onto(l.content(), templates.content(target.versionId()), l.customisation());
        if (r.blocked()) {
            throw ProblemException.of(409, "rebase-conflict", "Rebase conflicts",
                    "Moving onto version " + target.number() + " of " + from.code()
                            + " needs a decision first: " + r.conflicts().stream().filter(Rebase.Conflict::blocking)
                                    .map(Rebase.Conflict::detail).findFirst().orElse(""),
                    Map.of("conflicts", r.conflicts()));
        }
        if (!in.dryRun()) {
            p.templateVersionId = target.versionId();
            p.customisation = json.write(r.customisation());
            p.updatedAt = Instant.now(clock);
            p.flush();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("templateVersion", Map.of("from", from.version(), "to", target.number()));
            changes.put("conflicts", r.conflicts().size());
            audit.record("REBASE", "dr-plan", p.id, p.partner, changes);
        }
        return new RebaseView(p.id, !in.dryRun(), in.dryRun(), from.version(), target.number(), r.keptOverrides(),
                r.keptAdditions(), r.keptExclusions(), r.conflicts(), p.version);
    }

    public PlanView submit(long id, String ifMatch) {
        Plan p = plan(id);
        caller.requireEditRightsFor(p.partner, Roles.DR_LEAD);
        match(p, ifMatch);
        requireStatus(p, Plan.Status.DRAFT, "submit");
        Loaded l = load(p);
        RecoveryGraph.of(l.effective()).recoveryOrder();
        p.status = Plan.Status.SUBMITTED;
        p.submittedBy = caller.username();
        p.submittedAt = Instant.now(clock);
        p.updatedAt = p.submittedAt;
        p.flush();
        audit.record("SUBMIT", "dr-plan", p.id, p.partner, Map.of("revision", p.revision));
        return view(p);
    }

    public PlanView approve(long id, String note, String ifMatch) {
        Plan p = plan(id);
        requireApprover(p);
        match(p, ifMatch);
        requireStatus(p, Plan.Status.SUBMITTED, "approve");
        if (p.author.equals(caller.username())) {
            throw ProblemException.forbidden("A plan is approved by someone other than its author (" + p.author + ")");
        }
        Instant now = Instant.now(clock);
        for (Plan other : Plan.revisions(p.series)) {
            if (other.status == Plan.Status.APPROVED) {
                other.status = Plan.Status.SUPERSEDED;
                other.supersededAt = now;
                other.reviewOverdue = false;
                other.updatedAt = now;
                audit.record("SUPERSEDE", "dr-plan", other.id, other.partner, Map.of("by", p.id));
            }
        }
        p.status = Plan.Status.APPROVED;
        p.approvedBy = caller.username();
        p.approvedAt = now;
        p.approvalNote = note;
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of(config.review().zone()));
        if (p.reviewDate == null || !p.reviewDate.isAfter(today)) {
            p.reviewDate = today.plusMonths(config.review().intervalMonths());
        }
        p.reviewOverdue = false;
        p.reviewRemindedAt = null;
        p.updatedAt = now;
        Plan.flush();
        audit.record("APPROVE", "dr-plan", p.id, p.partner, Map.of("revision", p.revision, "reviewDate", p.reviewDate.toString()));
        return view(p);
    }

    public PlanView reject(long id, String reason, String ifMatch) {
        Plan p = plan(id);
        if (!p.author.equals(caller.username())) {
            requireApprover(p);
        }
        match(p, ifMatch);
        requireStatus(p, Plan.Status.SUBMITTED, "send back");
        p.status = Plan.Status.DRAFT;
        p.submittedAt = null;
        p.submittedBy = null;
        p.approvalNote = reason;
        p.updatedAt = Instant.now(clock);
        p.flush();
        audit.record("REJECT", "dr-plan", p.id, p.partner, Map.of("reason", reason));
        return view(p);
    }

    /** Starts the next revision as a draft copy; approved revisions themselves never change. */
    public PlanView newRevision(long id) {
        Plan from = plan(id);
        caller.requireEditRightsFor(from.partner, Roles.DR_LEAD);
        List<Plan> all = Plan.revisions(from.series);
        all.stream().filter(r -> r.status == Plan.Status.DRAFT || r.status == Plan.Status.SUBMITTED).findFirst().ifPresent(open -> {
            throw ProblemException.conflict("Revision " + open.revision + " of this plan is still " + open.status
                    + "; finish it first").with("openRevisionId", open.id);
        });
        Plan p = new Plan();
        p.series = from.series;
        p.revision = all.get(all.size() - 1).revision + 1;
        p.partner = from.partner;
        p.name = from.name;
        p.templateVersionId = from.templateVersionId;
        p.status = Plan.Status.DRAFT;
        p.customisation = from.customisation;
        p.specifics = from.specifics;
        p.ownerName = from.ownerName;
        p.ownerEmail = from.ownerEmail;
        p.reviewDate = from.reviewDate;
        p.author = caller.username();
        p.createdAt = p.updatedAt = Instant.now(clock);
        p.persistAndFlush();
        audit.created("dr-plan", p.id, p.partner, Map.of("revisionOf", from.id, "revision", p.revision));
        return view(p);
    }

    // ---- helpers ---------------------------------------------------------------------------

    public static Plan plan(long id) {
        return Plan.<Plan>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Plan", id));
    }

    private Plan editable(long id, String ifMatch, Long bodyVersion) {
        Plan p = plan(id);
        caller.requireEditRightsFor(p.partner, Roles.DR_LEAD);
        ETags.requireMatch(p, ifMatch, bodyVersion);
        if (p.status != Plan.Status.DRAFT) {
            throw ProblemException.conflict("Revision " + p.revision + " is " + p.status + " and cannot change"
                    + (p.status == Plan.Status.SUBMITTED ? "; send it back to draft first" : "; start a new revision"))
                    .with("currentState", p.status);
        }
        return p;
    }

    private void requireApprover(Plan p) {
        if (caller.isAdmin()) {
            return;
        }
        if (!caller.hasRole(Roles.DR_LEAD)) {
            throw ProblemException.forbidden("Only DR leads and admins approve plans");
        }
        if (!caller.isOf(p.partner)) {
            throw ProblemException.forbidden("Only a DR lead of " + p.partner + " (or an admin) approves its plans");
        }
    }

    private static void match(Plan p, String ifMatch) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireMatch(p, ifMatch, null);
        }
    }

    private static void requireStatus(Plan p, Plan.Status expected, String action) {
        if (p.status != expected) {
            throw ProblemException.conflict("Cannot " + action + " revision " + p.revision + ": it is " + p.status
                    + ", not " + expected).with("currentState", p.status);
        }
    }

    private void touch(Plan p, Changes changes) {
        if (!changes.isEmpty()) {
            p.updatedAt = Instant.now(clock);
        }
        p.flush();
    }

    private static String summary(Customisation c) {
        return c.overrides().size() + " overrides, " + (c.additions().activities().size() + c.additions().steps().size()
                + c.additions().dependencies().size()) + " additions, " + c.exclusions().size() + " exclusions";
    }

    TemplateRef templateRef(Plan p) {
        VersionInfo v = templates.version(p.templateVersionId);
        return new TemplateRef(v.templateId(), v.templateCode(), v.templateName(), v.number(),
                templates.latestPublished(v.templateId()).map(VersionInfo::number).orElse(null));
    }

    PlanSummary summary(Plan p) {
        return new PlanSummary(p.id, p.series, p.revision, p.partner, p.name, p.status, templateRef(p), p.ownerName,
                p.ownerEmail, p.reviewDate, p.reviewOverdue, p.author, p.approvedBy, p.approvedAt, p.version, p.updatedAt);
    }

    PlanView view(Plan p) {
        return new PlanView(p.id, p.series, p.revision, p.partner, p.name, p.status, templateRef(p), p.ownerName, p.ownerEmail,
                p.reviewDate, p.reviewOverdue, p.author, p.submittedBy, p.submittedAt, p.approvedBy, p.approvedAt,
                p.approvalNote, p.supersededAt, json.read(p.customisation, Customisation.class),
                json.read(p.specifics, Specifics.class), p.version, p.createdAt, p.updatedAt);
    }
}
