package org.sharedict.dr.impact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.sharedict.dr.impact.ImpactScale.ImpactCategory;

/**
 * One activity's business impact ratings and backup regime, for every revision of a partner's plan
 * (the plan's series): they are facts about the partner, reassessed on their own cycle.
 */
@Entity
@Table(name = "dr_activity_impact")
public class ActivityAssessment extends PanacheEntityBase {

    /** How the ratings are stored: a JSON object of category to five ratings. */
    public record StoredRatings(Map<ImpactCategory, List<Integer>> ratings) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 36)
    public String series;

    @Column(nullable = false, length = 16)
    public String partner;

    @Column(name = "activity_key", nullable = false, length = 64)
    public String activityKey;

    /** JSON {@link StoredRatings}. */
    @Column(nullable = false, columnDefinition = "TEXT")
    public String ratings;

    @Column(name = "backup_frequency_minutes")
    public Integer backupFrequencyMinutes;

    @Column(name = "offline_copy", nullable = false)
    public boolean offlineCopy;

    @Column(name = "last_restore_test")
    public LocalDate lastRestoreTest;

    @Column(name = "updated_by", nullable = false, length = 120)
    public String updatedBy;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
