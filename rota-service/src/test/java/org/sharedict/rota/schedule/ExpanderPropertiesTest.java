package org.sharedict.rota.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rotation maths over many random rotas: the invariants that must hold whatever the rota looks like. */
class ExpanderPropertiesTest {

    private static final OutOfHoursCalendar CALENDAR = OutOfHoursCalendar.london(Set.of(
            LocalDate.of(2026, 4, 3),
            LocalDate.of(2026, 4, 6),
            LocalDate.of(2026, 5, 4),
            LocalDate.of(2026, 5, 25),
            LocalDate.of(2026, 8, 31),
            LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 28),
            LocalDate.of(2027, 1, 1)));

    private static final int ROTAS = 400;

    record Case(RotaPlan plan, Instant from, Instant to) {}

    static Case randomCase(Random rnd, long id) {
        int[] lengths = {1, 2, 3, 7, 14};
        int days = lengths[rnd.nextInt(lengths.length)];
        LocalDate start = LocalDate.of(2026, 1, 1).plusDays(rnd.nextInt(330));
        // Handoff times include ones inside the spring-forward gap and the autumn overlap.
        LocalTime[] times = {
            LocalTime.of(8, 30),
            LocalTime.of(17, 30),
            LocalTime.of(9, 0),
            LocalTime.of(1, 30),
            LocalTime.of(0, 0),
            LocalTime.of(rnd.nextInt(24), rnd.nextInt(4) * 15)
        };
        LocalDateTime first = start.atTime(times[rnd.nextInt(times.length)]);
        Map<Layer, List<Long>> members = new EnumMap<>(Layer.class);
        members.put(Layer.PRIMARY, people(rnd, 1 + rnd.nextInt(8), 1));
        if (rnd.nextBoolean()) {
            members.put(Layer.SECONDARY, people(rnd, 1 + rnd.nextInt(4), 100));
        }
        Instant from = first.atZone(CALENDAR.zone())
                .toInstant()
                .minus(Duration.ofDays(rnd.nextInt(10)))
                .plus(Duration.ofMinutes(rnd.nextInt(60 * 24 * 40)));
        Instant to = from.plus(Duration.ofDays(20 + rnd.nextInt(40))).plus(Duration.ofMinutes(rnd.nextInt(1440)));
        List<RotaPlan.Override> overrides = new ArrayList<>();
        for (int i = 0; i < rnd.nextInt(4); i++) {
            Layer layer = members.containsKey(Layer.SECONDARY) && rnd.nextBoolean() ? Layer.SECONDARY : Layer.PRIMARY;
            overrides.add(
                    new RotaPlan.Override(i + 1, layer, 500 + rnd.nextInt(5), randomSpan(rnd, from, to), "cover " + i));
        }
        List<RotaPlan.Leave> leaves = new ArrayList<>();
        List<Long> primary = members.get(Layer.PRIMARY);
        for (int i = 0; i < rnd.nextInt(5); i++) {
            leaves.add(new RotaPlan.Leave(
                    i + 1, primary.get(rnd.nextInt(primary.size())), randomSpan(rnd, from, to), "annual leave"));
        }
        List<RotaPlan.Swap> swaps = new ArrayList<>();
        for (int i = 0; i < rnd.nextInt(3); i++) {
            swaps.add(new RotaPlan.Swap(
                    i + 1, Layer.PRIMARY, randomInstant(rnd, from, to), randomInstant(rnd, from, to), null));
        }
        Coverage coverage = rnd.nextInt(3) == 0 ? Coverage.ALWAYS : Coverage.OUT_OF_HOURS;
        return new Case(
                new RotaPlan(id, "rota " + id, coverage, first, days, members, overrides, leaves, swaps), from, to);
    }

    private static List<Long> people(Random rnd, int n, long base) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(base + i);
        }
        Collections.shuffle(out, rnd);
        return out;
    }

    private static Instant randomInstant(Random rnd, Instant from, Instant to) {
        long span = Duration.between(from, to).toMinutes();
        return from.plus(Duration.ofMinutes((long) (rnd.nextDouble() * span)));
    }

    private static Interval randomSpan(Random rnd, Instant from, Instant to) {
        Instant s = randomInstant(rnd, from, to);
        return new Interval(s, s.plus(Duration.ofMinutes(30 + rnd.nextInt(60 * 24 * 5))));
    }

    private static boolean covered(RotaPlan plan, Instant t) {
        if (t.isBefore(plan.handoff(0, CALENDAR.zone()))) {
            return false;
        }
        return plan.coverage() == Coverage.ALWAYS || CALENDAR.isOutOfHours(t);
    }

    @Test
    void everyCoveredInstantHasExactlyOnePrimaryAndNoOtherHasAny() {
        Random rnd = new Random(20261122);
        for (int r = 0; r < ROTAS; r++) {
            Case c = randomCase(rnd, r);
            List<Shift> primary = Expander.shifts(c.plan(), CALENDAR, Layer.PRIMARY, c.from(), c.to());
            for (int i = 1; i < primary.size(); i++) {
                assertFalse(
                        primary.get(i).start().isBefore(primary.get(i - 1).end()), "primary shifts overlap in " + c);
            }
            Duration shifts = primary.stream().map(Shift::length).reduce(Duration.ZERO, Duration::plus);
            Instant begin = c.plan().handoff(0, CALENDAR.zone());
            Instant start = c.from().isBefore(begin) ? begin : c.from();
            Duration coveredTime = !c.to().isAfter(start)
                    ? Duration.ZERO
                    : c.plan().coverage() == Coverage.ALWAYS
                            ? Duration.between(start, c.to())
                            : CALENDAR.windows(start, c.to()).stream()
                                    .map(Interval::length)
                                    .reduce(Duration.ZERO, Duration::plus);
            assertEquals(coveredTime, shifts, "primary shifts add up to exactly the covered time in " + c);
            for (int i = 0; i < 60; i++) {
                Instant t = randomInstant(rnd, c.from(), c.to());
                long holding = primary.stream().filter(s -> s.contains(t)).count();
                assertEquals(covered(c.plan(), t) ? 1 : 0, holding, "primaries at " + t + " in " + c);
                Optional<Shift> at = Expander.at(c.plan(), CALENDAR, Layer.PRIMARY, t);
                assertEquals(covered(c.plan(), t), at.isPresent(), "the on-call answer at " + t + " in " + c);
                at.ifPresent(s -> {
                    Shift expanded = primary.stream()
                            .filter(x -> x.contains(t))
                            .findFirst()
                            .orElseThrow();
                    assertEquals(expanded.personId(), s.personId(), "lookup and expansion agree at " + t);
                    assertEquals(expanded.reason(), s.reason(), "lookup and expansion agree at " + t);
                });
            }
        }
    }

    @Test
    void overridesWinWhereverTheyApply() {
        Random rnd = new Random(7);
        int checked = 0;
        for (int r = 0; r < ROTAS; r++) {
            Case c = randomCase(rnd, r);
            for (RotaPlan.Override o : c.plan().overrides()) {
                for (int i = 0; i < 10; i++) {
                    Instant t =
                            randomInstant(rnd, o.period().start(), o.period().end());
                    if (!covered(c.plan(), t) || c.plan().members(o.layer()).isEmpty()) {
                        continue;
                    }
                    RotaPlan.Override latest = c.plan().overrides().stream()
                            .filter(x -> x.layer() == o.layer() && x.period().contains(t))
                            .max(Comparator.comparingLong(RotaPlan.Override::id))
                            .orElseThrow();
                    Shift s = Expander.at(c.plan(), CALENDAR, o.layer(), t).orElseThrow();
                    assertEquals(latest.personId(), s.personId(), "override at " + t + " in " + c);
                    assertEquals(Reason.OVERRIDE, s.reason());
                    checked++;
                }
            }
        }
        assertTrue(checked > 200, "enough override instants were checked: " + checked);
    }

    @Test
    void nobodyOnLeaveIsOnCallUnlessTheWholeLayerIsAway() {
        Random rnd = new Random(11);
        int covers = 0;
        for (int r = 0; r < ROTAS; r++) {
            Case c = randomCase(rnd, r);
            for (RotaPlan.Leave l : c.plan().leaves()) {
                for (int i = 0; i < 10; i++) {
                    Instant t =
                            randomInstant(rnd, l.period().start(), l.period().end());
                    Optional<Shift> at = Expander.at(c.plan(), CALENDAR, Layer.PRIMARY, t);
                    if (at.isEmpty() || at.get().reason() == Reason.OVERRIDE) {
                        continue;
                    }
                    Shift s = at.get();
                    boolean holderAway = c.plan().leaves().stream()
                            .anyMatch(x ->
                                    x.personId() == s.personId() && x.period().contains(t));
                    boolean everyoneAway = c.plan().members(Layer.PRIMARY).stream()
                            .allMatch(p -> c.plan().leaves().stream()
                                    .anyMatch(
                                            x -> x.personId() == p && x.period().contains(t)));
                    assertTrue(
                            !holderAway || everyoneAway,
                            "person " + s.personId() + " is on leave at " + t + " but on call in " + c);
                    if (s.reason() == Reason.LEAVE_COVER) {
                        covers++;
                        // The note names whoever is covered for (the scheduled member, or who swapped in): away then,
                        // and not the holder.
                        Matcher m = Pattern.compile("^covering for person (\\d+) on leave")
                                .matcher(s.note());
                        assertTrue(m.find(), s.note());
                        long away = Long.parseLong(m.group(1));
                        assertTrue(away != s.personId(), s.note());
                        assertTrue(
                                c.plan().leaves().stream()
                                        .anyMatch(x -> x.personId() == away
                                                && x.period().contains(t)),
                                s.note() + " at " + t);
                    }
                }
            }
        }
        assertTrue(covers > 100, "leave was covered often enough to prove something: " + covers);
    }

    @Test
    void leaveIsCoveredByTheNextMemberInOrder() {
        Instant t0 =
                LocalDateTime.of(2026, 6, 1, 17, 30).atZone(CALENDAR.zone()).toInstant();
        RotaPlan plan = new RotaPlan(
                1,
                "r",
                Coverage.ALWAYS,
                LocalDateTime.of(2026, 6, 1, 17, 30),
                7,
                Map.of(Layer.PRIMARY, List.of(10L, 20L, 30L)),
                List.of(),
                List.of(
                        new RotaPlan.Leave(
                                1,
                                10,
                                new Interval(t0.plus(Duration.ofDays(2)), t0.plus(Duration.ofDays(3))),
                                "dentist"),
                        new RotaPlan.Leave(2, 20, new Interval(t0, t0.plus(Duration.ofDays(30))), "parental leave")),
                List.of());
        List<Shift> week = Expander.shifts(plan, CALENDAR, Layer.PRIMARY, t0, t0.plus(Duration.ofDays(7)));
        assertEquals(3, week.size());
        assertEquals(10L, week.get(0).personId());
        assertEquals(30L, week.get(1).personId(), "20 is away too, so 30 covers for 10");
        assertEquals(Reason.LEAVE_COVER, week.get(1).reason());
        assertEquals(10L, week.get(1).scheduledPersonId());
        assertTrue(week.get(1).note().contains("dentist"));
        assertEquals(Duration.ofDays(1), week.get(1).length());
        assertEquals(10L, week.get(2).personId());
    }

    @Test
    void aSwapExchangesTheTwoPeriods() {
        LocalDateTime first = LocalDateTime.of(2026, 6, 1, 9, 0);
        Instant t0 = first.atZone(CALENDAR.zone()).toInstant();
        RotaPlan plan = new RotaPlan(
                1,
                "r",
                Coverage.ALWAYS,
                first,
                7,
                Map.of(Layer.PRIMARY, List.of(10L, 20L, 30L)),
                List.of(),
                List.of(),
                List.of(new RotaPlan.Swap(
                        1,
                        Layer.PRIMARY,
                        t0.plus(Duration.ofHours(1)),
                        t0.plus(Duration.ofDays(15)),
                        "school holidays")));
        List<Shift> s = Expander.shifts(plan, CALENDAR, Layer.PRIMARY, t0, t0.plus(Duration.ofDays(21)));
        assertEquals(List.of(30L, 20L, 10L), s.stream().map(Shift::personId).toList());
        assertEquals(
                List.of(Reason.SWAP, Reason.SCHEDULED, Reason.SWAP),
                s.stream().map(Shift::reason).toList());
        // The scheduled person stays the rotation's own choice; the note names who swapped with whom.
        assertEquals(
                List.of(10L, 20L, 30L), s.stream().map(Shift::scheduledPersonId).toList());
        assertEquals(
                "person 30 swapped periods with person 10 (school holidays)",
                s.get(0).note());
        assertEquals(
                "person 10 swapped periods with person 30 (school holidays)",
                s.get(2).note());
    }

    @Test
    void leaveInASwappedPeriodIsCoveredForWhoeverSwappedIn() {
        LocalDateTime first = LocalDateTime.of(2026, 6, 1, 9, 0);
        Instant t0 = first.atZone(CALENDAR.zone()).toInstant();
        RotaPlan plan = new RotaPlan(
                1,
                "r",
                Coverage.ALWAYS,
                first,
                7,
                Map.of(Layer.PRIMARY, List.of(10L, 20L, 30L)),
                List.of(),
                List.of(new RotaPlan.Leave(
                        1, 30, new Interval(t0.plus(Duration.ofDays(1)), t0.plus(Duration.ofDays(2))), "dentist")),
                List.of(new RotaPlan.Swap(
                        1, Layer.PRIMARY, t0.plus(Duration.ofHours(1)), t0.plus(Duration.ofDays(15)), null)));
        List<Shift> s = Expander.shifts(plan, CALENDAR, Layer.PRIMARY, t0, t0.plus(Duration.ofDays(7)));
        assertEquals(
                List.of(30L, 10L, 30L),
                s.stream().map(Shift::personId).toList(),
                "30 swapped in; 10, next after 30, covers its leave");
        assertEquals(
                List.of(Reason.SWAP, Reason.LEAVE_COVER, Reason.SWAP),
                s.stream().map(Shift::reason).toList());
        assertEquals(
                List.of(10L, 10L, 10L), s.stream().map(Shift::scheduledPersonId).toList());
        assertEquals(
                "covering for person 30 on leave (dentist); person 30 swapped periods with person 10",
                s.get(1).note());
    }
}
