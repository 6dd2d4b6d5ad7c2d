package org.sharedict.rota.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The clocks go forward at 01:00 GMT on 29 March 2026 and back at 01:00 GMT on 25 October 2026.
 * Shifts are local wall times, so their real length changes; cover must stay continuous.
 */
class DaylightSavingTest {

    private static final OutOfHoursCalendar CALENDAR = OutOfHoursCalendar.london(Set.of());

    private static RotaPlan rota(Coverage coverage, LocalDateTime firstHandoff, int days) {
        return new RotaPlan(
                1,
                "dst",
                coverage,
                firstHandoff,
                days,
                Map.of(Layer.PRIMARY, List.of(1L, 2L, 3L)),
                List.of(),
                List.of(),
                List.of());
    }

    private static void assertContinuous(List<Shift> shifts) {
        for (int i = 1; i < shifts.size(); i++) {
            assertEquals(
                    shifts.get(i - 1).end(),
                    shifts.get(i).start(),
                    "no gap and no overlap between shifts " + (i - 1) + " and " + i);
        }
    }

    @Test
    void springForwardDoesNotLoseAnHourOfCover() {
        // Weekend window: Friday 17:30 GMT to Monday 08:30 BST is 63 local hours but 62 real ones.
        Instant friday = Instant.parse("2026-03-27T17:30:00Z");
        Instant monday = Instant.parse("2026-03-30T07:30:00Z");
        List<Interval> windows = CALENDAR.windows(friday.minusSeconds(60), monday.plusSeconds(60));
        assertEquals(List.of(new Interval(friday, monday)), windows);
        assertEquals(Duration.ofHours(62), windows.get(0).length());

        // A daily 24x7 rota handing off at 09:00: the day with the change is 23 real hours.
        RotaPlan daily = rota(Coverage.ALWAYS, LocalDateTime.of(2026, 3, 20, 9, 0), 1);
        List<Shift> shifts = Expander.shifts(
                daily,
                CALENDAR,
                Layer.PRIMARY,
                Instant.parse("2026-03-27T09:00:00Z"),
                Instant.parse("2026-03-31T08:00:00Z"));
        assertContinuous(shifts);
        assertEquals(
                List.of(Duration.ofHours(24), Duration.ofHours(23), Duration.ofHours(24), Duration.ofHours(24)),
                shifts.stream().map(Shift::length).toList());
        assertEquals(
                Instant.parse("2026-03-29T08:00:00Z"), shifts.get(2).start(), "handoff stays at 09:00 local (BST)");

        // An out-of-hours weekly rota handing off on Saturday at 09:00: cover across the change adds up to the window.
        RotaPlan weekly = rota(Coverage.OUT_OF_HOURS, LocalDateTime.of(2026, 3, 14, 9, 0), 7);
        List<Shift> weekend = Expander.shifts(weekly, CALENDAR, Layer.PRIMARY, friday, monday);
        assertContinuous(weekend);
        assertEquals(Duration.ofHours(62), weekend.stream().map(Shift::length).reduce(Duration.ZERO, Duration::plus));
        assertEquals(Instant.parse("2026-03-28T09:00:00Z"), weekend.get(1).start());
    }

    @Test
    void autumnBackDoesNotDoubleAnHourOfCover() {
        Instant friday = Instant.parse("2026-10-23T16:30:00Z");
        Instant monday = Instant.parse("2026-10-26T08:30:00Z");
        List<Interval> windows = CALENDAR.windows(friday.minusSeconds(60), monday.plusSeconds(60));
        assertEquals(List.of(new Interval(friday, monday)), windows);
        assertEquals(Duration.ofHours(64), windows.get(0).length());

        RotaPlan daily = rota(Coverage.ALWAYS, LocalDateTime.of(2026, 10, 20, 9, 0), 1);
        List<Shift> shifts = Expander.shifts(
                daily,
                CALENDAR,
                Layer.PRIMARY,
                Instant.parse("2026-10-24T08:00:00Z"),
                Instant.parse("2026-10-26T09:00:00Z"));
        assertContinuous(shifts);
        assertEquals(
                List.of(Duration.ofHours(25), Duration.ofHours(24)),
                shifts.stream().map(Shift::length).toList());

        RotaPlan weekly = rota(Coverage.OUT_OF_HOURS, LocalDateTime.of(2026, 10, 17, 9, 0), 7);
        List<Shift> weekend = Expander.shifts(weekly, CALENDAR, Layer.PRIMARY, friday, monday);
        assertContinuous(weekend);
        assertEquals(Duration.ofHours(64), weekend.stream().map(Shift::length).reduce(Duration.ZERO, Duration::plus));
    }

    @Test
    void aHandoffInsideTheMissingHourHappensWhenTheClockResumes() {
        // 01:30 does not exist on 29 March 2026: the handoff is at 02:30 BST (01:30 GMT), a day later 01:30 BST.
        RotaPlan daily = rota(Coverage.ALWAYS, LocalDateTime.of(2026, 3, 27, 1, 30), 1);
        List<Shift> s = Expander.shifts(
                daily,
                CALENDAR,
                Layer.PRIMARY,
                Instant.parse("2026-03-28T01:30:00Z"),
                Instant.parse("2026-03-30T00:30:00Z"));
        assertContinuous(s);
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), s.get(1).start());
        assertEquals(Duration.ofHours(24), s.get(0).length());
        assertEquals(Duration.ofHours(23), s.get(1).length());
    }

    @Test
    void aHandoffInTheRepeatedHourTakesTheFirstOne() {
        // 01:30 happens twice on 25 October 2026; the handoff is at the first (BST, 00:30 GMT).
        RotaPlan daily = rota(Coverage.ALWAYS, LocalDateTime.of(2026, 10, 20, 1, 30), 1);
        List<Shift> s = Expander.shifts(
                daily,
                CALENDAR,
                Layer.PRIMARY,
                Instant.parse("2026-10-24T00:30:00Z"),
                Instant.parse("2026-10-26T01:30:00Z"));
        assertContinuous(s);
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), s.get(1).start());
        assertEquals(Duration.ofHours(25), s.get(1).length());
    }

    @Test
    void aYearOfRoundTheClockCoverIsExactlyTheHoursInTheYear() {
        RotaPlan weekly = rota(Coverage.ALWAYS, LocalDateTime.of(2025, 12, 29, 9, 0), 7);
        Instant from = LocalDate.of(2026, 1, 1).atStartOfDay(CALENDAR.zone()).toInstant();
        Instant to = LocalDate.of(2027, 1, 1).atStartOfDay(CALENDAR.zone()).toInstant();
        List<Shift> s = Expander.shifts(weekly, CALENDAR, Layer.PRIMARY, from, to);
        assertContinuous(s);
        assertEquals(Duration.ofHours(365 * 24), s.stream().map(Shift::length).reduce(Duration.ZERO, Duration::plus));
    }

    @Test
    void weekdayEveningsFollowLocalTimeEitherSideOfTheChange() {
        // 17:30 local is 17:30Z in GMT and 16:30Z in BST.
        assertEquals(true, CALENDAR.isOutOfHours(Instant.parse("2026-03-26T17:30:00Z")));
        assertEquals(false, CALENDAR.isOutOfHours(Instant.parse("2026-03-26T17:29:59Z")));
        assertEquals(true, CALENDAR.isOutOfHours(Instant.parse("2026-03-30T16:30:00Z")));
        assertEquals(false, CALENDAR.isOutOfHours(Instant.parse("2026-03-30T16:29:59Z")));
        assertEquals(LocalTime.of(8, 30), CALENDAR.dayStart());
    }
}
