package org.sharedict.rota.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cover-gap finder against the plainest possible check: every minute of the range, ask the
 * on-call maths ({@link Expander#at}) who holds each layer of each rota, and whether they are on
 * leave. Random rotas, leave and overrides, over weeks that include the March and October clock
 * changes and a bank holiday. Fifty seeded cases, as ExpanderPropertiesTest draws its own: a failure
 * names its seed, and the same seed gives the same case again.
 */
class CoverGapsPropertyTest {

    private static final OutOfHoursCalendar CALENDAR = OutOfHoursCalendar.london(Set.of(
            LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 8, 31), LocalDate.of(2026, 12, 25)));

    /** Mondays of weeks with the spring change (29 March), the autumn change (25 October), Easter. */
    private static final LocalDate[] WEEKS = {
        LocalDate.of(2026, 3, 23), LocalDate.of(2026, 10, 19), LocalDate.of(2026, 3, 30), LocalDate.of(2026, 6, 8)
    };

    /** One key a minute can be in: a kind of gap on a rota's layer (nulls for the partner as a whole). */
    record Key(CoverGaps.Kind kind, Long rotaId, Layer layer) {}

    @Test
    void gapsAreExactlyTheMinutesNobodyWouldBePaged() {
        for (int i = 0; i < 50; i++) {
            long seed = 0x6a95L * 1_000 + i;
            try {
                gapsAreExactlyTheMinutesNobodyWouldBePaged(i % WEEKS.length, seed);
            } catch (AssertionError e) {
                throw new AssertionError(
                        "seed " + seed + ", week " + WEEKS[i % WEEKS.length] + ": " + e.getMessage(), e);
            }
        }
    }

    private static void gapsAreExactlyTheMinutesNobodyWouldBePaged(int week, long seed) {
        Random rnd = new Random(seed);
        Instant from = WEEKS[week]
                .atTime(rnd.nextInt(24), rnd.nextInt(60))
                .atZone(CALENDAR.zone())
                .toInstant()
                .minus(Duration.ofDays(rnd.nextInt(2)));
        Instant to = from.plus(Duration.ofDays(7 + rnd.nextInt(3))).plus(Duration.ofMinutes(rnd.nextInt(1440)));
        List<RotaPlan> plans = new ArrayList<>();
        int rotas = 1 + rnd.nextInt(3);
        for (int i = 0; i < rotas; i++) {
            plans.add(randomPlan(rnd, i + 1, from, to));
        }
        check(plans, from, to);
    }

    @Test
    void aPartnerInNoRotaIsUncoveredForEveryOutOfHoursWindowAndNoWorkingHour() {
        Instant from =
                LocalDateTime.of(2026, 10, 19, 0, 0).atZone(CALENDAR.zone()).toInstant();
        Instant to =
                LocalDateTime.of(2026, 10, 27, 0, 0).atZone(CALENDAR.zone()).toInstant();
        List<CoverGaps.Gap> gaps = CoverGaps.find(List.of(), CALENDAR, from, to);
        assertEquals(
                CALENDAR.windows(from, to),
                gaps.stream().map(g -> new Interval(g.start(), g.end())).toList());
        // The weekend of the autumn change: Friday 17:30 to Monday 08:30 is 64 real hours.
        Instant friday =
                LocalDateTime.of(2026, 10, 23, 17, 30).atZone(CALENDAR.zone()).toInstant();
        CoverGaps.Gap weekend =
                gaps.stream().filter(g -> g.start().equals(friday)).findFirst().orElseThrow();
        assertEquals(Duration.ofHours(64), Duration.between(weekend.start(), weekend.end()));
        assertEquals(CoverGaps.Kind.NOT_COVERED, weekend.kind());
        check(List.of(), from, to);
    }

    private static void check(List<RotaPlan> plans, Instant from, Instant to) {
        List<CoverGaps.Gap> gaps = CoverGaps.find(plans, CALENDAR, from, to);
        for (CoverGaps.Gap g : gaps) {
            assertTrue(
                    g.end().isAfter(g.start())
                            && !g.start().isBefore(from)
                            && !g.end().isAfter(to),
                    g::toString);
            for (CoverGaps.Gap h : gaps) {
                if (g != h && key(g).equals(key(h))) {
                    // Joined: two gaps of one key neither overlap nor touch.
                    assertFalse(!h.start().isAfter(g.end()) && !g.start().isAfter(h.end()), g + " and " + h);
                }
            }
        }
        boolean always = plans.stream().anyMatch(p -> p.coverage() == Coverage.ALWAYS);
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(1))) {
            Set<Key> expected = bruteForce(plans, always, t);
            Set<Key> found = new HashSet<>();
            for (CoverGaps.Gap g : gaps) {
                if (!t.isBefore(g.start()) && t.isBefore(g.end())) {
                    found.add(key(g));
                }
            }
            Instant at = t;
            assertEquals(expected, found, () -> "at " + at + " (" + at.atZone(CALENDAR.zone()) + ") for " + plans);
        }
    }

    private static Set<Key> bruteForce(List<RotaPlan> plans, boolean always, Instant t) {
        Set<Key> keys = new HashSet<>();
        boolean outOfHours = CALENDAR.isOutOfHours(t);
        boolean covered = false;
        for (RotaPlan p : plans) {
            for (Layer layer : Layer.values()) {
                Optional<Shift> s = Expander.at(p, CALENDAR, layer, t);
                if (s.isEmpty()) {
                    continue;
                }
                covered |= layer == Layer.PRIMARY;
                long holder = s.get().personId();
                if (p.leaves().stream()
                        .anyMatch(l -> l.personId() == holder && l.period().contains(t))) {
                    keys.add(new Key(CoverGaps.Kind.LAYER_ON_LEAVE, p.id(), layer));
                }
            }
        }
        if ((always || outOfHours) && !covered) {
            Key reason = new Key(CoverGaps.Kind.NOT_COVERED, null, null);
            for (RotaPlan p : plans) {
                if (p.members(Layer.PRIMARY).isEmpty() && (outOfHours || p.coverage() == Coverage.ALWAYS)) {
                    reason = new Key(CoverGaps.Kind.ROTA_NO_MEMBERS, p.id(), Layer.PRIMARY);
                    break;
                }
            }
            keys.add(reason);
        }
        return keys;
    }

    private static Key key(CoverGaps.Gap g) {
        return new Key(g.kind(), g.rotaId(), g.layer());
    }

    private static RotaPlan randomPlan(Random rnd, long id, Instant from, Instant to) {
        int[] lengths = {1, 2, 7};
        int days = lengths[rnd.nextInt(lengths.length)];
        LocalTime[] times = {
            LocalTime.of(9, 0),
            LocalTime.of(17, 30),
            LocalTime.of(1, 30),
            LocalTime.of(0, 0),
            LocalTime.of(rnd.nextInt(24), rnd.nextInt(4) * 15)
        };
        LocalDateTime first = LocalDateTime.ofInstant(from, CALENDAR.zone())
                .toLocalDate()
                .plusDays(rnd.nextInt(5) - 3)
                .atTime(times[rnd.nextInt(times.length)]);
        Map<Layer, List<Long>> members = new EnumMap<>(Layer.class);
        // Now and then a rota nobody is on, to be reported as such.
        if (rnd.nextInt(6) > 0) {
            members.put(Layer.PRIMARY, people(rnd, 1 + rnd.nextInt(3), 1));
        }
        if (rnd.nextBoolean()) {
            members.put(Layer.SECONDARY, people(rnd, 1 + rnd.nextInt(2), 10));
        }
        Coverage coverage = rnd.nextInt(3) == 0 ? Coverage.ALWAYS : Coverage.OUT_OF_HOURS;
        List<RotaPlan.Leave> leaves = new ArrayList<>();
        List<Long> everyone = new ArrayList<>();
        members.values().forEach(everyone::addAll);
        // Leave long and often enough that whole layers are away now and then.
        for (int i = 0; i < rnd.nextInt(8) && !everyone.isEmpty(); i++) {
            leaves.add(new RotaPlan.Leave(
                    i + 1, everyone.get(rnd.nextInt(everyone.size())), span(rnd, from, to, 4), "annual leave"));
        }
        List<RotaPlan.Override> overrides = new ArrayList<>();
        for (int i = 0; i < rnd.nextInt(3); i++) {
            Layer layer = rnd.nextBoolean() ? Layer.SECONDARY : Layer.PRIMARY;
            // Sometimes a member (who may be on leave), sometimes someone from outside the rota.
            long person = !everyone.isEmpty() && rnd.nextBoolean()
                    ? everyone.get(rnd.nextInt(everyone.size()))
                    : 500 + rnd.nextInt(3);
            overrides.add(new RotaPlan.Override(i + 1, layer, person, span(rnd, from, to, 2), "cover " + i));
        }
        List<RotaPlan.Swap> swaps = new ArrayList<>();
        if (rnd.nextInt(4) == 0 && members.containsKey(Layer.PRIMARY)) {
            Instant a = span(rnd, from, to, 1).start();
            swaps.add(new RotaPlan.Swap(1, Layer.PRIMARY, a, a.plus(Duration.ofDays(days)), "swap"));
        }
        return new RotaPlan(id, "Rota " + id, coverage, first, days, members, overrides, leaves, swaps);
    }

    private static List<Long> people(Random rnd, int n, long base) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(base + i);
        }
        return out;
    }

    /** A span on whole minutes meeting the range, up to {@code maxDays} long. */
    private static Interval span(Random rnd, Instant from, Instant to, int maxDays) {
        long minutes = Duration.between(from, to).toMinutes();
        Instant start = from.plus(Duration.ofMinutes(rnd.nextLong(minutes) - 600));
        Instant end = start.plus(Duration.ofMinutes(30 + rnd.nextLong(maxDays * 1440L)));
        return new Interval(start, end);
    }
}
