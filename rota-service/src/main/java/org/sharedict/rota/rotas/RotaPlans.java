package org.sharedict.rota.rotas;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hibernate.Session;

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
        List<long[]> rows = new ArrayList<>();
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("select r.id, r.version from rota r join rota_partner p"
                    + " on p.rota_id = r.id where p.partner = ? order by r.id")) {
                ps.setString(1, partner);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
            }
        });
        List<Skeleton> out = new ArrayList<>(rows.size());
        for (long[] row : rows) {
            long id = row[0];
            long version = row[1];
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

    /**
     * One round trip in plain JDBC (the on-call lookup's hot path; Hibernate's query translation and
     * entity loading were a third of its cost): the overrides and leave that can touch the span, and
     * the rota's swaps. A plan made after a change in the same transaction sees it ({@link #session}).
     */
    public RotaPlan plan(Skeleton r, Instant from, Instant to) {
        // A shift can reach a rotation period (and a long out-of-hours window) beyond the range.
        Duration margin = Duration.ofDays(r.rotationDays() + 22L);
        LocalDateTime f = utc(from.minus(margin));
        LocalDateTime t = utc(to.plus(margin));
        List<Long> people = r.everyone();
        StringBuilder sql = new StringBuilder("select 0, id, layer, person_id, starts_at, ends_at, reason"
                + " from rota_override where rota_id = ? and starts_at < ? and ends_at > ?");
        if (!people.isEmpty()) {
            sql.append(" union all select 1, id, null, person_id, starts_at, ends_at, reason from person_leave"
                            + " where person_id in (")
                    .append("?, ".repeat(people.size() - 1))
                    .append("?) and starts_at < ? and ends_at > ?");
        }
        sql.append(" union all select 2, id, layer, 0, first_at, second_at, reason from rota_swap where rota_id = ?"
                + " order by 1, 2");
        Session session = session();
        List<RotaPlan.Override> overrides = new ArrayList<>();
        List<RotaPlan.Leave> leaves = new ArrayList<>();
        List<RotaPlan.Swap> swaps = new ArrayList<>();
        session.doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 0;
                ps.setLong(++i, r.id());
                ps.setObject(++i, t);
                ps.setObject(++i, f);
                if (!people.isEmpty()) {
                    for (long person : people) {
                        ps.setLong(++i, person);
                    }
                    ps.setObject(++i, t);
                    ps.setObject(++i, f);
                }
                ps.setLong(++i, r.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(2);
                        Instant a = rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                        Instant b = rs.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                        String reason = rs.getString(7);
                        switch (rs.getInt(1)) {
                            case 0 ->
                                overrides.add(new RotaPlan.Override(
                                        id, Layer.valueOf(rs.getString(3)), rs.getLong(4), new Interval(a, b), reason));
                            case 1 -> leaves.add(new RotaPlan.Leave(id, rs.getLong(4), new Interval(a, b), reason));
                            default -> swaps.add(new RotaPlan.Swap(id, Layer.valueOf(rs.getString(3)), a, b, reason));
                        }
                    }
                }
            }
        });
        return new RotaPlan(
                r.id(),
                r.name(),
                r.coverage(),
                r.firstHandoff(),
                r.rotationDays(),
                r.members(),
                overrides,
                leaves,
                swaps);
    }

    /**
     * The session whose connection the plain-JDBC reads use; inside a transaction its pending changes
     * are flushed first, as a Hibernate query on these tables would have done.
     */
    private static Session session() {
        Session session = Rota.getEntityManager().unwrap(Session.class);
        if (QuarkusTransaction.isActive()) {
            session.flush();
        }
        return session;
    }

    /** As Hibernate stores an Instant here (quarkus.hibernate-orm.jdbc.timezone=UTC). */
    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
