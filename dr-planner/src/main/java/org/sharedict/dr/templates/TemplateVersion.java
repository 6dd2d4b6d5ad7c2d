package org.sharedict.dr.templates;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.sharedict.dr.model.TemplateContent;

/** One numbered version of a template: editable while DRAFT, fixed once PUBLISHED (plans derive from it). */
@Entity
@Table(name = "dr_template_version")
public class TemplateVersion extends PanacheEntityBase {

    public enum Status {
        DRAFT,
        PUBLISHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "template_id", nullable = false)
    public Long templateId;

    @Column(nullable = false)
    public int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(columnDefinition = "TEXT")
    public String notes;

    /**
     * {@link TemplateContent} as JSON. Loaded only when read: listing
     * versions or finding the latest one should not fetch megabytes of content.
     */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    public String content;

    @Column(name = "activity_count", nullable = false)
    public int activityCount;

    @Column(name = "created_by", nullable = false, length = 120)
    public String createdBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by", length = 120)
    public String publishedBy;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<TemplateVersion> find(long templateId, int number) {
        return find("templateId = ?1 and number = ?2", templateId, number).firstResultOptional();
    }

    public static List<TemplateVersion> of(long templateId) {
        return list("templateId = ?1 order by number", templateId);
    }

    public static Optional<TemplateVersion> latestPublished(long templateId) {
        return find("templateId = ?1 and status = ?2 order by number desc", templateId, Status.PUBLISHED)
                .firstResultOptional();
    }
}
