package org.sharedict.dr.copies;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One approved revision e-mailed to one holder, and whether (and when) they said they have it. */
@Entity
@Table(name = "dr_copy_issue")
public class CopyIssue extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "holder_id", nullable = false)
    public Long holderId;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(nullable = false)
    public int revision;

    /** The acknowledgement link's ID: every link sent for this copy carries it, and it acts once. */
    @Column(name = "token_id", nullable = false, length = 32)
    public String tokenId;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "reminded_at")
    public Instant remindedAt;

    @Column(nullable = false)
    public int reminders;

    static List<CopyIssue> ofHolder(long holderId) {
        return list("holderId = ?1 order by revision desc, id desc", holderId);
    }
}
