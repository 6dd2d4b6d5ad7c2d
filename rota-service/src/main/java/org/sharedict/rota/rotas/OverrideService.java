package org.sharedict.rota.rotas;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.People;
import org.sharedict.rota.platform.Times;
import org.sharedict.rota.rotas.RotaDtos.OverrideInput;
import org.sharedict.rota.rotas.RotaDtos.OverrideView;
import org.sharedict.rota.schedule.Layer;
import org.sharedict.rota.schedule.Shift;

/** Overrides: someone holds a layer of a rota for a period, whoever is scheduled; the people whose shifts move are told. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class OverrideService {

    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final People people;
    private final RotaRules rules;
    private final ShiftService shifts;
    private final Event<ShiftsChanged> shiftsChanged;

    @Inject
    OverrideService(
            Caller caller,
            Auditor audit,
            Clock clock,
            People people,
            RotaRules rules,
            ShiftService shifts,
            Event<ShiftsChanged> shiftsChanged) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.people = people;
        this.rules = rules;
        this.shifts = shifts;
        this.shiftsChanged = shiftsChanged;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OverrideView> overrides(long rotaId, Instant from, Instant to) {
        Times.requireRange("to", from, to, RotaRules.MAX_RANGE);
        RotaRules.find(rotaId);
        List<RotaOverride> list = RotaOverride.list(
                "rotaId = ?1 and endsAt > ?2 and startsAt < ?3 order by startsAt, id", rotaId, from, to);
        Map<Long, Contact> known =
                people.find(list.stream().map(o -> o.personId).toList());
        return list.stream().map(o -> overrideView(o, known.get(o.personId))).toList();
    }

    public OverrideView addOverride(long rotaId, OverrideInput in) {
        Rota r = RotaRules.find(rotaId);
        rules.requireEditRights(r.partners);
        Layer layer = in.layer() == null ? Layer.PRIMARY : in.layer();
        RotaRules.requirePeriod(in.start(), in.end());
        if (r.members(layer).isEmpty()) {
            throw ProblemException.invalid("layer", "the rota has no " + layer + " layer");
        }
        Map<Long, Contact> found = people.requireExisting(List.of(new People.Wanted("personId", in.personId())));
        Instant now = Instant.now(clock);
        List<Shift> before = shifts.upcoming(r, now);
        RotaOverride o = new RotaOverride();
        o.rotaId = rotaId;
        o.layer = layer;
        o.personId = in.personId();
        o.startsAt = in.start();
        o.endsAt = in.end();
        o.reason = in.reason().trim();
        o.createdBy = caller.username();
        o.createdAt = now;
        o.persistAndFlush();
        OverrideView v = overrideView(o, found.get(o.personId));
        audit.created("rota-override", o.id, null, v);
        shiftsChanged.fire(new ShiftsChanged(r.name, before, shifts.upcoming(r, now), false));
        return v;
    }

    public void deleteOverride(long rotaId, long overrideId) {
        Rota r = RotaRules.find(rotaId);
        rules.requireEditRights(r.partners);
        RotaOverride o = RotaOverride.<RotaOverride>find("id = ?1 and rotaId = ?2", overrideId, rotaId)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Override", overrideId));
        Instant now = Instant.now(clock);
        List<Shift> before = shifts.upcoming(r, now);
        OverrideView last = overrideView(o, null);
        o.delete();
        o.flush();
        audit.deleted("rota-override", overrideId, null, last);
        shiftsChanged.fire(new ShiftsChanged(r.name, before, shifts.upcoming(r, now), false));
    }

    private static OverrideView overrideView(RotaOverride o, Contact p) {
        return new OverrideView(
                o.id,
                o.rotaId,
                o.layer,
                o.personId,
                p == null ? null : p.name(),
                o.startsAt,
                o.endsAt,
                o.reason,
                o.createdBy,
                o.createdAt);
    }
}
