package org.sharedict.dr.exercises;

import java.time.Instant;
import java.time.LocalDate;

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

/** A rehearsal of a plan: what was tried, what was found, and who will fix what by when. */
@Entity
@Table(name = "dr_exercise")
public class Exercise extends PanacheEntityBase {

    public enum Type {
        TABLETOP,
        WALKTHROUGH,
        LIVE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(nullable = false, length = 16)
    public String partner;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Type type;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String scope;

    @Column(columnDefinition = "TEXT")
    public String summary;

    /** JSON list of findings (text). */
    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    public String findings;

    /** JSON list of {@link ExerciseDtos.Action}. */
    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    public String actions;

    @Column(name = "created_by", nullable = false, length = 120)
    public String createdBy;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
