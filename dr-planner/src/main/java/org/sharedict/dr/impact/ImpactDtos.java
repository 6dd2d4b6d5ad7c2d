package org.sharedict.dr.impact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.sharedict.dr.impact.ImpactScale.ImpactCategory;
import org.sharedict.dr.model.Category;
import org.sharedict.dr.model.Keys;

/** The business impact API's request and response shapes. */
public final class ImpactDtos {

    private ImpactDtos() {}

    /**
     * One activity's assessment. {@code ratings}: per category, five ratings 1–5 at 1 h, 4 h, 24 h,
     * 72 h and 1 week; a category left out is not assessed. The backup regime: how often a backup
     * is taken (null: none), whether an offline or immutable copy exists, the last successful
     * restore test (null: never).
     */
    public record Assessment(
            @Schema(description = "Per impact category, five ratings (1–5) at 1 h, 4 h, 24 h, 72 h and 1 week")
            Map<ImpactCategory, @Size(min = 5, max = 5) List<@NotNull @Min(1) @Max(5) Integer>> ratings,

            @Min(1) @Max(Keys.MAX_MINUTES) @Schema(nullable = true)
            Integer backupFrequencyMinutes,

            boolean offlineCopy,
            @Schema(nullable = true) LocalDate lastRestoreTest) {

        public Assessment {
            ratings = ratings == null ? Map.of() : ratings;
        }

        static final Assessment NONE = new Assessment(Map.of(), null, false, null);
    }

    public record AssessmentInput(
            Map<ImpactCategory, @NotNull @Size(min = 5, max = 5) List<@NotNull @Min(1) @Max(5) Integer>> ratings,

            @Min(1) @Max(Keys.MAX_MINUTES) @Schema(nullable = true)
            Integer backupFrequencyMinutes,

            @Schema(nullable = true) Boolean offlineCopy,
            @Schema(nullable = true) LocalDate lastRestoreTest,

            @Schema(nullable = true, description = "The version read; required when the activity was assessed before")
            Long version) {}

    public record AssessmentView(
            long planId,
            String activityKey,
            Assessment assessment,
            String updatedBy,
            long version,
            Instant updatedAt) {}

    public enum FindingKind {
        /** The activity's RTO is not below the MTPD its impact ratings propose. */
        RTO_NOT_BELOW_MTPD,
        /** The activity's RTO is not below the MTPD the plan states for it. */
        RTO_NOT_BELOW_STATED_MTPD,
        /** An activity others depend on has a looser RTO than one of them needs. */
        RTO_LOOSER_THAN_DEPENDANT,
        /** An activity others depend on has a looser RPO than one of them needs. */
        RPO_LOOSER_THAN_DEPENDANT,
        /** The activity has an RPO but no backup is recorded. */
        NO_BACKUP,
        /** Backups are taken less often than the RPO allows data to be lost. */
        RPO_NOT_MET_BY_BACKUPS,
        /** A tier-1 activity holds data but has no offline or immutable copy (NCSC). */
        NO_OFFLINE_COPY,
        /** Backups are taken but a restore has never been tested. */
        NO_RESTORE_TEST,
        /** The last successful restore test is older than twelve months. */
        RESTORE_TEST_STALE
    }

    public record Finding(FindingKind kind, String activityKey, String message) {}

    /** The first time point at which impact is unacceptable, and in which categories. */
    public record Unacceptable(int atMinutes, List<ImpactCategory> categories) {}

    /**
     * A target an activity inherits from what depends on it: the minutes, the activity that states
     * it, the direct dependant it comes {@code through} and how many {@code hops} away the source is.
     * The whole way is followed through each activity's own {@code through} (kept out of the answer:
     * on deep plans it would repeat every chain for every activity on it).
     */
    public record InheritedTarget(int minutes, String fromKey, String fromName, String through, int hops) {}

    /** A dependency whose own target is looser than a direct dependant needs (its own or inherited). */
    public record LooserDependency(
            String dependencyKey, int dependencyMinutes, String dependantKey, int neededMinutes, String neededBy) {}

    public record ActivityImpact(
            String key,
            String name,
            Category category,
            int tier,
            int rtoMinutes,
            @Schema(nullable = true) Integer rpoMinutes,
            @Schema(nullable = true) Integer statedMtpdMinutes,
            boolean assessed,
            Map<ImpactCategory, List<Integer>> ratings,

            @Schema(description = "The highest rating across categories at each time point (0 when not assessed)")
            List<Integer> worstByTimePoint,

            @Schema(nullable = true) Unacceptable unacceptable,

            @Schema(nullable = true, description = "The first time point where impact becomes unacceptable")
            Integer proposedMtpdMinutes,

            @Schema(nullable = true) InheritedTarget inheritedRto,
            int targetRtoMinutes,
            @Schema(nullable = true) InheritedTarget inheritedRpo,
            @Schema(nullable = true) Integer targetRpoMinutes,
            @Schema(nullable = true) Integer backupFrequencyMinutes,
            boolean offlineCopy,
            @Schema(nullable = true) LocalDate lastRestoreTest,

            @Schema(nullable = true, description = "Version of the stored assessment; null when not assessed")
            Long assessmentVersion,

            List<Finding> findings) {}

    public record Scale(
            List<Integer> timePointsMinutes,
            List<ImpactCategory> categories,
            List<String> labels,
            int unacceptableRating,
            int restoreTestMonths) {}

    public record ImpactView(
            long planId,
            int revision,
            String partner,
            Scale scale,
            LocalDate today,
            int assessedCount,
            List<ActivityImpact> activities,
            List<LooserDependency> looserRtos,
            List<LooserDependency> looserRpos,

            @Schema(description = "How many findings of each kind; the findings are listed per activity")
            Map<FindingKind, Integer> findingCounts) {}
}
