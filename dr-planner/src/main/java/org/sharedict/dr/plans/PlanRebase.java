package org.sharedict.dr.plans;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.dr.model.Rebase;
import org.sharedict.dr.plans.PlanDtos.RebaseRequest;
import org.sharedict.dr.plans.PlanDtos.RebaseView;
import org.sharedict.dr.plans.PlanDtos.TemplateRef;
import org.sharedict.dr.templates.TemplateContents;
import org.sharedict.dr.templates.TemplateContents.VersionInfo;
import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.json.Json;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;

/** Moves a draft onto another published version of its template, keeping the partner's customisation. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PlanRebase {

    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final Json json;
    private final TemplateContents templates;
    private final PlanLoader loader;

    public PlanRebase(
            Caller caller, Auditor audit, Clock clock, Json json, TemplateContents templates, PlanLoader loader) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.templates = templates;
        this.loader = loader;
    }

    /** Blocking conflicts answer 409 with the conflicts and change nothing; a dry run only tells. */
    public RebaseView rebase(long id, RebaseRequest in, String ifMatch) {
        Plan p = in.dryRun() ? PlanLoader.plan(id) : loader.draft(id, ifMatch, in.version());
        if (in.dryRun()) {
            caller.requireEditRightsFor(p.partner, Roles.DR_LEAD);
            if (ifMatch != null) {
                // A dry run needs no version, but one that is sent must be the plan's: the answer is about this
                // version.
                ETags.requireMatch(p, ifMatch, in.version());
            }
        }
        LoadedPlan l = loader.load(p);
        TemplateRef from = l.template();
        VersionInfo target = in.templateVersion() == null
                ? templates.latestPublished(from.id()).orElseThrow()
                : templates
                        .version(from.id(), in.templateVersion())
                        .orElseThrow(() -> ProblemException.invalid(
                                "templateVersion",
                                "template " + from.code() + " has no version " + in.templateVersion()));
        if (!target.published()) {
            throw ProblemException.invalid("templateVersion", "version " + target.number() + " is not published");
        }
        if (target.number() == from.version()) {
            throw ProblemException.invalid("templateVersion", "the plan is already on version " + target.number());
        }
        Rebase.Result r = Rebase.onto(l.content(), templates.content(target.versionId()), l.customisation());
        if (r.blocked()) {
            throw ProblemException.of(
                    409,
                    "rebase-conflict",
                    "Rebase conflicts",
                    "Moving onto version " + target.number() + " of " + from.code()
                            + " needs a decision first: "
                            + r.conflicts().stream()
                                    .filter(Rebase.Conflict::blocking)
                                    .map(Rebase.Conflict::detail)
                                    .findFirst()
                                    .orElse(""),
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
        return new RebaseView(
                p.id,
                !in.dryRun(),
                in.dryRun(),
                from.version(),
                target.number(),
                r.keptOverrides(),
                r.keptAdditions(),
                r.keptExclusions(),
                r.conflicts(),
                p.version);
    }
}
