package org.sharedict.rota.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.sharedict.platform.partnership.Partnership;

/**
 * The partnership's out-of-hours calendar. Working hours are {@code dayStart}–{@code dayEnd} local
 * time on a working day (Monday to Friday, not a bank holiday); every other instant is out of hours:
 * weekday evenings and nights, whole weekends and whole bank holidays. Boundaries are local wall
 * times turned into instants in {@code zone}, so a window that spans a daylight-saving change has
 * its true length in real hours.
 */
public record OutOfHoursCalendar(ZoneId zone, LocalTime dayStart, LocalTime dayEnd, Set<LocalDate> bankHolidays) {

    /** The partnership's zone (Europe/London unless set otherwise: {@link Partnership#zone()}). */
    public static final ZoneId ZONE = Partnership.zone();

    public OutOfHoursCalendar {
        if (!dayStart.isBefore(dayEnd)) {
            throw new IllegalArgumentException("the working day must start before it ends");
        }
        bankHolidays = Set.copyOf(bankHolidays);
    }

    public static OutOfHoursCalendar london(Set<LocalDate> bankHolidays) {
        return new OutOfHoursCalendar(ZONE, LocalTime.of(8, 30), LocalTime.of(17, 30), bankHolidays);
    }

    public boolean isWorkingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY
                && d.getDayOfWeek() != DayOfWeek.SUNDAY
                && !bankHolidays.contains(d);
    }

    public boolean isOutOfHours(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        if (!isWorkingDay(local.toLocalDate())) {
            return true;
        }
        Interval working = workingHours(local.toLocalDate());
        return !working.contains(t);
    }

    /** The working hours of a working day as real time. */
    Interval workingHours(LocalDate d) {
        return new Interval(
                ZonedDateTime.of(d, dayStart, zone).toInstant(),
                ZonedDateTime.of(d, dayEnd, zone).toInstant());
    }

    /** The out-of-hours windows that meet [from, to), clipped to it, in order. */
    public List<Interval> windows(Instant from, Instant to) {
        List<Interval> out = new ArrayList<>();
        if (!to.isAfter(from)) {
            return out;
        }
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        Instant cursor = from;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (!isWorkingDay(d)) {
                continue;
            }
            Interval work = workingHours(d).clip(from, to);
            if (work == null) {
                continue;
            }
            if (work.start().isAfter(cursor)) {
                out.add(new Interval(cursor, work.start()));
            }
            if (work.end().isAfter(cursor)) {
                cursor = work.end();
            }
        }
        if (to.isAfter(cursor)) {
            out.add(new Interval(cursor, to));
        }
        return out;
    }

    /** The whole out-of-hours window containing {@code t} (looked for within 21 days either side), or null in working hours. */
    public Interval windowAround(Instant t) {
        if (!isOutOfHours(t)) {
            return null;
        }
        Instant from = t.minusSeconds(21L * 86_400);
        Instant to = t.plusSeconds(21L * 86_400);
        for (Interval w : windows(from, to)) {
            if (w.contains(t)) {
                return w;
            }
        }
        return null;
    }
}
