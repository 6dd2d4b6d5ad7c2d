package org.sharedict.rota.rotas;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.sharedict.rota.calendar.CalendarService;
import org.sharedict.rota.people.Contact;
import org.sharedict.rota.people.Names;
import org.sharedict.rota.people.People;
import org.sharedict.rota.platform.RotaConfig;
import org.sharedict.rota.platform.Times;
import org.sharedict.rota.rotas.RotaDtos.ShiftView;
import org.sharedict.rota.schedule.Expander;
import org.sharedict.rota.schedule.Layer;
import org.sharedict.rota.schedule.OutOfHoursCalendar;
import org.sharedict.rota.schedule.RotaPlan;
import org.sharedict.rota.schedule.Shift;

/** A rota's shifts as the API shows them (with names), a person's shifts on every rota, and the upcoming shifts a change compares. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ShiftService {

    private final RotaPlans plans;
    private final CalendarService calendar;
    private final People people;
    private final RotaConfig config;

    @Inject
    ShiftService(RotaPlans plans, CalendarService calendar, People people, RotaConfig config) {
        this.plans = plans;
        this.calendar = calendar;
        this.people = people;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ShiftView> shifts(long id, Instant from, Instant to, Layer layer) {
        Times.requireRange("to", from, to, RotaRules.MAX_RANGE);
        Rota r = RotaRules.find(id);
        RotaPlan plan = plans.plan(r, from, to);
        OutOfHoursCalendar cal = calendar.calendar();
        List<Shift> shifts =
                layer == null ? Expander.shifts(plan, cal, from, to) : Expander.shifts(plan, cal, layer, from, to);
        return views(r, shifts);
    }

    /** Every shift the person holds on any rota in [from, to): as a member, as cover, or by override. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ShiftView> shiftsOf(long personId, Instant from, Instant to) {
        Set<Long> rotaIds = new LinkedHashSet<>();
        Rota.<Rota>list("select distinct r from Rota r join r.members m where m.personId = ?1", personId)
                .forEach(r -> rotaIds.add(r.id));
        RotaOverride.<RotaOverride>list("personId = ?1 and endsAt > ?2 and startsAt < ?3", personId, from, to)
                .forEach(o -> rotaIds.add(o.rotaId));
        List<ShiftView> out = new ArrayList<>();
        for (Long id : rotaIds) {
            shifts(id, from, to, null).stream()
                    .filter(s -> s.personId() == personId)
                    .forEach(out::add);
        }
        out.sort(Comparator.comparing(ShiftView::start).thenComparing(ShiftView::rotaId));
        return out;
    }

    List<ShiftView> views(Rota r, List<Shift> shifts) {
        Set<Long> ids = new HashSet<>();
        shifts.forEach(s -> {
            ids.add(s.personId());
            ids.add(s.scheduledPersonId());
            ids.addAll(Names.mentioned(s.note()));
        });
        Map<Long, Contact> known = people.find(ids);
        List<ShiftView> out = new ArrayList<>(shifts.size());
        for (Shift s : shifts) {
            Contact p = known.get(s.personId());
            Contact sch = known.get(s.scheduledPersonId());
            out.add(new ShiftView(
                    r.id,
                    r.name,
                    s.layer(),
                    s.start(),
                    s.end(),
                    s.length().toMinutes() / 60.0,
                    s.personId(),
                    p == null ? null : p.name(),
                    p == null ? null : p.partner(),
                    s.reason(),
                    s.scheduledPersonId(),
                    sch == null ? null : sch.name(),
                    Names.named(s.note(), known)));
        }
        return out;
    }

    /**
     * The rota's whole shifts meeting [now, now + notice horizon): what its members were (or will be)
     * told. A change reads the clock once and compares both sides at that instant, and whole shifts
     * do not move with it, so someone on call across now or the horizon is not told of a change
     * that did not touch them.
     */
    List<Shift> upcoming(Rota r, Instant now) {
        Instant to = now.plus(Duration.ofDays(config.notices().horizonDays()));
        // The plan holds the changes a whole shift can meet: one rotation period beyond either edge.
        Duration margin = Duration.ofDays(r.rotationDays + 1L);
        return Expander.whole(plans.plan(r, now.minus(margin), to.plus(margin)), calendar.calendar(), now, to);
    }
}
