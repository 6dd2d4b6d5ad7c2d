package org.sharedict.dr.plans;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

import org.sharedict.dr.model.Customisation;
import org.sharedict.dr.model.PlanMerger;
import org.sharedict.dr.plans.PlanDtos.CustomisationUpdate;
import org.sharedict.dr.plans.PlanDtos.NewPlan;
import org.sharedict.dr.plans.PlanDtos.PlanSummary;
import org.sharedict.dr.plans.PlanDtos.PlanUpdate;
import org.sharedict.dr.plans.PlanDtos.PlanView;
import org.sharedict.dr.plans.PlanDtos.Specifics;
import org.sharedict.dr.templates.TemplateContents;
import org.sharedict.dr.templates.TemplateContents.TemplateInfo;
import org.sharedict.dr.templates.TemplateContents.VersionInfo;
import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.json.Json;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;

/**
 * Drafting partner plans: a plan derives from a published template version and keeps only its own
 * customisation and specifics; each revision is a draft until submitted ({@link PlanApprovals}),
 * and the next revision starts as a draft copy. A DR lead changes only their own partner's plans;
 * approved revisions never change.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PlanService {

    private static final Map<String, String> SORTS = Map.of(
            "name",
            "name",
            "partner",
            "partner",
            "status",
            "status",
            "reviewDate",
            "reviewDate",
            "updatedAt",
            "updatedAt",
            "revision",
            "revision");

    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final Json json;
    private final TemplateContents templates;
    private final PlanLoader loader;

    public PlanService(
            Caller caller, Auditor audit, Clock clock, Json json, TemplateContents templates, PlanLoader loader) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.templates = templates;
        this.loader = loader;
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
        return Page.of(
                Plan.<Plan>find(where.toString(), page.toSort(SORTS, "partner,name,revision", "id"), params),
                page,
                loader::summary);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanView get(long id) {
        return loader.view(PlanLoader.plan(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanSummary> revisions(long id) {
        return Plan.revisions(PlanLoader.plan(id).series).stream()
                .map(loader::summary)
                .toList();
    }

    public PlanView create(NewPlan in) {
        String partner = in.partner().toUpperCase();
        caller.requireEditRightsFor(partner, Roles.DR_LEAD);
        TemplateInfo t = templates.template(in.templateId());
        VersionInfo tv = in.templateVersion() == null
                ? templates
                        .latestPublished(t.id())
                        .orElseThrow(() -> ProblemException.invalid(
                                "templateId", "template " + t.code() + " has no published version yet"))
                : templates
                        .version(t.id(), in.templateVersion())
                        .orElseThrow(() -> ProblemException.invalid(
                                "templateVersion", "template " + t.code() + " has no version " + in.templateVersion()));
        if (!tv.published()) {
            throw ProblemException.invalid(
                    "templateVersion", "version " + tv.number() + " of " + t.code() + " is not published yet");
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
        return loader.view(p);
    }

    public PlanView update(long id, PlanUpdate in, String ifMatch) {
        Plan p = loader.draft(id, ifMatch, in.version());
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
        return loader.view(p);
    }

    public PlanView customise(long id, CustomisationUpdate in, String ifMatch) {
        Plan p = loader.draft(id, ifMatch, in.version());
        Customisation c = in.customisation();
        PlanMerger.Result merged = PlanMerger.merge(templates.content(p.templateVersionId), c);
        if (!merged.ok()) {
            throw ProblemException.invalid(merged.errors());
        }
        String stored = json.write(c);
        Changes changes = Changes.track()
                .field("customisation", summary(json.read(p.customisation, Customisation.class)), summary(c));
        p.customisation = stored;
        touch(p, changes);
        audit.record("UPDATE", "dr-plan", p.id, p.partner, Map.of("customisation", summary(c)));
        return loader.view(p);
    }

    public void delete(long id, String ifMatch) {
        Plan p = PlanLoader.plan(id);
        caller.requireEditRightsFor(p.partner, Roles.DR_LEAD);
        if (ifMatch != null) {
            ETags.requireMatch(p, ifMatch, null);
        }
        if (p.status != Plan.Status.DRAFT) {
            throw ProblemException.conflict("Only a draft can be deleted; this revision is " + p.status)
                    .with("currentState", p.status);
        }
        Map<String, Object> last = Map.of("name", p.name, "revision", p.revision);
        p.delete();
        audit.deleted("dr-plan", id, p.partner, last);
    }

    /** Starts the next revision as a draft copy; approved revisions themselves never change. */
    public PlanView newRevision(long id) {
        Plan from = PlanLoader.plan(id);
        caller.requireEditRightsFor(from.partner, Roles.DR_LEAD);
        List<Plan> all = Plan.revisions(from.series);
        all.stream()
                .filter(r -> r.status == Plan.Status.DRAFT || r.status == Plan.Status.SUBMITTED)
                .findFirst()
                .ifPresent(open -> {
                    throw ProblemException.conflict("Revision " + open.revision + " of this plan is still "
                                    + open.status + "; finish it first")
                            .with("openRevisionId", open.id);
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
        return loader.view(p);
    }

    private void touch(Plan p, Changes changes) {
        if (!changes.isEmpty()) {
            p.updatedAt = Instant.now(clock);
        }
        p.flush();
    }

    private static String summary(Customisation c) {
        return c.overrides().size() + " overrides, "
                + (c.additions().activities().size()
                        + c.additions().steps().size()
                        + c.additions().dependencies().size())
                + " additions, " + c.exclusions().size() + " exclusions";
    }
}
