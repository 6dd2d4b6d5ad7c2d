package org.sharedict.skills.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.partnership.Partnership;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.skills.directory.LeaveDtos.LeaveInput;
import org.sharedict.skills.directory.LeaveDtos.LeaveView;
import org.sharedict.skills.platform.Dates;

/**
 * The partnership's one record of leave. Periods are entered here or written through by
 * rota-service (which reads them back for its rotas). A profile's "away until" and the periods
 * agree both ways: entering "away until" ends the leave running now and adds a period up to that
 * day; a period that touches today moves "away until" to the first day no period touches (a
 * period ending at 09:00 keeps that whole day away, so nobody shows as available while away),
 * when it is added and on its first day (the nightly run); removing it brings the person back.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class LeaveBook {

    static final Duration LONGEST = Duration.ofDays(366);
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    private final Caller caller;
    private final PersonAccess access;
    private final Auditor audit;
    private final Clock clock;

    LeaveBook(Caller caller, PersonAccess access, Auditor audit, Clock clock) {
        this.caller = caller;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Periods meeting [from, to), of one person or everyone, earliest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LeaveView> list(Long personId, Instant from, Instant to) {
        List<LeavePeriod> periods = personId == null
                ? LeavePeriod.list("endsAt > ?1 and startsAt < ?2 order by startsAt, id", from, to)
                : LeavePeriod.list(
                        "personId = ?1 and endsAt > ?2 and startsAt < ?3 order by startsAt, id", personId, from, to);
        List<Long> ids = periods.stream().map(l -> l.personId).distinct().toList();
        Map<Long, Person> people = ids.isEmpty()
                ? Map.of()
                : Person.<Person>list("from Person p join fetch p.partner where p.id in ?1", ids).stream()
                        .collect(Collectors.toMap(p -> p.id, p -> p));
        return periods.stream()
                .filter(l -> people.containsKey(l.personId))
                .map(l -> view(l, people.get(l.personId)))
                .toList();
    }

    public LeaveView add(long personId, LeaveInput in) {
        requirePeriod(in.start(), in.end());
        Person p = person(personId);
        access.requireManageOrSelf(PersonRef.of(p));
        LeavePeriod l = period(p, in.start(), in.end(), in.reason());
        LeaveView v = view(l, p);
        audit.created("leave", l.id, p.partner.code, v);
        extend(p);
        return v;
    }

    public void delete(long personId, long leaveId) {
        Person p = person(personId);
        LeavePeriod l = LeavePeriod.<LeavePeriod>findByIdOptional(leaveId)
                .filter(x -> x.personId == personId)
                .orElseThrow(() -> ProblemException.notFound("Leave", leaveId));
        access.requireManageOrSelf(PersonRef.of(p));
        LeaveView last = view(l, p);
        LocalDate today = Dates.today(clock);
        boolean touchesToday = touches(l, today);
        l.delete();
        l.flush();
        audit.deleted("leave", leaveId, p.partner.code, last);
        if (touchesToday) {
            // The leave that kept them away is gone: they are back unless another period still holds them.
            LocalDate until = awayFrom(p.id, today);
            set(p, until.equals(today) ? null : until, until.equals(today) ? null : reasonOn(p.id, today));
        }
    }

    /**
     * A profile's "away until" was entered or changed (the caller's rights are the profile edit's):
     * the leave running now ends now and, when {@code until} is after today, a period from now to
     * the start of that day is added. The profile keeps the date as entered.
     */
    void awayUntil(Person p, LocalDate until, String reason) {
        Instant now = Instant.now(clock);
        for (LeavePeriod l :
                LeavePeriod.<LeavePeriod>list("personId = ?1 and startsAt <= ?2 and endsAt > ?2", p.id, now)) {
            if (l.startsAt.isBefore(now)) {
                l.endsAt = now;
            } else {
                l.delete();
            }
        }
        if (until != null && until.isAfter(Dates.today(clock))) {
            period(p, now, startOf(until), reason);
        }
        LeavePeriod.flush();
    }

    /** Moves the person's "away until" later when periods touching today (or running on from it) say so. */
    void extend(Person p) {
        LocalDate today = Dates.today(clock);
        LocalDate seed = p.unavailableUntil != null && p.unavailableUntil.isAfter(today) ? p.unavailableUntil : today;
        LocalDate until = awayFrom(p.id, seed);
        if (until.isAfter(seed)) {
            set(p, until, seed.equals(today) ? reasonOn(p.id, today) : p.unavailableReason);
        }
    }

    /** The first day, from {@code day} on, that no period of theirs touches. */
    private static LocalDate awayFrom(long personId, LocalDate day) {
        List<LeavePeriod> periods =
                LeavePeriod.list("personId = ?1 and endsAt > ?2 order by startsAt, id", personId, startOf(day));
        boolean moved = true;
        while (moved) {
            moved = false;
            for (LeavePeriod l : periods) {
                LocalDate back = backOn(l.endsAt);
                if (touches(l, day) && back.isAfter(day)) {
                    day = back;
                    moved = true;
                }
            }
        }
        return day;
    }

    private static boolean touches(LeavePeriod l, LocalDate day) {
        return l.startsAt.isBefore(startOf(day.plusDays(1))) && l.endsAt.isAfter(startOf(day));
    }

    /** The reason of the first period touching the day (null when none says why). */
    private static String reasonOn(long personId, LocalDate day) {
        return LeavePeriod.<LeavePeriod>list(
                        "personId = ?1 and startsAt < ?2 and endsAt > ?3 order by startsAt, id",
                        personId,
                        startOf(day.plusDays(1)),
                        startOf(day))
                .stream()
                .map(l -> l.reason)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private void set(Person p, LocalDate until, String reason) {
        if (!Objects.equals(until, p.unavailableUntil) || !Objects.equals(reason, p.unavailableReason)) {
            p.unavailableUntil = until;
            p.unavailableReason = reason;
            p.updatedAt = Instant.now(clock);
        }
    }

    /** Re-checks everyone whose leave starts today or started yesterday: the nightly run. */
    public int extendDue() {
        LocalDate today = Dates.today(clock);
        List<Long> ids = LeavePeriod.getEntityManager()
                .createQuery(
                        "select distinct l.personId from LeavePeriod l where l.startsAt >= :f and l.startsAt < :t",
                        Long.class)
                .setParameter("f", startOf(today.minusDays(1)))
                .setParameter("t", startOf(today.plusDays(1)))
                .getResultList();
        for (Long id : ids) {
            Person.<Person>findByIdOptional(id).ifPresent(this::extend);
        }
        return ids.size();
    }

    private LeavePeriod period(Person p, Instant start, Instant end, String reason) {
        LeavePeriod l = new LeavePeriod();
        l.personId = p.id;
        l.startsAt = start;
        l.endsAt = end;
        l.reason = reason == null || reason.isBlank() ? null : reason.trim();
        l.createdBy = caller.username();
        l.createdAt = Instant.now(clock);
        l.persistAndFlush();
        return l;
    }

    /** Instants are stored as DATETIME: the years 1970 to 2999, as in rota-service. */
    static Instant requireSupported(String field, Instant t) {
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw ProblemException.invalid(field, "must be in the years 1970 to 2999");
        }
        return t;
    }

    static void requirePeriod(Instant start, Instant end) {
        requireSupported("start", start);
        requireSupported("end", end);
        if (end.equals(LATEST)) {
            throw ProblemException.invalid("end", "must be in the years 1970 to 2999");
        }
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("end", "must be after start");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw ProblemException.invalid("end", "a period is at most 366 days long");
        }
    }

    private static Person person(long id) {
        return Person.<Person>find("from Person p join fetch p.partner where p.id = ?1", id)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Person", id));
    }

    /** The first day the person is back: the day the period ends, or the next when it ends during a day. */
    private static LocalDate backOn(Instant end) {
        LocalDate d = LocalDate.ofInstant(end, zone());
        return startOf(d).equals(end) ? d : d.plusDays(1);
    }

    private static Instant startOf(LocalDate d) {
        return d.atStartOfDay(zone()).toInstant();
    }

    private static ZoneId zone() {
        return Partnership.zone();
    }

    static LeaveView view(LeavePeriod l, Person p) {
        return new LeaveView(
                l.id, l.personId, p.partner.code, p.name, l.startsAt, l.endsAt, l.reason, l.createdBy, l.createdAt);
    }
}
