package org.sharedict.dr.invocations;

import java.time.Instant;
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

/** One step of the live checklist: its state and who moved it when. */
@Entity
@Table(name = "dr_invocation_step")
public class InvocationStep extends PanacheEntityBase {

    public enum State {
        PENDING,
        IN_PROGRESS,
        DONE,
        SKIPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "activity_id", nullable = false)
    public Long activityId;

    @Column(nullable = false)
    public int position;

    @Column(name = "step_key", nullable = false, length = 64)
    public String stepKey;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(columnDefinition = "TEXT")
    public String instructions;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Column(length = 40)
    public String skill;

    @Column(name = "owner_role", length = 100)
    public String ownerRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public State state;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "updated_by", length = 120)
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(columnDefinition = "TEXT")
    public String note;

    @Version
    public long version;

    public static List<InvocationStep> ofActivities(List<Long> activityIds) {
        return activityIds.isEmpty() ? List.of() : list("activityId in ?1 order by activityId, position", activityIds);
    }
}
