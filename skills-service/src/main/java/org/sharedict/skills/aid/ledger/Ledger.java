package org.sharedict.skills.aid.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sharedict.skills.aid.agreement.Terms;
import org.sharedict.skills.aid.requests.GivenTime;

/**
 * Who gave how much help to whom and what it is worth. Each confirmed record is priced once, in
 * whole pence ({@link Terms#charge}), and so is each line of out-of-hours rota cover one partner gave
 * another ({@link Terms#coverCharge}); a partner's position is what others owe it less what it owes,
 * so every pence is counted once as owed and once as owing and the positions sum to exactly zero.
 */
public final class Ledger {

    /** Totals of one direction, helper to requester. */
    public static final class Flow {
        public long minutes;
        public long outOfHoursMinutes;
        public long pence;
        public long unconfirmedMinutes;
        public BigDecimal coverHours = BigDecimal.ZERO;
        public long coverPence;

        /** Help and rota cover together. */
        public long totalPence() {
            return pence + coverPence;
        }
    }

    public record Position(
            String partner, long givenMinutes, long receivedMinutes, long owedToItPence, long owesPence) {
        public long netPence() {
            return owedToItPence - owesPence;
        }
    }

    public record Pair(String a, String b, Flow aToB, Flow bToA) {
        /** Positive: b owes a (help and rota cover). */
        public long netPence() {
            return aToB.totalPence() - bToA.totalPence();
        }

        /** The help alone. */
        public long helpNetPence() {
            return aToB.pence - bToA.pence;
        }

        public long coverNetPence() {
            return aToB.coverPence - bToA.coverPence;
        }
    }

    private final Map<String, Map<String, Flow>> flows = new TreeMap<>();

    private Ledger() {}

    public static Ledger of(List<GivenTime> given, Terms terms) {
        return of(given, List.of(), terms);
    }

    /** Help given and the out-of-hours rota cover partners gave each other, each line priced once. */
    public static Ledger of(List<GivenTime> given, List<RotaCover.Given> cover, Terms terms) {
        Ledger l = new Ledger();
        for (RotaCover.Given c : cover) {
            Flow f = l.flow(c.giver(), c.receiver());
            f.coverHours = f.coverHours.add(c.hours());
            f.coverPence += terms.coverCharge(c.giver(), c.hours());
        }
        for (GivenTime g : given) {
            Flow f = l.flow(g.helper(), g.requester());
            if (g.confirmed()) {
                f.minutes += g.minutes();
                if (g.outOfHours()) {
                    f.outOfHoursMinutes += g.minutes();
                }
                f.pence += terms.charge(g.helper(), g.minutes(), g.outOfHours());
            } else {
                f.unconfirmedMinutes += g.minutes();
            }
        }
        return l;
    }

    /** Help from {@code helper} to {@code requester} (empty when there was none). */
    public Flow flow(String helper, String requester) {
        return flows.computeIfAbsent(helper, k -> new TreeMap<>()).computeIfAbsent(requester, k -> new Flow());
    }

    public Pair pair(String a, String b) {
        return new Pair(a, b, flow(a, b), flow(b, a));
    }

    /** Every pair that exchanged help, each once, a before b in code order. */
    public List<Pair> pairs() {
        TreeMap<String, TreeMap<String, Boolean>> seen = new TreeMap<>();
        flows.forEach((h, byRequester) -> byRequester.forEach((r, f) -> {
            String a = h.compareTo(r) < 0 ? h : r;
            String b = a.equals(h) ? r : h;
            seen.computeIfAbsent(a, k -> new TreeMap<>()).put(b, true);
        }));
        List<Pair> out = new ArrayList<>();
        seen.forEach((a, bs) -> bs.keySet().forEach(b -> out.add(pair(a, b))));
        return out;
    }

    public List<Position> positions() {
        Map<String, long[]> p = new TreeMap<>();
        flows.forEach((helper, byRequester) -> byRequester.forEach((requester, f) -> {
            long[] h = p.computeIfAbsent(helper, k -> new long[4]);
            long[] r = p.computeIfAbsent(requester, k -> new long[4]);
            h[0] += f.minutes;
            r[1] += f.minutes;
            h[2] += f.totalPence();
            r[3] += f.totalPence();
        }));
        List<Position> out = new ArrayList<>();
        p.forEach((code, v) -> out.add(new Position(code, v[0], v[1], v[2], v[3])));
        return out;
    }
}
