package org.sharedict.dr.impact;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.dr.impact.ActivityAssessment.StoredRatings;
import org.sharedict.dr.impact.ImpactAnalysis.Assessed;
import org.sharedict.dr.impact.ImpactDtos.Assessment;
import org.sharedict.dr.impact.ImpactDtos.AssessmentInput;
import org.sharedict.dr.impact.ImpactDtos.AssessmentView;
import org.sharedict.dr.impact.ImpactDtos.Finding;
import org.sharedict.dr.impact.ImpactDtos.FindingKind;
import org.sharedict.dr.impact.ImpactDtos.ImpactView;
import org.sharedict.dr.impact.ImpactDtos.Scale;
import org.sharedict.dr.impact.ImpactScale.ImpactCategory;
import org.sharedict.dr.plans.LoadedPlan;
import org.sharedict.dr.plans.PlanLoader;
import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.json.Json;
import org.sharedict.platform.partnership.Partnership;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;

/**
 * Business impact analysis and backup regime of a plan's activities: stored per plan series,
 * analysed against the revision asked about. Changed by the partner's DR lead (or an admin) at any
 * stage of the plan, since they do not change the plan's wording.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ImpactService {

    /** A restore test older than this is stale (NCSC: test restores at least yearly). */
    public static final int RESTORE_TEST_MONTHS = 12;

    private final PlanLoader plans;
    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final Json json;

    public ImpactService(PlanLoader plans, Caller caller, Auditor audit, Clock clock, Json json) {
        this.plans = plans;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ImpactView analyse(long planId) {
        LoadedPlan l = plans.load(planId);
        Map<String, Assessed> stored = new HashMap<>();
        for (ActivityAssessment a :
                ActivityAssessment.<ActivityAssessment>list("series", l.plan().series())) {
            stored.put(a.activityKey, new Assessed(assessment(a), a.version));
        }
        LocalDate today = today();
        ImpactAnalysis.Result r = ImpactAnalysis.analyse(l.effective(), stored, today, RESTORE_TEST_MONTHS);
        int assessed = (int) r.activities().stream().filter(a -> a.assessed()).count();
        return new ImpactView(
                l.plan().id(),
                l.plan().revision(),
                l.plan().partner(),
                scale(),
                today,
                assessed,
                r.activities(),
                r.looserRtos(),
                r.looserRpos(),
                counts(r.findings()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssessmentView assessment(long planId, String activityKey) {
        LoadedPlan l = plans.load(planId);
        ActivityAssessment a = ActivityAssessment.<ActivityAssessment>find(
                        "series = ?1 and activityKey = ?2", l.plan().series(), activityKey)
                .firstResult();
        if (a == null) {
            throw ProblemException.notFound("Assessment of activity", activityKey);
        }
        return new AssessmentView(planId, activityKey, assessment(a), a.updatedBy, a.version, a.updatedAt);
    }

    public AssessmentView assess(long planId, String activityKey, AssessmentInput in, String ifMatch) {
        LoadedPlan l = plans.load(planId);
        caller.requireEditRightsFor(l.plan().partner(), Roles.DR_LEAD);
        if (l.effective().activities().stream().noneMatch(a -> a.key().equals(activityKey))) {
            throw ProblemException.notFound("Activity", activityKey);
        }
        if (in.lastRestoreTest() != null && in.lastRestoreTest().isAfter(today())) {
            throw ProblemException.invalid("lastRestoreTest", "must not be in the future");
        }
        String ratings = json.write(new StoredRatings(ordered(in.ratings())));
        ActivityAssessment a = ActivityAssessment.<ActivityAssessment>find(
                        "series = ?1 and activityKey = ?2", l.plan().series(), activityKey)
                .firstResult();
        Instant now = Instant.now(clock);
        if (a == null) {
            if (ifMatch != null && !ifMatch.isBlank()) {
                // If-Match names a version of something that does not exist yet (RFC 9110): refused.
                throw ProblemException.preconditionFailed(
                        "If-Match names a version, but activity " + activityKey + " has not been assessed yet");
            }
            a = new ActivityAssessment();
            a.series = l.plan().series();
            a.partner = l.plan().partner();
            a.activityKey = activityKey;
            a.createdAt = now;
            apply(a, in, ratings, now);
            a.persistAndFlush();
            audit.created("dr-activity-impact", a.id, a.partner, Map.of("activityKey", activityKey));
        } else {
            ETags.requireMatch(a, ifMatch, in.version());
            Changes changes = Changes.track()
                    .field("ratings", a.ratings, ratings)
                    .field("backupFrequencyMinutes", a.backupFrequencyMinutes, in.backupFrequencyMinutes())
                    .field("offlineCopy", a.offlineCopy, Boolean.TRUE.equals(in.offlineCopy()))
                    .field("lastRestoreTest", a.lastRestoreTest, in.lastRestoreTest());
            apply(a, in, ratings, now);
            a.flush();
            audit.updated("dr-activity-impact", a.id, a.partner, changes);
        }
        return new AssessmentView(planId, activityKey, assessment(a), a.updatedBy, a.version, a.updatedAt);
    }

    private void apply(ActivityAssessment a, AssessmentInput in, String ratings, Instant now) {
        a.ratings = ratings;
        a.backupFrequencyMinutes = in.backupFrequencyMinutes();
        a.offlineCopy = Boolean.TRUE.equals(in.offlineCopy());
        a.lastRestoreTest = in.lastRestoreTest();
        a.updatedBy = caller.username();
        a.updatedAt = now;
    }

    private Assessment assessment(ActivityAssessment a) {
        StoredRatings r = json.read(a.ratings, StoredRatings.class);
        return new Assessment(ordered(r.ratings()), a.backupFrequencyMinutes, a.offlineCopy, a.lastRestoreTest);
    }

    private static Map<ImpactCategory, List<Integer>> ordered(Map<ImpactCategory, List<Integer>> ratings) {
        Map<ImpactCategory, List<Integer>> out = new EnumMap<>(ImpactCategory.class);
        if (ratings != null) {
            ratings.forEach((k, v) -> {
                if (k != null && v != null) {
                    out.put(k, List.copyOf(v));
                }
            });
        }
        return out;
    }

    private static Map<FindingKind, Integer> counts(List<Finding> findings) {
        Map<FindingKind, Integer> out = new EnumMap<>(FindingKind.class);
        for (Finding f : findings) {
            out.merge(f.kind(), 1, Integer::sum);
        }
        return out;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), Partnership.zone());
    }

    static Scale scale() {
        return new Scale(
                ImpactScale.TIME_POINTS,
                List.of(ImpactCategory.values()),
                ImpactScale.LABELS,
                ImpactScale.UNACCEPTABLE,
                RESTORE_TEST_MONTHS);
    }
}
