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

    /** LIVE is kept for exercises recorded before SIMULATION and FULL existed; it means a full exercise. */
    public enum Type {
        TABLETOP,
        WALKTHROUGH,
        SIMULATION,
        FULL,
        LIVE
    }

    /** Scheduled ahead, then held (with results). */
    public enum Status {
        SCHEDULED,
        HELD
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    /** JSON list of names. */
    @Column(columnDefinition = "TEXT")
    public String participants;

    /** JSON list of the plan's activity keys the exercise covers. */
    @Column(columnDefinition = "TEXT")
    public String activities;

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
