package org.sharedict.rota.incidents;

import java.time.Instant;

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
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Formula;

import org.sharedict.rota.contacts.Urgency;

/** A page: raised for a partner, escalated along a policy until acknowledged, then resolved. */
@Entity
@DynamicUpdate // Only the changed columns: a step or an attempt must not rewrite the whole row.
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    public enum Severity {
        CRITICAL,
        HIGH,
        MEDIUM,
        LOW
    }

    public enum Status {
        TRIGGERED,
        ACKNOWLEDGED,
        RESOLVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 16)
    public String partner;

    @Column(nullable = false, length = 500)
    public String summary;

    @Column(columnDefinition = "TEXT")
    public String details;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Severity severity;

    /** The severity's rank, LOW 1 to CRITICAL 4, for sorting: the stored names sort alphabetically, not by how severe. */
    @Formula("CASE severity WHEN 'LOW' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'HIGH' THEN 3 WHEN 'CRITICAL' THEN 4 END")
    Integer severityRank;

    /** From the severity, by the escalation policy when the incident was raised: how its pages go. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Urgency urgency = Urgency.HIGH;

    @Column(name = "dedup_key", length = 200)
    public String dedupKey;

    /** partner|dedupKey while open, null once resolved: unique, so one open incident per key. */
    @Column(name = "open_key", length = 220)
    public String openKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    /** The status in lifecycle order, TRIGGERED 1 to RESOLVED 3, for sorting. */
    @Formula("CASE status WHEN 'TRIGGERED' THEN 1 WHEN 'ACKNOWLEDGED' THEN 2 WHEN 'RESOLVED' THEN 3 END")
    Integer statusRank;

    @Column(name = "policy_id")
    public Long policyId;

    @Column(name = "policy_name", length = 200)
    public String policyName;

    /** The last step notified (0-based; -1 before the first). */
    @Column(nullable = false)
    public int step;

    /** The pass through the policy (0-based; it repeats {@code repeatCount} times). */
    @Column(nullable = false)
    public int pass;

    @Column(name = "next_step_at")
    public Instant nextStepAt;

    @Column(nullable = false)
    public int occurrences;

    /** When this incident's dedup key was last raised again ({@link #createdAt} is when it was first seen). */
    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    @Column(name = "raised_by", nullable = false, length = 120)
    public String raisedBy;

    /** Who raised it in words (the token's name: an API key's, a person's), for pages. */
    @Column(name = "raised_by_name", length = 200)
    public String raisedByName;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by", length = 120)
    public String acknowledgedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by", length = 120)
    public String resolvedBy;

    /** What raised a call-out (e.g. dr-invocation:42), and where to read about it. */
    @Column(name = "external_ref", length = 200)
    public String externalRef;

    @Column(name = "external_url", length = 1000)
    public String externalUrl;

    @Version
    public long version;
}
