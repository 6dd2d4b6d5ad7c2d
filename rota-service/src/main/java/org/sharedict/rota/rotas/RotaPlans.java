package org.sharedict.rota.rotas;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.rota.schedule.Interval;
import org.sharedict.rota.schedule.Layer;
import org.sharedict.rota.schedule.RotaPlan;

/** Reads a rota and the changes that matter for a span of time into the pure {@link RotaPlan}. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RotaPlans {

    /** The plan with every override, leave and swap that can touch [from, to). */
    public RotaPlan plan(Rota r, Instant from, Instant to) {
        // A shift can reach a rotation period (and a long out-of-hours window) beyond the range.
        Duration margin = Duration.ofDays(r.rotationDays + 22L);
        Instant f = from.minus(margin);
        Instant t = to.plus(margin);
        Map<Layer, List<Long>> members = new EnumMap<>(Layer.class);
        for (Layer layer : Layer.values()) {
            List<Long> ids = r.members(layer);
            if (!ids.isEmpty()) {
                members.put(layer, ids);
            }
        }
        List<RotaPlan.Override> overrides = new ArrayList<>();
        for (RotaOverride o : RotaOverride.<RotaOverride>list("rotaId = ?1 and startsAt < ?2 and endsAt > ?3 order by id", r.id, t, f)) {
            overrides.add(new RotaPlan.Override(o.id, o.layer, o.personId, new Interval(o.startsAt, o.endsAt), o.reason));
        }
        List<RotaPlan.Leave> leaves = new ArrayList<>();
        List<Long> people = List.copyOf(r.everyone());
        if (!people.isEmpty()) {
            for (PersonLeave l : PersonLeave.<PersonLeave>list("personId in ?1 and startsAt < ?2 and endsAt > ?3 order by id", people, t, f)) {
                leaves.add(new RotaPlan.Leave(l.id, l.personId, new Interval(l.startsAt, l.endsAt), l.reason));
            }
        }
        List<RotaPlan.Swap> swaps = new ArrayList<>();
        for (RotaSwap s : RotaSwap.<RotaSwap>list("rotaId = ?1 order by id", r.id)) {
            swaps.add(new RotaPlan.Swap(s.id, s.layer, s.firstAt, s.secondAt));
        }
        return new RotaPlan(r.id, r.name, r.coverage, r.firstHandoff(), r.rotationDays, members, overrides, leaves, swaps);
    }
}
