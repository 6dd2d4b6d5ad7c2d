package org.sharedict.rota.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.sharedict.rota.schedule.Coverage;
import org.sharedict.rota.schedule.Expander;
import org.sharedict.rota.schedule.Interval;
import org.sharedict.rota.schedule.Layer;
import org.sharedict.rota.schedule.OutOfHoursCalendar;
import org.sharedict.rota.schedule.RotaPlan;
import org.sharedict.rota.schedule.Shift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who is told of a change to a rota, at every time of day: the shifts compared are whole shifts
 * meeting [now, now + horizon), so whoever is on call across now, across the horizon or across a
 * clock change is told only when their own shifts change. The clocks change on 29 March and
 * 25 October 2026.
 */
class ShiftNoticesTest {

    private static final OutOfHoursCalendar CALENDAR = OutOfHoursCalendar.london(Set.of(
            LocalDate.of(2026, 4, 3),
            LocalDate.of(2026, 4, 6),
            LocalDate.of(2026, 5, 4),
            LocalDate.of(2026, 5, 25),
            LocalDate.of(2026, 8, 31),
            LocalDate.of(2026, 12, 25)));
    private static final Duration HORIZON = Duration.ofDays(56);
    private static final LocalDateTime FIRST_HANDOFF = LocalDateTime.of(2026, 1, 5, 9, 0);

    /** A weekly out-of-hours rota of three, handing off on Mondays at 09:00, with any overrides. */
    private static RotaPlan plan(Coverage coverage, RotaPlan.Override... overrides) {
        return new RotaPlan(
                1,
                "notices",
                coverage,
                FIRST_HANDOFF,
                7,
                Map.of(Layer.PRIMARY, List.of(1L, 2L, 3L)),
                List.of(overrides),
                List.of(),
                List.of());
    }

    private static List<Shift> told(RotaPlan plan, Instant now) {
        return Expander.whole(plan, CALENDAR, now, now.plus(HORIZON));
    }

    private static Instant london(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute)
                .atZone(CALENDAR.zone())
                .toInstant();
    }

    /** Every 53 minutes (so every time of day) over both clock changes and the weeks before them, and either side of every shift edge. */
    private static List<Instant> instants(RotaPlan plan) {
        List<Instant> out = new ArrayList<>();
        for (Instant[] span : List.of(
                new Instant[] {london(2026, 2, 1, 0, 0), london(2026, 4, 5, 0, 0)},
                new Instant[] {london(2026, 8, 20, 0, 0), london(2026, 11, 1, 0, 0)})) {
            for (Instant t = span[0]; t.isBefore(span[1]); t = t.plus(Duration.ofMinutes(53))) {
                out.add(t);
            }
            for (Shift s : Expander.shifts(plan, CALENDAR, span[0].minus(HORIZON), span[1])) {
                for (Instant edge : List.of(
                        s.start(), s.end(), s.start().minus(HORIZON), s.end().minus(HORIZON))) {
                    out.add(edge.minusMillis(1));
                    out.add(edge);
                    out.add(edge.plusMillis(1));
                }
            }
        }
        return out;
    }

    @Test
    void theShiftsComparedAreWholeAcrossNowTheHorizonAndClockChanges() {
        for (Coverage coverage : Coverage.values()) {
            RotaPlan plan = plan(coverage);
            List<Shift> all = Expander.shifts(plan, CALENDAR, london(2025, 12, 1, 0, 0), london(2027, 3, 1, 0, 0));
            for (Instant now : instants(plan)) {
                Instant horizon = now.plus(HORIZON);
                List<Shift> expected = all.stream()
                        .filter(s -> s.end().isAfter(now) && s.start().isBefore(horizon))
                        .toList();
                assertEquals(expected, told(plan, now), coverage + " at " + now);
            }
        }
    }

    @Test
    void aShiftRunningAcrossNowTheHorizonOrAClockChangeIsToldWhole() {
        RotaPlan plan = plan(Coverage.OUT_OF_HOURS);
        // Tuesday 24 March 2026, 23:00: the night from 17:30 to Wednesday 08:30 is under way.
        Instant now = london(2026, 3, 24, 23, 0);
        List<Shift> told = told(plan, now);
        assertEquals(
                new Interval(london(2026, 3, 24, 17, 30), london(2026, 3, 25, 8, 30)),
                new Interval(told.get(0).start(), told.get(0).end()));
        // The spring weekend that follows is 62 real hours, and October's (across the horizon of 29 August) 64.
        Shift spring = told.stream()
                .filter(s -> s.start().equals(london(2026, 3, 27, 17, 30)))
                .findFirst()
                .orElseThrow();
        assertEquals(Duration.ofHours(62), spring.length());
        Instant august = london(2026, 8, 29, 12, 0);
        List<Shift> autumn = told(plan, august);
        Shift last = autumn.get(autumn.size() - 1);
        assertTrue(last.contains(august.plus(HORIZON)), "the last shift runs across the horizon: " + last);
        assertEquals(
                new Interval(london(2026, 10, 23, 17, 30), london(2026, 10, 26, 8, 30)),
                new Interval(last.start(), last.end()));
        assertEquals(Duration.ofHours(64), last.length());
    }

    @Test
    void aChangeTellsOnlyThePeopleWhoseShiftsItMovesWhateverTheTimeOfDay() {
        // Person 9 covers one evening of person 2's week, in the week after the October change.
        Instant evening = london(2026, 11, 3, 17, 30);
        RotaPlan.Override cover = new RotaPlan.Override(
                1, Layer.PRIMARY, 9, new Interval(evening, evening.plus(Duration.ofHours(15))), "swap of evenings");
        for (Coverage coverage : Coverage.values()) {
            RotaPlan before = plan(coverage);
            RotaPlan after = plan(coverage, cover);
            Shift moved = Expander.at(before, CALENDAR, Layer.PRIMARY, evening).orElseThrow();
            assertEquals(2L, moved.personId());
            int told = 0;
            for (Instant now : instants(before)) {
                Set<Long> changed = ShiftNotices.whoseShiftsChanged(told(before, now), told(after, now));
                Set<Long> expected = new HashSet<>();
                if (moved.end().isAfter(now) && moved.start().isBefore(now.plus(HORIZON))) {
                    expected.add(2L);
                }
                if (cover.period().overlaps(now, now.plus(HORIZON))) {
                    expected.add(9L);
                }
                assertEquals(expected, changed, coverage + " at " + now);
                told += expected.size();
            }
            assertTrue(told > 1000, "the change was in view often enough to prove something: " + told);
        }
    }

    @Test
    void nobodyIsToldWhenNothingChanged() {
        RotaPlan plan = plan(Coverage.OUT_OF_HOURS);
        for (Instant now : instants(plan)) {
            assertEquals(
                    Set.of(),
                    ShiftNotices.whoseShiftsChanged(told(plan, now), told(plan(Coverage.OUT_OF_HOURS), now)),
                    "at " + now);
        }
    }
}
