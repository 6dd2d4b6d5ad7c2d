package org.sharedict.dr.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.sharedict.dr.model.Customisation;

/**
 * One revision of a partner's DR plan. It points at the template version it derives from and
 * keeps only the partner's own customisation and specifics; the effective plan is computed.
 */
@Entity
@Table(name = "dr_plan")
public class Plan extends PanacheEntityBase {

    public enum Status {
        DRAFT,
        SUBMITTED,
        APPROVED,
        SUPERSEDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Shared by every revision of the same plan. */
    @Column(nullable = false, length = 36)
    public String series;

    @Column(nullable = false)
    public int revision;

    @Column(nullable = false, length = 16)
    public String partner;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "template_version_id", nullable = false)
    public Long templateVersionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    /** {@link Customisation} as JSON. */
    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    public String customisation;

    /** {@link PlanDtos.Specifics} as JSON. */
    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    public String specifics;

    @Column(name = "owner_name", length = 200)
    public String ownerName;

    @Column(name = "owner_email", length = 254)
    public String ownerEmail;

    @Column(name = "review_date")
    public LocalDate reviewDate;

    @Column(name = "review_overdue", nullable = false)
    public boolean reviewOverdue;

    @Column(name = "review_reminded_at")
    public Instant reviewRemindedAt;

    @Column(nullable = false, length = 120)
    public String author;

    /** The author's address from their token, for the approval or rejection e-mail. */
    @Column(name = "author_email", length = 254)
    public String authorEmail;

    /** When the last submission's e-mail to the approvers was written, and to how many. */
    @Column(name = "approval_mail_at")
    public Instant approvalMailAt;

    @Column(name = "approval_mail_sent")
    public Integer approvalMailSent;

    /** Why the last submission told no approver (the gateway's directory did not answer, nobody has an address). */
    @Column(name = "approval_mail_problem", length = 500)
    public String approvalMailProblem;

    @Column(name = "submitted_by", length = 120)
    public String submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "approved_by", length = 120)
    public String approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approval_note", columnDefinition = "TEXT")
    public String approvalNote;

    @Column(name = "superseded_at")
    public Instant supersededAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static List<Plan> revisions(String series) {
        return list("series = ?1 order by revision", series);
    }
}
