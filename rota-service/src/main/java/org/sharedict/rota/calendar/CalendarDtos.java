package org.sharedict.rota.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.sharedict.rota.platform.SupportedTime;

/** The calendar API's shapes. */
public final class CalendarDtos {

    private CalendarDtos() {}

    /** Weekday evenings and nights are out of hours: before {@code dayStart} and from {@code dayEnd}. */
    public record CalendarView(String zone, LocalTime dayStart, LocalTime dayEnd, long version) {}

    public record CalendarInput(
            @NotNull LocalTime dayStart, @NotNull LocalTime dayEnd, Long version) {}

    public record BankHolidayView(long id, LocalDate date, String name, long version) {
        static BankHolidayView of(BankHoliday h) {
            return new BankHolidayView(h.id, h.day, h.name, h.version);
        }
    }

    public record BankHolidayInput(
            @NotNull @SupportedTime LocalDate date,
            @NotBlank @Size(max = 120) String name,
            Long version) {}

    public record WindowView(Instant start, Instant end, double hours) {
        public static WindowView of(Instant start, Instant end) {
            return new WindowView(start, end, Duration.between(start, end).toMinutes() / 60.0);
        }
    }
}
