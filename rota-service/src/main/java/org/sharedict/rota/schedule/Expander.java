package org.sharedict.rota.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns a rota into shifts. For each covered window and rotation period the rotation names a
 * member; a swap exchanges the members of two periods; a member on leave is skipped for the time
 * they are away and the next member in order (not away) covers; an override replaces whoever that
 * gives. Shifts are cut only where the answer changes, so one shift is one person for one reason.
 */
public final class Expander {

    private Expander() {}

    /** Every shift of every layer meeting [from, to), clipped to it, ordered by layer then start. */
    public static List<Shift> shifts(RotaPlan plan, OutOfHoursCalendar calendar, Instant from, Instant to) {
        List<Shift> out = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            out.addAll(shifts(plan, calendar, layer, from, to));
        }
        return out;
    }

    /**
     * Every shift of every layer meeting [from, to), whole rather than clipped: what someone told of
     * that stretch of time is told, so that the answer does not depend on exactly when it is asked.
     */
    public static List<Shift> whole(RotaPlan plan, OutOfHoursCalendar calendar, Instant from, Instant to) {
        Duration margin = wholeMargin(plan);
        return shifts(plan, calendar, from.minus(margin), to.plus(margin)).stream()
                .filter(s -> s.end().isAfter(from) && s.start().isBefore(to))
                .toList();
    }

    /** A shift lies within one rotation period, so expanding one period (and a day for a clock change) beyond a range sees it whole. */
    public static Duration wholeMargin(RotaPlan plan) {
        return Duration.ofDays(plan.rotationDays() + 1L);
    }

    public static List<Shift> shifts(
            RotaPlan plan, OutOfHoursCalendar calendar, Layer layer, Instant from, Instant to) {
        List<Shift> out = new ArrayList<>();
        if (plan.members(layer).isEmpty() || !to.isAfter(from)) {
            return out;
        }
        ZoneId zone = calendar.zone();
        Instant begin = plan.handoff(0, zone);
        if (!to.isAfter(begin)) {
            return out;
        }
        Instant start = from.isBefore(begin) ? begin : from;
        for (Interval window : covered(plan, calendar, start, to)) {
            long k = plan.period(window.start(), zone);
            Instant cursor = window.start();
            while (cursor.isBefore(window.end())) {
                Instant periodEnd = plan.handoff(k + 1, zone);
                Instant pieceEnd = periodEnd.isBefore(window.end()) ? periodEnd : window.end();
                resolve(plan, zone, layer, k, new Interval(cursor, pieceEnd), out);
                cursor = pieceEnd;
                k++;
            }
        }
        return out;
    }

    /** Who holds {@code layer} at {@code t}, with the whole shift they are in; empty when the rota does not cover t. */
    public static Optional<Shift> at(RotaPlan plan, OutOfHoursCalendar calendar, Layer layer, Instant t) {
        if (plan.members(layer).isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = calendar.zone();
        if (t.isBefore(plan.handoff(0, zone))) {
            return Optional.empty();
        }
        long k = plan.period(t, zone);
        Interval period = new Interval(plan.handoff(k, zone), plan.handoff(k + 1, zone));
        Interval piece;
        if (plan.coverage() == Coverage.ALWAYS) {
            piece = period;
        } else {
            Interval window = calendar.windowAround(t);
            if (window == null) {
                return Optional.empty();
            }
            piece = window.clip(period.start(), period.end());
        }
        List<Shift> shifts = new ArrayList<>();
        resolve(plan, zone, layer, k, piece, shifts);
        return shifts.stream().filter(s -> s.contains(t)).findFirst();
    }

    private static List<Interval> covered(RotaPlan plan, OutOfHoursCalendar calendar, Instant from, Instant to) {
        return plan.coverage() == Coverage.ALWAYS ? List.of(new Interval(from, to)) : calendar.windows(from, to);
    }

    /**
     * Shifts of one layer within one piece of one rotation period, appended to {@code out}. The
     * scheduled person is always the rotation's own choice; a swap, leave or an override changes
     * who holds the shift, and the reason and note say why.
     */
    private static void resolve(RotaPlan plan, ZoneId zone, Layer layer, long k, Interval piece, List<Shift> out) {
        List<Long> members = plan.members(layer);
        int n = members.size();
        int slot = (int) Math.floorMod(k, (long) n);
        long scheduled = members.get(slot);
        long holder = scheduled;
        Reason base = Reason.SCHEDULED;
        String swapNote = null;
        RotaPlan.Swap swap = swapOf(plan, zone, layer, k);
        if (swap != null) {
            int swappedSlot = (int) Math.floorMod(otherPeriod(plan, zone, swap, k), (long) n);
            long other = members.get(swappedSlot);
            if (other != scheduled) {
                holder = other;
                slot = swappedSlot;
                base = Reason.SWAP;
                swapNote = "person " + holder + " swapped periods with person " + scheduled
                        + (swap.reason() == null ? "" : " (" + swap.reason() + ")");
            }
        }
        TreeSet<Instant> cuts = new TreeSet<>();
        cuts.add(piece.start());
        cuts.add(piece.end());
        for (RotaPlan.Leave l : plan.leaves()) {
            if (members.contains(l.personId()) && l.period().overlaps(piece.start(), piece.end())) {
                addInside(cuts, piece, l.period());
            }
        }
        for (RotaPlan.Override o : plan.overrides()) {
            if (o.layer() == layer && o.period().overlaps(piece.start(), piece.end())) {
                addInside(cuts, piece, o.period());
            }
        }
        Held held = new Held(members, slot, scheduled, holder, base, swapNote);
        Instant segStart = null;
        Instant prev = null;
        Answer current = null;
        for (Instant cut : cuts) {
            if (prev != null) {
                Answer a = answer(plan, layer, held, prev, cut);
                if (current == null || !current.equals(a)) {
                    if (current != null) {
                        out.add(current.shift(plan.id(), layer, segStart, prev));
                    }
                    current = a;
                    segStart = prev;
                }
            }
            prev = cut;
        }
        if (current != null) {
            out.add(current.shift(plan.id(), layer, segStart, prev));
        }
    }

    /** Who holds a rotation period before leave and overrides: the scheduled member, or whoever swapped in. */
    private record Held(List<Long> members, int slot, long scheduled, long holder, Reason base, String swapNote) {}

    private record Answer(long personId, Reason reason, long scheduled, String note) {
        Shift shift(long rotaId, Layer layer, Instant start, Instant end) {
            return new Shift(rotaId, layer, start, end, personId, reason, scheduled, note);
        }
    }

    private static Answer answer(RotaPlan plan, Layer layer, Held h, Instant from, Instant to) {
        RotaPlan.Override override = null;
        for (RotaPlan.Override o : plan.overrides()) {
            if (o.layer() == layer && o.period().covers(from, to) && (override == null || o.id() > override.id())) {
                override = o;
            }
        }
        if (override != null) {
            return new Answer(override.personId(), Reason.OVERRIDE, h.scheduled(), override.reason());
        }
        RotaPlan.Leave away = leaveOf(plan, h.holder(), from, to);
        if (away == null) {
            return new Answer(h.holder(), h.base(), h.scheduled(), h.swapNote());
        }
        List<Long> members = h.members();
        int n = members.size();
        for (int i = 1; i < n; i++) {
            long candidate = members.get((h.slot() + i) % n);
            if (candidate != h.holder() && leaveOf(plan, candidate, from, to) == null) {
                return new Answer(
                        candidate,
                        Reason.LEAVE_COVER,
                        h.scheduled(),
                        "covering for person " + h.holder() + " on leave"
                                + (away.reason() == null ? "" : " (" + away.reason() + ")")
                                + (h.swapNote() == null ? "" : "; " + h.swapNote()));
            }
        }
        String allAway = "every member of the layer is on leave; the scheduled member stays on call";
        return new Answer(
                h.holder(), h.base(), h.scheduled(), h.swapNote() == null ? allAway : h.swapNote() + "; " + allAway);
    }

    private static RotaPlan.Leave leaveOf(RotaPlan plan, long personId, Instant from, Instant to) {
        for (RotaPlan.Leave l : plan.leaves()) {
            if (l.personId() == personId && l.period().covers(from, to)) {
                return l;
            }
        }
        return null;
    }

    private static void addInside(TreeSet<Instant> cuts, Interval piece, Interval span) {
        if (piece.contains(span.start())) {
            cuts.add(span.start());
        }
        if (piece.contains(span.end())) {
            cuts.add(span.end());
        }
    }

    /** The swap that moves period {@code k} of a layer, or null. The newest swap naming a period wins. */
    private static RotaPlan.Swap swapOf(RotaPlan plan, ZoneId zone, Layer layer, long k) {
        RotaPlan.Swap chosen = null;
        for (RotaPlan.Swap s : plan.swaps()) {
            if (s.layer() != layer) {
                continue;
            }
            long a = plan.period(s.first(), zone);
            long b = plan.period(s.second(), zone);
            if (a != b && (a == k || b == k) && (chosen == null || s.id() > chosen.id())) {
                chosen = s;
            }
        }
        return chosen;
    }

    /** The period that {@code swap} exchanges with period {@code k}. */
    private static long otherPeriod(RotaPlan plan, ZoneId zone, RotaPlan.Swap swap, long k) {
        long a = plan.period(swap.first(), zone);
        return a == k ? plan.period(swap.second(), zone) : a;
    }
}
