package org.sharedict.rota.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.web.ETags;
import org.sharedict.rota.calendar.CalendarDtos.BankHolidayInput;
import org.sharedict.rota.calendar.CalendarDtos.BankHolidayView;
import org.sharedict.rota.calendar.CalendarDtos.CalendarInput;
import org.sharedict.rota.calendar.CalendarDtos.CalendarView;
import org.sharedict.rota.schedule.OutOfHoursCalendar;

/**
 * The out-of-hours calendar. On-call answers need it on every request, so it is kept in memory:
 * reloaded at once after a change made through this instance and at most {@link #REFRESH} after
 * a change made through another one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CalendarService {

    static final Duration REFRESH = Duration.ofSeconds(5);

    private final Clock clock;
    private final Auditor audit;

    CalendarService(Clock clock, Auditor audit) {
        this.clock = clock;
        this.audit = audit;
    }

    private volatile OutOfHoursCalendar cached;
    private volatile Instant loadedAt = Instant.EPOCH;

    @Transactional(Transactional.TxType.SUPPORTS)
    public OutOfHoursCalendar calendar() {
        Instant now = Instant.now(clock);
        OutOfHoursCalendar c = cached;
        // abs(): a clock set back (NTP, a test) must not keep a stale copy until it catches up.
        if (c == null || Duration.between(loadedAt, now).abs().compareTo(REFRESH) > 0) {
            c = load();
            cached = c;
            loadedAt = now;
        }
        return c;
    }

    private OutOfHoursCalendar load() {
        CalendarSettings s = settings();
        Set<LocalDate> days = new HashSet<>();
        for (BankHoliday h : BankHoliday.<BankHoliday>listAll()) {
            days.add(h.day);
        }
        return new OutOfHoursCalendar(ZoneId.of(s.zone), s.dayStart, s.dayEnd, days);
    }

    void changed() {
        cached = null;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CalendarView view() {
        CalendarSettings s = settings();
        return new CalendarView(s.zone, s.dayStart, s.dayEnd, s.version);
    }

    public CalendarView update(CalendarInput in, String ifMatch) {
        CalendarSettings s = settings();
        ETags.requireMatch(s, ifMatch, in.version());
        if (!in.dayStart().isBefore(in.dayEnd())) {
            throw ProblemException.invalid(
                    "dayEnd", "the working day must end after it starts (" + in.dayStart() + ")");
        }
        Changes changes =
                Changes.track().field("dayStart", s.dayStart, in.dayStart()).field("dayEnd", s.dayEnd, in.dayEnd());
        s.dayStart = in.dayStart();
        s.dayEnd = in.dayEnd();
        s.updatedAt = Instant.now(clock);
        s.flush();
        audit.updated("ooh-calendar", s.id, null, changes);
        changed();
        return new CalendarView(s.zone, s.dayStart, s.dayEnd, s.version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BankHolidayView> holidays(Integer year) {
        List<BankHoliday> list = year == null
                ? BankHoliday.list("order by day")
                : BankHoliday.list(
                        "day >= ?1 and day < ?2 order by day", LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        return list.stream().map(BankHolidayView::of).toList();
    }

    public BankHolidayView add(BankHolidayInput in) {
        if (BankHoliday.count("day", in.date()) > 0) {
            throw ProblemException.duplicate("date", in.date().toString());
        }
        BankHoliday h = new BankHoliday();
        h.day = in.date();
        h.name = in.name().trim();
        h.updatedAt = Instant.now(clock);
        h.persistAndFlush();
        audit.created("bank-holiday", h.id, null, Map.of("date", h.day.toString(), "name", h.name));
        changed();
        return BankHolidayView.of(h);
    }

    public BankHolidayView update(long id, BankHolidayInput in, String ifMatch) {
        BankHoliday h = BankHoliday.<BankHoliday>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Bank holiday", id));
        ETags.requireMatch(h, ifMatch, in.version());
        if (!in.date().equals(h.day) && BankHoliday.count("day", in.date()) > 0) {
            throw ProblemException.duplicate("date", in.date().toString());
        }
        Changes changes = Changes.track()
                .field("date", h.day, in.date())
                .field("name", h.name, in.name().trim());
        h.day = in.date();
        h.name = in.name().trim();
        h.updatedAt = Instant.now(clock);
        h.flush();
        audit.updated("bank-holiday", h.id, null, changes);
        changed();
        return BankHolidayView.of(h);
    }

    public void delete(long id) {
        BankHoliday h = BankHoliday.<BankHoliday>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Bank holiday", id));
        BankHolidayView last = BankHolidayView.of(h);
        h.delete();
        audit.deleted("bank-holiday", id, null, last);
        changed();
    }

    private static CalendarSettings settings() {
        CalendarSettings s = CalendarSettings.findById(CalendarSettings.ID);
        if (s == null) {
            throw new IllegalStateException("the out-of-hours calendar row is missing (V2 migration)");
        }
        return s;
    }
}
