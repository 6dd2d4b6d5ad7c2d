package org.sharedict.rota.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The stretches of time in which a partner's cover would page nobody, read off the shifts the
 * {@link Expander} gives (no rotation maths of its own): out-of-hours time (all time, once the
 * partner is on a 24×7 rota) in which no rota covering the partner has anyone on its primary layer,
 * and shifts held by someone who is on leave (the whole layer is away, so the scheduled member
 * stays on call). Adjacent stretches of one kind on one rota and layer are joined.
 */
public final class CoverGaps {

    private CoverGaps() {}

    /** Why nobody would be paged. */
    public enum Kind {
        /** A rota covering the partner has nobody on its primary layer. */
        ROTA_NO_MEMBERS,
        /** Whoever holds the layer is on leave, as is every other member. */
        LAYER_ON_LEAVE,
        /** No rota covering the partner has anyone on call then. */
        NOT_COVERED,
        /** An escalation policy's step pages a rota's layer that has no members. */
        POLICY_STEP_EMPTY_LAYER
    }

    /** One stretch; {@code rotaId} and {@code layer} are null for {@link Kind#NOT_COVERED}. */
    public record Gap(Kind kind, Instant start, Instant end, Long rotaId, Layer layer) {

        boolean joins(Gap next) {
            return kind == next.kind
                    && Objects.equals(rotaId, next.rotaId)
                    && layer == next.layer
                    && !next.start.isAfter(end);
        }
    }

    /**
     * The gaps of one partner in [from, to), given the plans of the rotas covering it (lowest ID
     * first, as the on-call answer reads them), ordered by start.
     */
    public static List<Gap> find(List<RotaPlan> covering, OutOfHoursCalendar calendar, Instant from, Instant to) {
        List<Gap> out = new ArrayList<>();
        if (!to.isAfter(from)) {
            return out;
        }
        List<Interval> covered = new ArrayList<>();
        for (RotaPlan plan : covering) {
            for (Layer layer : Layer.values()) {
                for (Shift s : Expander.shifts(plan, calendar, layer, from, to)) {
                    if (layer == Layer.PRIMARY) {
                        covered.add(new Interval(s.start(), s.end()));
                    }
                    onLeave(plan, s, out);
                }
            }
        }
        boolean always = covering.stream().anyMatch(p -> p.coverage() == Coverage.ALWAYS);
        List<Interval> expected = always ? List.of(new Interval(from, to)) : calendar.windows(from, to);
        for (Interval gap : minus(expected, covered)) {
            // The reason may differ between out-of-hours time and working hours (an empty 24×7 rota).
            for (Interval piece : splitAtWindows(gap, calendar)) {
                out.add(uncovered(covering, calendar, piece));
            }
        }
        return join(out);
    }

    /** Who the plan names for {@code t} on each layer is on leave then: the part of the shift they are away for. */
    private static void onLeave(RotaPlan plan, Shift s, List<Gap> out) {
        for (RotaPlan.Leave l : plan.leaves()) {
            if (l.personId() == s.personId()) {
                Interval away = l.period().clip(s.start(), s.end());
                if (away != null) {
                    out.add(new Gap(Kind.LAYER_ON_LEAVE, away.start(), away.end(), plan.id(), s.layer()));
                }
            }
        }
    }

    /** Uncovered time is the fault of the first covering rota with an empty primary layer that covers it, else nobody's. */
    private static Gap uncovered(List<RotaPlan> covering, OutOfHoursCalendar calendar, Interval piece) {
        boolean outOfHours = calendar.isOutOfHours(piece.start());
        for (RotaPlan plan : covering) {
            if (plan.members(Layer.PRIMARY).isEmpty() && (outOfHours || plan.coverage() == Coverage.ALWAYS)) {
                return new Gap(Kind.ROTA_NO_MEMBERS, piece.start(), piece.end(), plan.id(), Layer.PRIMARY);
            }
        }
        return new Gap(Kind.NOT_COVERED, piece.start(), piece.end(), null, null);
    }

    private static List<Interval> splitAtWindows(Interval gap, OutOfHoursCalendar calendar) {
        List<Interval> out = new ArrayList<>();
        Instant cursor = gap.start();
        for (Interval w : calendar.windows(gap.start(), gap.end())) {
            if (w.start().isAfter(cursor)) {
                out.add(new Interval(cursor, w.start()));
            }
            out.add(w);
            cursor = w.end();
        }
        if (gap.end().isAfter(cursor)) {
            out.add(new Interval(cursor, gap.end()));
        }
        return out;
    }

    /** {@code whole} less the union of {@code taken}; both may be unordered and overlapping. */
    static List<Interval> minus(List<Interval> whole, List<Interval> taken) {
        List<Interval> sorted = new ArrayList<>(taken);
        sorted.sort(Comparator.comparing(Interval::start));
        List<Interval> out = new ArrayList<>();
        for (Interval w : whole) {
            Instant cursor = w.start();
            for (Interval t : sorted) {
                if (!t.end().isAfter(cursor) || !t.start().isBefore(w.end())) {
                    continue;
                }
                if (t.start().isAfter(cursor)) {
                    out.add(new Interval(cursor, t.start()));
                }
                cursor = t.end();
                if (!cursor.isBefore(w.end())) {
                    break;
                }
            }
            if (w.end().isAfter(cursor)) {
                out.add(new Interval(cursor, w.end()));
            }
        }
        return out;
    }

    private static List<Gap> join(List<Gap> gaps) {
        List<Gap> sorted = new ArrayList<>(gaps);
        sorted.sort(Comparator.comparing(Gap::kind)
                .thenComparing(g -> g.rotaId() == null ? -1L : g.rotaId())
                .thenComparing(g -> g.layer() == null ? -1 : g.layer().ordinal())
                .thenComparing(Gap::start));
        List<Gap> out = new ArrayList<>();
        for (Gap g : sorted) {
            Gap last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.joins(g)) {
                Instant end = g.end().isAfter(last.end()) ? g.end() : last.end();
                out.set(out.size() - 1, new Gap(last.kind(), last.start(), end, last.rotaId(), last.layer()));
            } else {
                out.add(g);
            }
        }
        out.sort(Comparator.comparing(Gap::start).thenComparing(Gap::kind));
        return out;
    }
}
