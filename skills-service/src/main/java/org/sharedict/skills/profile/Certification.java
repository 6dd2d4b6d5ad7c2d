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
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.sharedict.skills.taxonomy.Skill;

/** A certification a person holds (CCNA, Citrix CCP-V…), optionally evidencing one skill; may expire. */
@Entity
public class Certification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The holder, a person of the directory: referenced by ID, as the directory's entities stay in the directory. */
    @Column(name = "person_id", nullable = false)
    public long personId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "skill_id")
    public Skill skill;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 200)
    public String issuer;

    @Column(length = 100)
    public String number;

    public LocalDate obtained;

    /** Null for certifications that never expire. */
    public LocalDate expires;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean validOn(LocalDate day) {
        return expires == null || !expires.isBefore(day);
    }
}
