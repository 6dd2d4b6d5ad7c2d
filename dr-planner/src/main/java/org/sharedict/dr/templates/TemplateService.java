package org.sharedict.dr.templates;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.dr.model.ContentRules;
import org.sharedict.dr.model.Customisation;
import org.sharedict.dr.model.PlanMerger;
import org.sharedict.dr.model.RecoveryGraph;
import org.sharedict.dr.model.TemplateContent;
import org.sharedict.dr.templates.TemplateDtos.NewTemplate;
import org.sharedict.dr.templates.TemplateDtos.NewVersion;
import org.sharedict.dr.templates.TemplateDtos.TemplateUpdate;
import org.sharedict.dr.templates.TemplateDtos.TemplateView;
import org.sharedict.dr.templates.TemplateDtos.VersionSummary;
import org.sharedict.dr.templates.TemplateDtos.VersionUpdate;
import org.sharedict.dr.templates.TemplateDtos.VersionView;
import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.json.Json;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.Problem.FieldError;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.web.ETags;

/** The generic DR templates: drafting versions, publishing them (then they never change). Admins only write. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class TemplateService {

    private static final Map<String, String> SORTS = Map.of("code", "code", "name", "name", "updatedAt", "updatedAt");

    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final Json json;
    private final TemplateContents contents;

    public TemplateService(Caller caller, Auditor audit, Clock clock, Json json, TemplateContents contents) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.contents = contents;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TemplateView> list(PageRequest page) {
        return Page.of(Template.<Template>findAll(page.toSort(SORTS, "name", "id")), page, this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateView get(long id) {
        return view(template(id));
    }

    public TemplateView create(NewTemplate in) {
        if (Template.count("code", in.code()) > 0) {
            throw ProblemException.duplicate("code", in.code());
        }
        Template t = new Template();
        t.code = in.code();
        t.name = in.name().trim();
        t.description = in.description();
        t.createdAt = t.updatedAt = Instant.now(clock);
        t.persistAndFlush();
        audit.created("dr-template", t.id, null, Map.of("code", t.code, "name", t.name));
        return view(t);
    }

    public TemplateView update(long id, TemplateUpdate in, String ifMatch) {
        Template t = template(id);
        ETags.requireMatch(t, ifMatch, in.version());
        Changes changes = Changes.track()
                .field("name", t.name, in.name().trim())
                .field("description", t.description, in.description());
        t.name = in.name().trim();
        t.description = in.description();
        if (!changes.isEmpty()) {
            t.updatedAt = Instant.now(clock);
        }
        t.flush();
        audit.updated("dr-template", t.id, null, changes);
        return view(t);
    }

    public VersionView createVersion(long templateId, NewVersion in) {
        Template t = template(templateId);
        List<TemplateVersion> versions = TemplateVersion.of(templateId);
        if (versions.stream().anyMatch(v -> v.status == TemplateVersion.Status.DRAFT)) {
            throw ProblemException.conflict(
                    "Template " + t.code + " already has a draft version; edit or publish it first");
        }
        TemplateContent content;
        if (in != null && in.content() != null) {
            content = checked(in.content());
        } else if (in != null && in.copyFrom() != null) {
            content = contents.read(TemplateVersion.find(templateId, in.copyFrom())
                    .orElseThrow(() -> ProblemException.invalid(
                            "copyFrom", "template " + t.code + " has no version " + in.copyFrom())));
        } else {
            content = versions.isEmpty() ? TemplateContent.empty() : contents.read(versions.get(versions.size() - 1));
        }
        TemplateVersion v = new TemplateVersion();
        v.templateId = templateId;
        v.number = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).number + 1;
        v.status = TemplateVersion.Status.DRAFT;
        v.notes = in == null ? null : in.notes();
        v.content = json.write(content);
        v.activityCount = content.activities().size();
        v.createdBy = caller.username();
        v.createdAt = v.updatedAt = Instant.now(clock);
        v.persistAndFlush();
        t.updatedAt = v.updatedAt;
        audit.created("dr-template-version", t.code + "/" + v.number, null, Map.of("activities", v.activityCount));
        return view(t, v, content);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VersionView getVersion(long templateId, int number) {
        Template t = template(templateId);
        TemplateVersion v = version(t, number);
        return view(t, v, contents.read(v));
    }

    public VersionView updateVersion(long templateId, int number, VersionUpdate in, String ifMatch) {
        Template t = template(templateId);
        TemplateVersion v = version(t, number);
        ETags.requireMatch(v, ifMatch, in.version());
        requireDraft(t, v);
        TemplateContent content = checked(in.content());
        Changes changes = Changes.track()
                .field("notes", v.notes, in.notes())
                .field("activities", v.activityCount, content.activities().size());
        v.notes = in.notes();
        v.content = json.write(content);
        v.activityCount = content.activities().size();
        v.updatedAt = t.updatedAt = Instant.now(clock);
        v.flush();
        audit.record(
                "UPDATE",
                "dr-template-version",
                t.code + "/" + v.number,
                null,
                changes.isEmpty() ? Map.of("content", "edited") : changes.asMap());
        return view(t, v, content);
    }

    /** Publishing fixes the version for good, so it must already be a plan someone could follow: no cycles. */
    public VersionView publish(long templateId, int number) {
        Template t = template(templateId);
        TemplateVersion v = version(t, number);
        requireDraft(t, v);
        TemplateContent content = contents.read(v);
        if (content.activities().isEmpty()) {
            throw ProblemException.unprocessable(
                    "empty-template",
                    "Nothing to publish",
                    "Version " + number + " of " + t.code + " has no activities");
        }
        RecoveryGraph.of(PlanMerger.merge(content, Customisation.none()).plan()).recoveryOrder();
        v.status = TemplateVersion.Status.PUBLISHED;
        v.publishedAt = Instant.now(clock);
        v.publishedBy = caller.username();
        v.updatedAt = t.updatedAt = v.publishedAt;
        v.flush();
        audit.record(
                "PUBLISH", "dr-template-version", t.code + "/" + v.number, null, Map.of("activities", v.activityCount));
        return view(t, v, content);
    }

    public void deleteVersion(long templateId, int number) {
        Template t = template(templateId);
        TemplateVersion v = version(t, number);
        requireDraft(t, v);
        v.delete();
        audit.deleted("dr-template-version", t.code + "/" + number, null, Map.of("activities", v.activityCount));
    }

    static Template template(long id) {
        return Template.<Template>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Template", id));
    }

    static TemplateVersion version(Template t, int number) {
        return TemplateVersion.find(t.id, number)
                .orElseThrow(() -> ProblemException.notFound("Version of template " + t.code, number));
    }

    private static void requireDraft(Template t, TemplateVersion v) {
        if (v.status != TemplateVersion.Status.DRAFT) {
            throw ProblemException.conflict("Version " + v.number + " of " + t.code
                            + " is published and cannot change; create a new version")
                    .with("currentState", v.status);
        }
    }

    private static TemplateContent checked(TemplateContent content) {
        List<FieldError> errors = ContentRules.check(content);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.stream()
                    .map(e -> new FieldError("content." + e.field(), e.message(), e.rejected()))
                    .toList());
        }
        return content;
    }

    private TemplateView view(Template t) {
        List<VersionSummary> versions =
                TemplateVersion.of(t.id).stream().map(VersionSummary::of).toList();
        Integer latest = versions.stream()
                .filter(v -> v.status() == TemplateVersion.Status.PUBLISHED)
                .map(VersionSummary::number)
                .reduce((a, b) -> b)
                .orElse(null);
        return new TemplateView(
                t.id, t.code, t.name, t.description, latest, versions, t.version, t.createdAt, t.updatedAt);
    }

    private static VersionView view(Template t, TemplateVersion v, TemplateContent c) {
        int deps = c.activities().stream().mapToInt(a -> a.dependsOn().size()).sum();
        return new VersionView(
                t.id,
                t.code,
                t.name,
                v.number,
                v.status,
                v.notes,
                c.activities().size(),
                deps,
                c,
                v.createdBy,
                v.publishedAt,
                v.publishedBy,
                v.version,
                v.createdAt,
                v.updatedAt);
    }
}
