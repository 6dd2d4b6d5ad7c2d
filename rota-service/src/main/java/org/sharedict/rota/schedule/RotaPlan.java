package org.sharedict.rota.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to say who is on call on one rota: the rotation (members of each layer in order,
 * handing off every {@code rotationDays} days at the local time of {@code firstHandoff}) and the
 * changes made to it. Pure data, so the rotation maths can be tested without a database.
 */
public record RotaPlan(
        long id,
        String name,
        Coverage coverage,
        LocalDateTime firstHandoff,
        int rotationDays,
        Map<Layer, List<Long>> members,
        List<Override> overrides,
        List<Leave> leaves,
        List<Swap> swaps) {

    /** Someone covers a period instead of whoever the rotation says; the latest override wins where two meet. */
    public record Override(long id, Layer layer, long personId, Interval period, String reason) {}

    /** A person is away; on every rota they are skipped and the next member in order covers. */
    public record Leave(long id, long personId, Interval period, String reason) {}

    /** The people scheduled for two rotation periods of a layer exchange them; each period is named by any instant in it. */
    public record Swap(long id, Layer layer, Instant first, Instant second, String reason) {}

    public RotaPlan {
        if (rotationDays < 1) {
            throw new IllegalArgumentException("rotation must be at least one day");
        }
        members = Map.copyOf(members);
        overrides = List.copyOf(overrides);
        leaves = List.copyOf(leaves);
        swaps = List.copyOf(swaps);
    }

    public List<Long> members(Layer layer) {
        return members.getOrDefault(layer, List.of());
    }

    /** When rotation period {@code k} starts (k = 0 at the first handoff); always at the handoff's local time. */
    public Instant handoff(long k, ZoneId zone) {
        return firstHandoff.plusDays(k * rotationDays).atZone(zone).toInstant();
    }

    /** The rotation period containing {@code t}; negative before the first handoff. */
    public long period(Instant t, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(t, zone);
        long days = ChronoUnit.DAYS.between(firstHandoff.toLocalDate(), local.toLocalDate());
        long k = Math.floorDiv(days, rotationDays);
        while (handoff(k, zone).isAfter(t)) {
            k--;
        }
        while (!handoff(k + 1, zone).isAfter(t)) {
            k++;
        }
        return k;
    }
}
