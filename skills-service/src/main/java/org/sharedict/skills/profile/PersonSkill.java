package org.sharedict.skills.profile;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.sharedict.skills.taxonomy.Skill;

/** A person holds a skill at a level: self-assessed, or verified by a manager (who, when). */
@Entity
@Table(name = "person_skill")
public class PersonSkill extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The holder, a person of the directory: referenced by ID, as the directory's entities stay in the directory. */
    @Column(name = "person_id", nullable = false)
    public long personId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "skill_id")
    public Skill skill;

    @Column(nullable = false)
    public int level;

    @Column(name = "verified_by", length = 120)
    public String verifiedBy;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "last_used")
    public LocalDate lastUsed;

    @Column(name = "last_confirmed")
    public LocalDate lastConfirmed;

    @Column(length = 1000)
    public String notes;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean verified() {
        return verifiedAt != null;
    }
}
