package org.sharedict.rota.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutOfHoursCalendarTest {

    @Test
    void bankHolidaysJoinTheWeekendIntoOneWindow() {
        // Christmas 2026: Friday 25th and the Boxing Day substitute on Monday 28th.
        OutOfHoursCalendar cal =
                OutOfHoursCalendar.london(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));
        List<Interval> w = cal.windows(Instant.parse("2026-12-24T12:00:00Z"), Instant.parse("2026-12-29T12:00:00Z"));
        assertEquals(
                List.of(new Interval(Instant.parse("2026-12-24T17:30:00Z"), Instant.parse("2026-12-29T08:30:00Z"))), w);
        assertEquals(Duration.ofHours(111), w.get(0).length());
        assertTrue(cal.isOutOfHours(Instant.parse("2026-12-28T12:00:00Z")));
        assertFalse(OutOfHoursCalendar.london(Set.of()).isOutOfHours(Instant.parse("2026-12-28T12:00:00Z")));
    }

    @Test
    void weekdayNightsRunFromEveningToMorning() {
        OutOfHoursCalendar cal = OutOfHoursCalendar.london(Set.of());
        List<Interval> w = cal.windows(Instant.parse("2026-01-13T00:00:00Z"), Instant.parse("2026-01-15T00:00:00Z"));
        assertEquals(
                List.of(
                        new Interval(Instant.parse("2026-01-13T00:00:00Z"), Instant.parse("2026-01-13T08:30:00Z")),
                        new Interval(Instant.parse("2026-01-13T17:30:00Z"), Instant.parse("2026-01-14T08:30:00Z")),
                        new Interval(Instant.parse("2026-01-14T17:30:00Z"), Instant.parse("2026-01-15T00:00:00Z"))),
                w);
        assertEquals(
                new Interval(Instant.parse("2026-01-13T17:30:00Z"), Instant.parse("2026-01-14T08:30:00Z")),
                cal.windowAround(Instant.parse("2026-01-14T03:00:00Z")));
    }

    @Test
    void theWorkingDayCanBeChanged() {
        OutOfHoursCalendar cal =
                new OutOfHoursCalendar(OutOfHoursCalendar.ZONE, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());
        assertTrue(cal.isOutOfHours(Instant.parse("2026-01-13T08:45:00Z")));
        assertTrue(cal.isOutOfHours(Instant.parse("2026-01-13T17:00:00Z")));
        assertFalse(cal.isOutOfHours(Instant.parse("2026-01-13T16:59:00Z")));
    }
}
