package org.sharedict.skills.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.sharedict.skills.search.Ranking.Candidate;
import org.sharedict.skills.search.Ranking.Held;
import org.sharedict.skills.search.Ranking.Ranked;
import org.sharedict.skills.search.Ranking.Wanted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scoring rules, over hand-picked cases and many random ones. */
class RankingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final LocalDate STALE_BEFORE = TODAY.minusMonths(6);
    private static final Wanted CITRIX = new Wanted(1, "CITRIX", "Citrix");
    private static final Wanted VMWARE = new Wanted(2, "VMWARE", "VMware vSphere");

    private static Candidate person(String name, boolean helps, LocalDate away, Held... held) {
        Map<Long, Held> map = new HashMap<>();
        for (Held h : held) {
            map.put(h.skillId(), h);
        }
        return new Candidate(
                name.hashCode() & 0xffff, name, helps, 8, away, away == null ? null : "Annual leave", TODAY, map);
    }

    private static Ranked rank(Candidate c, Wanted... wanted) {
        return Ranking.rank(c, List.of(wanted), TODAY, STALE_BEFORE, 6);
    }

    @Test
    void aVerifiedCertifiedAuthorityWhoIsAvailableScoresFullMarks() {
        Ranked r = rank(person("Top", true, null, new Held(1, 5, true, true, TODAY)), CITRIX);
        assertEquals(100.0, r.score());
        assertEquals(
                List.of(
                        "holds the requested skill",
                        "Citrix: level 5 (authority), verified by a manager",
                        "in-date certification for CITRIX",
                        "skills confirmed within the last 6 months",
                        "offers 8 hours a month to other partners"),
                r.reasons());
    }

    @Test
    void eachPartWeighsAsDocumented() {
        Held base = new Held(1, 5, true, true, TODAY);
        assertEquals(
                100 - Ranking.VERIFIED,
                rank(person("a", true, null, new Held(1, 5, false, true, TODAY)), CITRIX)
                        .score());
        assertEquals(
                100 - Ranking.CERTIFICATION,
                rank(person("b", true, null, new Held(1, 5, true, null, TODAY)), CITRIX)
                        .score());
        assertEquals(
                100 - Ranking.RECENT,
                rank(person("c", true, null, new Held(1, 5, true, true, STALE_BEFORE.minusDays(1))), CITRIX)
                        .score());
        assertEquals(
                100 - Ranking.AVAILABLE,
                rank(person("d", false, null, base), CITRIX).score());
        assertEquals(
                100 - Ranking.LEVEL / 5,
                rank(person("e", true, null, new Held(1, 4, true, true, TODAY)), CITRIX)
                        .score());
        // Half the requested skills: half of the per-skill parts, all of availability.
        assertEquals(
                50 + Ranking.AVAILABLE / 2,
                rank(person("f", true, null, base), CITRIX, VMWARE).score());
    }

    @Test
    void expiredCertificationAndLeaveAreExplained() {
        Ranked r = rank(person("Away", true, TODAY.plusDays(3), new Held(1, 3, false, false, null)), CITRIX);
        assertFalse(r.available());
        assertTrue(
                r.reasons().contains("certification expired for CITRIX"),
                r.reasons().toString());
        assertTrue(
                r.reasons().contains("unavailable until " + TODAY.plusDays(3) + " (Annual leave)"),
                r.reasons().toString());
        assertTrue(
                r.reasons().contains("no level verified by a manager yet"),
                r.reasons().toString());
    }

    @Test
    void aSkillNeverConfirmedFallsBackToTheProfileDateAndStaleOnesAreFlagged() {
        Candidate c = new Candidate(
                7, "Old", true, 0, null, null, TODAY.minusYears(2), Map.of(1L, new Held(1, 3, false, null, null)));
        Ranked r = rank(c, CITRIX);
        assertTrue(r.stale());
        assertTrue(r.matched().get(0).stale());
        assertEquals(TODAY.minusYears(2), r.matched().get(0).lastConfirmed());
        assertTrue(
                r.reasons().contains("CITRIX not confirmed since " + TODAY.minusYears(2) + " (stale)"),
                r.reasons().toString());
        assertTrue(
                r.reasons().contains("offers help to other partners"),
                r.reasons().toString());
    }

    @Test
    void returningOnTheirDateMakesSomeoneAvailableThatDay() {
        assertTrue(rank(person("Back", true, TODAY, new Held(1, 3, false, null, TODAY)), CITRIX)
                .available());
        assertFalse(rank(person("Tomorrow", true, TODAY.plusDays(1), new Held(1, 3, false, null, TODAY)), CITRIX)
                .available());
    }

    // ---- properties over random inputs ---------------------------------------------------------

    private static Held randomHeld(Random rnd, long skillId) {
        Boolean cert = switch (rnd.nextInt(3)) {
            case 0 -> null;
            case 1 -> Boolean.TRUE;
            default -> Boolean.FALSE;
        };
        LocalDate confirmed = rnd.nextInt(5) == 0 ? null : TODAY.minusDays(rnd.nextInt(800));
        return new Held(skillId, 1 + rnd.nextInt(5), rnd.nextBoolean(), cert, confirmed);
    }

    private static Candidate randomCandidate(Random rnd, int id, List<Wanted> wanted) {
        Map<Long, Held> held = new HashMap<>();
        for (Wanted w : wanted) {
            if (rnd.nextInt(4) > 0) {
                held.put(w.skillId(), randomHeld(rnd, w.skillId()));
            }
        }
        LocalDate away = rnd.nextInt(4) == 0 ? TODAY.plusDays(rnd.nextInt(20) - 10) : null;
        return new Candidate(
                id,
                "P" + rnd.nextInt(50),
                rnd.nextBoolean(),
                rnd.nextInt(20),
                away,
                null,
                rnd.nextBoolean() ? null : TODAY.minusDays(rnd.nextInt(800)),
                held);
    }

    private static List<Wanted> randomWanted(Random rnd) {
        List<Wanted> wanted = new ArrayList<>();
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            wanted.add(new Wanted(100 + i, "S" + i, "Skill " + i));
        }
        return wanted;
    }

    @Test
    void scoresStayBetweenZeroAndAHundredAndEveryRequestedSkillIsEitherMatchedOrMissing() {
        Random rnd = new Random(20261122);
        for (int i = 0; i < 5000; i++) {
            List<Wanted> wanted = randomWanted(rnd);
            Ranked r = Ranking.rank(randomCandidate(rnd, i, wanted), wanted, TODAY, STALE_BEFORE, 6);
            assertTrue(r.score() >= 0 && r.score() <= 100, "score " + r.score());
            assertEquals(wanted.size(), r.matched().size() + r.missing().size());
            assertFalse(r.reasons().isEmpty());
        }
    }

    @Test
    void improvingAnyPartNeverLowersTheScore() {
        Random rnd = new Random(42);
        for (int i = 0; i < 5000; i++) {
            List<Wanted> wanted = randomWanted(rnd);
            Candidate c = randomCandidate(rnd, i, wanted);
            double before = Ranking.rank(c, wanted, TODAY, STALE_BEFORE, 6).score();
            Wanted w = wanted.get(rnd.nextInt(wanted.size()));
            Held h = c.held().get(w.skillId());
            Held better = h == null
                    ? randomHeld(rnd, w.skillId())
                    : switch (rnd.nextInt(4)) {
                        case 0 ->
                            new Held(
                                    h.skillId(),
                                    Math.min(5, h.level() + 1),
                                    h.verified(),
                                    h.certification(),
                                    h.lastConfirmed());
                        case 1 -> new Held(h.skillId(), h.level(), true, h.certification(), h.lastConfirmed());
                        case 2 -> new Held(h.skillId(), h.level(), h.verified(), Boolean.TRUE, h.lastConfirmed());
                        default -> new Held(h.skillId(), h.level(), h.verified(), h.certification(), TODAY);
                    };
            Map<Long, Held> held = new HashMap<>(c.held());
            held.put(w.skillId(), better);
            Candidate improved = new Candidate(
                    c.personId(),
                    c.name(),
                    c.helpOtherPartners(),
                    c.helpHoursPerMonth(),
                    c.unavailableUntil(),
                    c.unavailableReason(),
                    c.lastConfirmed(),
                    held);
            double after =
                    Ranking.rank(improved, wanted, TODAY, STALE_BEFORE, 6).score();
            assertTrue(after >= before, "improving " + h + " to " + better + " lowered " + before + " to " + after);
            Candidate available = new Candidate(
                    c.personId(), c.name(), true, c.helpHoursPerMonth(), null, null, c.lastConfirmed(), c.held());
            assertTrue(Ranking.rank(available, wanted, TODAY, STALE_BEFORE, 6).score() >= before);
        }
    }

    @Test
    void orderIsTotalStableAndPutsFullerMatchesFirst() {
        Random rnd = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<Wanted> wanted = randomWanted(rnd);
            List<Ranked> ranked = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ranked.add(Ranking.rank(randomCandidate(rnd, i, wanted), wanted, TODAY, STALE_BEFORE, 6));
            }
            List<Ranked> once = new ArrayList<>(ranked);
            once.sort(Ranking.ORDER);
            List<Ranked> shuffled = new ArrayList<>(ranked);
            Collections.shuffle(shuffled, rnd);
            shuffled.sort(Ranking.ORDER);
            assertEquals(once, shuffled, "the order must not depend on the input order");
            for (int i = 1; i < once.size(); i++) {
                Ranked a = once.get(i - 1);
                Ranked b = once.get(i);
                assertTrue(a.matched().size() >= b.matched().size());
                if (a.matched().size() == b.matched().size()) {
                    assertTrue(a.score() >= b.score());
                }
            }
        }
    }
}
