package org.sharedict.skills.aid.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One partner asking another for help: what is needed, when, and where the request has got to. */
@Entity
@Table(name = "aid_request")
public class HelpRequest extends PanacheEntityBase {

    public enum Urgency {
        ROUTINE,
        URGENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "requester_partner", nullable = false, length = 16)
    public String requesterPartner;

    @Column(name = "requested_by", nullable = false, length = 120)
    public String requestedBy;

    /** The asking manager's own address when they are ICT staff too (the token's person claim). */
    @Column(name = "requester_email", length = 254)
    public String requesterEmail;

    @Column(name = "helper_partner", nullable = false, length = 16)
    public String helperPartner;

    /** The person asked for by name, or (once approved) the one the helper's manager put on it. */
    @Column(name = "helper_person_id")
    public Long helperPersonId;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false, length = 2000)
    public String reason;

    /** Both null: as soon as possible. */
    @Column(name = "needed_from")
    public LocalDate neededFrom;

    @Column(name = "needed_to")
    public LocalDate neededTo;

    @Column(name = "expected_minutes", nullable = false)
    public int expectedMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Urgency urgency;

    @Column(name = "out_of_hours", nullable = false)
    public boolean outOfHours;

    @Column(name = "on_site", nullable = false)
    public boolean onSite;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public RequestStatus status;

    @Column(name = "decision_reason", length = 1000)
    public String decisionReason;

    @Column(name = "decided_by", length = 120)
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "done_at")
    public Instant doneAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "aid_request_skill", joinColumns = @JoinColumn(name = "request_id"))
    @Column(name = "skill", length = 40, nullable = false)
    public Set<String> skills = new TreeSet<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
