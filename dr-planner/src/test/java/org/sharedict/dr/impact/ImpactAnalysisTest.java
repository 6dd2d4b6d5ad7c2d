package org.sharedict.dr.impact;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sharedict.dr.impact.ImpactAnalysis.Assessed;
import org.sharedict.dr.impact.ImpactDtos.ActivityImpact;
import org.sharedict.dr.impact.ImpactDtos.Assessment;
import org.sharedict.dr.impact.ImpactDtos.Finding;
import org.sharedict.dr.impact.ImpactDtos.FindingKind;
import org.sharedict.dr.impact.ImpactScale.ImpactCategory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.sharedict.dr.impact.Plans.activity;
import static org.sharedict.dr.impact.Plans.plan;

/** MTPD from impact over time, and RPO against the backup regime, on one-activity plans. */
class ImpactAnalysisTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 7, 1);

    private static ActivityImpact one(int tier, int rto, Integer rpo, Integer mtpd, Assessment s) {
        var r = ImpactAnalysis.analyse(
                plan(activity("payroll", tier, rto, rpo, mtpd)), Map.of("payroll", new Assessed(s, 3)), TODAY, 12);
        return r.activities().get(0);
    }

    private static List<FindingKind> kinds(ActivityImpact a) {
        return a.findings().stream().map(Finding::kind).toList();
    }

    private static Assessment ratings(Map<ImpactCategory, List<Integer>> r) {
        return new Assessment(r, null, false, null);
    }

    @Test
    void theMtpdIsTheFirstTimePointWhereAnyCategoryReachesMajor() {
        var a = one(
                2,
                1440,
                null,
                null,
                ratings(Map.of(
                        ImpactCategory.FINANCIAL, List.of(1, 2, 3, 4, 5),
                        ImpactCategory.STATUTORY_LEGAL, List.of(1, 1, 4, 4, 5),
                        ImpactCategory.REPUTATION, List.of(1, 1, 2, 3, 3))));
        assertEquals(1440, a.proposedMtpdMinutes());
        assertEquals(List.of(ImpactCategory.STATUTORY_LEGAL), a.unacceptable().categories());
        assertEquals(List.of(1, 2, 4, 4, 5), a.worstByTimePoint());
        assertEquals(List.of(FindingKind.RTO_NOT_BELOW_MTPD), kinds(a), "an RTO equal to the MTPD is not below it");
        assertEquals(3L, a.assessmentVersion());
        assertEquals(
                "RTO 1 d is not below the MTPD of 1 d the impact ratings propose (statutory legal unacceptable by then)",
                a.findings().get(0).message());
    }

    @Test
    void anRtoBelowTheMtpdOrRatingsThatNeverReachMajorAreFine() {
        var below = one(2, 1439, null, null, ratings(Map.of(ImpactCategory.FINANCIAL, List.of(1, 2, 4, 5, 5))));
        assertEquals(List.of(), kinds(below));
        var mild = one(2, 99999, null, null, ratings(Map.of(ImpactCategory.REPUTATION, List.of(1, 1, 2, 3, 3))));
        assertNull(mild.proposedMtpdMinutes());
        assertNull(mild.unacceptable());
        assertEquals(List.of(), kinds(mild));
        var stated = one(2, 1440, null, 1440, Assessment.NONE);
        assertEquals(List.of(FindingKind.RTO_NOT_BELOW_STATED_MTPD), kinds(stated));
    }

    @Test
    void backupsLessFrequentThanTheRpoAreFlagged() {
        var a = one(2, 240, 60, null, new Assessment(Map.of(), 1440, true, TODAY.minusMonths(1)));
        assertEquals(List.of(FindingKind.RPO_NOT_MET_BY_BACKUPS), kinds(a));
        assertEquals(
                "backups every 1 d cannot meet an RPO of 1 h",
                a.findings().get(0).message());
        var ok = one(2, 240, 60, null, new Assessment(Map.of(), 60, true, TODAY.minusMonths(1)));
        assertEquals(List.of(), kinds(ok));
        var none = one(2, 240, 60, null, Assessment.NONE);
        assertEquals(List.of(FindingKind.NO_BACKUP), kinds(none));
    }

    @Test
    void tierOneNeedsAnOfflineCopy() {
        var t1 = one(1, 240, 60, null, new Assessment(Map.of(), 60, false, TODAY));
        assertEquals(List.of(FindingKind.NO_OFFLINE_COPY), kinds(t1));
        var t2 = one(2, 240, 60, null, new Assessment(Map.of(), 60, false, TODAY));
        assertEquals(List.of(), kinds(t2));
        var noData = one(1, 240, null, null, Assessment.NONE);
        assertEquals(List.of(), kinds(noData), "an activity with no RPO and no backups holds no data to copy");
    }

    @Test
    void restoreTestsOlderThanTwelveMonthsAreStale() {
        var edge = one(2, 240, 60, null, new Assessment(Map.of(), 60, true, TODAY.minusMonths(12)));
        assertEquals(List.of(), kinds(edge), "exactly twelve months ago is not older than twelve months");
        var stale = one(
                2,
                240,
                60,
                null,
                new Assessment(Map.of(), 60, true, TODAY.minusMonths(12).minusDays(1)));
        assertEquals(List.of(FindingKind.RESTORE_TEST_STALE), kinds(stale));
        var never = one(2, 240, 60, null, new Assessment(Map.of(), 60, true, null));
        assertEquals(List.of(FindingKind.NO_RESTORE_TEST), kinds(never));
    }
}
