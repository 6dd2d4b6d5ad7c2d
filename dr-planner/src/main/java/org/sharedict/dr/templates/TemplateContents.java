package org.sharedict.dr.templates;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.dr.model.TemplateContent;
import org.sharedict.platform.json.Json;

/**
 * Template versions as the plans feature reads them: which template and number a version is, and
 * its content. Plans keep only a version's id, so they ask here rather than reading the template
 * tables, and the rules of templates (published content never changes) stay in this room.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TemplateContents {

    /** A template, by its id, code and name. */
    public record TemplateInfo(long id, String code, String name) {}

    /** One numbered version of a template, without its content. */
    public record VersionInfo(
            long templateId, String templateCode, String templateName, long versionId, int number, boolean published) {}

    private final Json json;

    private final Map<Long, TemplateContent> published = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, TemplateContent> eldest) {
            return size() > 16;
        }
    };

    public TemplateContents(Json json) {
        this.json = json;
    }

    /** The template, or 404. */
    public TemplateInfo template(long id) {
        Template t = TemplateService.template(id);
        return new TemplateInfo(t.id, t.code, t.name);
    }

    /** The version with this id (a plan's own version, which always exists). */
    public VersionInfo version(long versionId) {
        TemplateVersion v = TemplateVersion.findById(versionId);
        return info(Template.findById(v.templateId), v);
    }

    public Optional<VersionInfo> version(long templateId, int number) {
        return TemplateVersion.find(templateId, number).map(v -> info(Template.findById(templateId), v));
    }

    public Optional<VersionInfo> latestPublished(long templateId) {
        return TemplateVersion.latestPublished(templateId).map(v -> info(Template.findById(templateId), v));
    }

    /** The content of the version with this id. */
    public TemplateContent content(long versionId) {
        return read(TemplateVersion.findById(versionId));
    }

    /**
     * A version's content. Published versions never change, so their parsed content is kept (a
     * few recent ones): every analysis, export and invocation of a plan starts from it.
     */
    TemplateContent read(TemplateVersion v) {
        if (v.status != TemplateVersion.Status.PUBLISHED) {
            return json.read(v.content, TemplateContent.class);
        }
        synchronized (published) {
            TemplateContent cached = published.get(v.id);
            if (cached != null) {
                return cached;
            }
        }
        TemplateContent content = json.read(v.content, TemplateContent.class);
        synchronized (published) {
            published.put(v.id, content);
        }
        return content;
    }

    private static VersionInfo info(Template t, TemplateVersion v) {
        return new VersionInfo(t.id, t.code, t.name, v.id, v.number, v.status == TemplateVersion.Status.PUBLISHED);
    }
}
