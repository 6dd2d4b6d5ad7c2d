package org.sharedict.rota.rotas;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.LeaveDirectory;
import org.sharedict.rota.people.People;
import org.sharedict.rota.platform.Times;
import org.sharedict.rota.rotas.RotaDtos.LeaveInput;
import org.sharedict.rota.rotas.RotaDtos.LeaveView;
import org.sharedict.rota.schedule.Shift;

/**
 * Leave: a person is away from every rota they are on; the people whose shifts move (they and their
 * cover) are told. skills-service owns leave: an entry here is written there first (nothing is
 * written when it cannot be), then kept in rota-service's copy ({@link LeaveSync}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class LeaveService {

    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final People people;
    private final ShiftService shifts;
    private final Event<ShiftsChanged> shiftsChanged;
    private final LeaveDirectory owner;

    @Inject
    LeaveService(
            Caller caller,
            Auditor audit,
            Clock clock,
            People people,
            ShiftService shifts,
            Event<ShiftsChanged> shiftsChanged,
            LeaveDirectory owner) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.people = people;
        this.shifts = shifts;
        this.shiftsChanged = shiftsChanged;
        this.owner = owner;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LeaveView> leave(Long personId, Instant from, Instant to) {
        Times.requireRange("to", from, to, RotaRules.MAX_RANGE);
        List<PersonLeave> list = personId == null
                ? PersonLeave.list("endsAt > ?1 and startsAt < ?2 order by startsAt, id", from, to)
                : PersonLeave.list(
                        "personId = ?1 and endsAt > ?2 and startsAt < ?3 order by startsAt, id", personId, from, to);
        Map<Long, Contact> known =
                people.find(list.stream().map(l -> l.personId).toList());
        return list.stream().map(l -> leaveView(l, known.get(l.personId))).toList();
    }

    public LeaveView addLeave(LeaveInput in) {
        RotaRules.requirePeriod(in.start(), in.end());
        Map<Long, Contact> found = people.requireExisting(List.of(new People.Wanted("personId", in.personId())));
        Contact person = found.get(in.personId());
        requireLeaveRights(person);
        List<Rota> rotas = rotasOf(in.personId());
        Instant now = Instant.now(clock);
        Map<Long, List<Shift>> before = new LinkedHashMap<>();
        rotas.forEach(r -> before.put(r.id, shifts.upcoming(r, now)));
        String reason = in.reason() == null || in.reason().isBlank()
                ? null
                : in.reason().trim();
        LeaveDirectory.Away recorded = owner.add(in.personId(), in.start(), in.end(), reason);
        // A read of skills-service's leave on another request may have copied it already.
        PersonLeave l = PersonLeave.<PersonLeave>find("skillsLeaveId", recorded.id())
                .firstResultOptional()
                .orElseGet(PersonLeave::new);
        l.skillsLeaveId = recorded.id();
        l.personId = in.personId();
        l.startsAt = recorded.start();
        l.endsAt = recorded.end();
        l.reason = recorded.reason();
        l.createdBy = caller.username();
        l.createdAt = now;
        l.persistAndFlush();
        LeaveView v = leaveView(l, person);
        audit.created("leave", l.id, person.partner(), v);
        rotas.forEach(
                r -> shiftsChanged.fire(new ShiftsChanged(r.name, before.get(r.id), shifts.upcoming(r, now), false)));
        return v;
    }

    public void deleteLeave(long leaveId) {
        PersonLeave l = PersonLeave.<PersonLeave>findByIdOptional(leaveId)
                .orElseThrow(() -> ProblemException.notFound("Leave", leaveId));
        Contact person = people.find(l.personId).orElse(null);
        requireLeaveRights(person);
        List<Rota> rotas = rotasOf(l.personId);
        Instant now = Instant.now(clock);
        Map<Long, List<Shift>> before = new LinkedHashMap<>();
        rotas.forEach(r -> before.put(r.id, shifts.upcoming(r, now)));
        LeaveView last = leaveView(l, person);
        if (l.skillsLeaveId != null) {
            owner.remove(l.personId, l.skillsLeaveId);
        }
        l.delete();
        l.flush();
        audit.deleted("leave", leaveId, person == null ? null : person.partner(), last);
        rotas.forEach(
                r -> shiftsChanged.fire(new ShiftsChanged(r.name, before.get(r.id), shifts.upcoming(r, now), false)));
    }

    private static LeaveView leaveView(PersonLeave l, Contact p) {
        return new LeaveView(
                l.id,
                l.personId,
                p == null ? null : p.name(),
                l.startsAt,
                l.endsAt,
                l.reason,
                l.createdBy,
                l.createdAt);
    }

    /** Managers record leave for their own partner's people; engineers for themselves; admins for anyone. */
    private void requireLeaveRights(Contact person) {
        if (caller.isAdmin()) {
            return;
        }
        if (person != null
                && caller.personId().map(id -> id.equals(person.personId())).orElse(false)) {
            return;
        }
        if (!caller.hasRole(Roles.MANAGER)) {
            throw ProblemException.forbidden(
                    "Only the person themselves, their manager or an admin may record their leave");
        }
        if (person == null || !caller.isOf(person.partner())) {
            throw ProblemException.forbidden("Managers record leave only for people of their own partner");
        }
    }

    private static List<Rota> rotasOf(long personId) {
        return Rota.list("select distinct r from Rota r join r.members m where m.personId = ?1", personId);
    }
}
