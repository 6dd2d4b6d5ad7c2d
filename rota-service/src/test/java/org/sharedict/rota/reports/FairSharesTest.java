package org.sharedict.rota.reports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fairness balances over many random rotas: rounded once, they still add up. */
class FairSharesTest {

    private static final long HOUR = 3_600_000;

    @Test
    void balancesAreGivenMinusReceivedAndAddUpToZero() {
        Random rnd = new Random(20261207);
        for (int run = 0; run < 5000; run++) {
            List<String> partners = new ArrayList<>();
            Set<String> covered = new HashSet<>();
            Map<String, Long> given = new TreeMap<>();
            int count = 1 + rnd.nextInt(12);
            for (int i = 0; i < count; i++) {
                String p = "P" + (char) ('A' + i);
                partners.add(p);
                if (i == 0 || rnd.nextInt(4) > 0) {
                    covered.add(p);
                }
                if (rnd.nextInt(5) > 0) {
                    // Any length of cover, to the millisecond: 400 days at most, as a report allows.
                    given.put(p, (long) (rnd.nextDouble() * (rnd.nextBoolean() ? 400 * 24 * HOUR : 3 * HOUR)));
                }
            }
            FairShares f = FairShares.of(partners, given, covered);
            long total = given.values().stream().mapToLong(Long::longValue).sum();
            assertEquals(total, f.totalMillis());
            long roundedTotal = Math.round(total / 36_000.0);
            long sumGiven = 0;
            long sumReceived = 0;
            long sumBalance = 0;
            for (FairShares.Share s : f.shares()) {
                double exactGiven = given.getOrDefault(s.partner(), 0L) / 36_000.0;
                double exactReceived = covered.contains(s.partner()) ? total / 36_000.0 / covered.size() : 0;
                assertTrue(
                        Math.abs(s.givenHundredths() - exactGiven) < 1.0,
                        "given within 0.01 h: " + s + " of " + exactGiven);
                assertTrue(
                        Math.abs(s.receivedHundredths() - exactReceived) < 1.0,
                        "received within 0.01 h: " + s + " of " + exactReceived);
                assertEquals(s.givenHundredths() - s.receivedHundredths(), s.balanceHundredths());
                if (!covered.contains(s.partner())) {
                    assertEquals(0, s.receivedHundredths());
                }
                sumGiven += s.givenHundredths();
                sumReceived += s.receivedHundredths();
                sumBalance += s.balanceHundredths();
            }
            assertEquals(roundedTotal, sumGiven, "the parts given add up to the rota's total");
            assertEquals(roundedTotal, sumReceived, "the cover received adds up to the rota's total");
            assertEquals(0, sumBalance, "balances add up to zero");
        }
    }

    @Test
    void aHundredHoursBetweenThreePartnersIsSplitToTheHundredth() {
        FairShares f = FairShares.of(
                List.of("A", "B", "C"), Map.of("A", 48 * HOUR, "B", 28 * HOUR, "C", 24 * HOUR), Set.of("A", "B", "C"));
        assertEquals(
                List.of(3334L, 3333L, 3333L),
                f.shares().stream().map(FairShares.Share::receivedHundredths).toList());
        assertEquals(
                List.of(1466L, -533L, -933L),
                f.shares().stream().map(FairShares.Share::balanceHundredths).toList());
    }

    @Test
    void hundredthsRoundHalfUpEitherSide() {
        assertEquals(1, Hundredths.round(18_000, 36_000));
        assertEquals(0, Hundredths.round(17_999, 36_000));
        assertEquals(0, Hundredths.round(-18_000, 36_000));
        assertEquals(-1, Hundredths.round(-18_001, 36_000));
        assertEquals(123.46, Hundredths.hours(Math.round(123.455 * HOUR)));
    }
}
