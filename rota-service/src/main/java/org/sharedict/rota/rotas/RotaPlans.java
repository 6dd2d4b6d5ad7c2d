package org.sharedict.rota.rotas;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.sharedict.rota.schedule.Coverage;
import org.sharedict.rota.schedule.Interval;
import org.sharedict.rota.schedule.Layer;
import org.sharedict.rota.schedule.RotaPlan;

/**
 * Reads a rota and the changes that matter for a span of time into the pure {@link RotaPlan}.
 * The rotas themselves (partners, members, handoffs) are kept in memory per version: an on-call
 * answer reads one row per covering rota to check the version, then only the overrides, leave and
 * swaps near the instant. A change anywhere bumps the version, so the copy is never stale.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RotaPlans {

    /**
     * What a rota is, without its changes: immutable, cached per rota and version. The form in which
     * other features read rotas.
     */
    public record Skeleton(
            long id,
            long version,
            String name,
            Set<String> partners,
            Coverage coverage,
            int rotationDays,
            LocalDateTime firstHandoff,
            Map<Layer, List<Long>> members,
            List<Long> everyone) {

        public List<Long> members(Layer layer) {
            return members.getOrDefault(layer, List.of());
        }
    }

    private final Map<Long, Skeleton> cache = new ConcurrentHashMap<>();

    /** Every rota, lowest ID first. */
    public List<Skeleton> all() {
        return Rota.<Rota>list("order by id").stream().map(RotaPlans::skeleton).toList();
    }

    /** The rotas covering a partner, lowest ID first. */
    public List<Skeleton> covering(String partner) {
        List<Object[]> rows = Rota.getEntityManager()
                .createQuery(
                        "select r.id, r.version from Rota r join r.partners p where p = :partner order by r.id",
                        Object[].class)
                .setParameter("partner", partner)
                .getResultList();
        List<Skeleton> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            long id = (Long) row[0];
            long version = (Long) row[1];
            Skeleton s = cache.get(id);
            if (s == null || s.version() != version) {
                Rota r = Rota.findById(id);
                if (r == null) {
                    continue;
                }
                s = skeleton(r);
                cache.put(id, s);
            }
            out.add(s);
        }
        return out;
    }

    /** The rota as a plain record, or empty when no rota has this ID. */
    public Optional<Skeleton> skeleton(long rotaId) {
        return Rota.<Rota>findByIdOptional(rotaId).map(RotaPlans::skeleton);
    }

    static Skeleton skeleton(Rota r) {
        Map<Layer, List<Long>> members = new EnumMap<>(Layer.class);
        for (Layer layer : Layer.values()) {
            List<Long> ids = r.members(layer);
            if (!ids.isEmpty()) {
                members.put(layer, ids);
            }
        }
        return new Skeleton(
                r.id,
                r.version,
                r.name,
                Set.copyOf(r.partners),
                r.coverage,
                r.rotationDays,
                r.firstHandoff(),
                Map.copyOf(members),
                List.copyOf(r.everyone()));
    }

    /** The plan with every override, leave and swap that can touch [from, to). */
    public RotaPlan plan(Rota r, Instant from, Instant to) {
        return plan(skeleton(r), from, to);
    }

    public RotaPlan plan(Skeleton r, Instant from, Instant to) {
        // A shift can reach a rotation period (and a long out-of-hours window) beyond the range.
        Duration margin = Duration.ofDays(r.rotationDays() + 22L);
        Instant f = from.minus(margin);
        Instant t = to.plus(margin);
        Map<Layer, List<Long>> members = r.members();
        List<RotaPlan.Override> overrides = new ArrayList<>();
        for (RotaOverride o : RotaOverride.<RotaOverride>list(
                "rotaId = ?1 and startsAt < ?2 and endsAt > ?3 order by id", r.id(), t, f)) {
            overrides.add(
                    new RotaPlan.Override(o.id, o.layer, o.personId, new Interval(o.startsAt, o.endsAt), o.reason));
        }
        List<RotaPlan.Leave> leaves = new ArrayList<>();
        List<Long> people = r.everyone();
        if (!people.isEmpty()) {
            for (PersonLeave l : PersonLeave.<PersonLeave>list(
                    "personId in ?1 and startsAt < ?2 and endsAt > ?3 order by id", people, t, f)) {
                leaves.add(new RotaPlan.Leave(l.id, l.personId, new Interval(l.startsAt, l.endsAt), l.reason));
            }
        }
        List<RotaPlan.Swap> swaps = new ArrayList<>();
        for (RotaSwap s : RotaSwap.<RotaSwap>list("rotaId = ?1 order by id", r.id())) {
            swaps.add(new RotaPlan.Swap(s.id, s.layer, s.firstAt, s.secondAt, s.reason));
        }
        return new RotaPlan(
                r.id(), r.name(), r.coverage(), r.firstHandoff(), r.rotationDays(), members, overrides, leaves, swaps);
    }
}
