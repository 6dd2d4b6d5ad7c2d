package org.sharedict.skills.aid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.sharedict.skills.aid.agreement.Agreement.RateBasis;
import org.sharedict.skills.aid.agreement.Terms;
import org.sharedict.skills.aid.ledger.Ledger;
import org.sharedict.skills.aid.ledger.RotaCover;
import org.sharedict.skills.aid.requests.GivenTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ledger's arithmetic over many random ledgers (seeded, so a failure repeats). */
class LedgerPropertiesTest {

    private static final List<String> PARTNERS = List.of("BBC", "ELDC", "LCC", "COL", "NKDC", "SHDC", "SKDC", "WLDC");

    @Test
    void netPositionsOfAllPartnersSumToExactlyZero() {
        Random random = new Random(20260616L);
        for (int run = 0; run < 2000; run++) {
            Terms terms = randomTerms(random);
            List<GivenTime> given = randomLedger(random);
            List<RotaCover.Given> cover = randomCover(random);
            Ledger ledger = Ledger.of(given, cover, terms);
            long sum = ledger.positions().stream()
                    .mapToLong(Ledger.Position::netPence)
                    .sum();
            assertEquals(0, sum, "run " + run + " with " + terms);
            long owed = ledger.positions().stream()
                    .mapToLong(Ledger.Position::owedToItPence)
                    .sum();
            long owes = ledger.positions().stream()
                    .mapToLong(Ledger.Position::owesPence)
                    .sum();
            assertEquals(owed, owes, "run " + run);
            // The pairs' nets are the same money seen pair by pair: their charges add up to the total owed.
            long pairs = ledger.pairs().stream()
                    .mapToLong(p -> p.aToB().totalPence() + p.bToA().totalPence())
                    .sum();
            assertEquals(owed, pairs, "run " + run);
            long coverCharges = cover.stream()
                    .mapToLong(c -> terms.coverCharge(c.giver(), c.hours()))
                    .sum();
            long confirmedCharges = given.stream()
                    .filter(GivenTime::confirmed)
                    .mapToLong(g -> terms.charge(g.helper(), g.minutes(), g.outOfHours()))
                    .sum();
            assertEquals(confirmedCharges + coverCharges, owed, "run " + run);
            // Each pair's net is the same money whichever way round it is read.
            for (Ledger.Pair pair : ledger.pairs()) {
                assertEquals(pair.netPence(), -ledger.pair(pair.b(), pair.a()).netPence(), "run " + run + " " + pair);
                assertEquals(pair.netPence(), pair.helpNetPence() + pair.coverNetPence(), "run " + run);
            }
        }
    }

    @Test
    void anHourAndADayCostWhatTheAgreementSays() {
        Terms hourly = new Terms(RateBasis.HOUR, 3500L, Map.of(), 450, new BigDecimal("1.50"), 45000, true, true, true);
        assertEquals(3500, hourly.charge("BBC", 60, false));
        assertEquals(5250, hourly.charge("BBC", 60, true));
        assertEquals(58, hourly.charge("BBC", 1, false)); // 58.33p rounds to 58p
        assertEquals(45000, hourly.agencyCost(450));
        Terms daily = new Terms(
                RateBasis.DAY, null, Map.of("LCC", 30000L), 450, new BigDecimal("2.00"), 45000, true, false, false);
        assertEquals(30000, daily.charge("LCC", 450, false));
        assertEquals(60000, daily.charge("LCC", 450, true));
        assertEquals(0, daily.charge("BBC", 450, false)); // no rate agreed for BBC
    }

    private static Terms randomTerms(Random random) {
        Map<String, Long> rates = new HashMap<>();
        for (String p : PARTNERS) {
            if (random.nextInt(5) > 0) {
                rates.put(p, 1000L + random.nextInt(60_000));
            }
        }
        return new Terms(
                random.nextBoolean() ? RateBasis.HOUR : RateBasis.DAY,
                random.nextInt(3) == 0 ? (long) random.nextInt(50_000) : null,
                rates,
                300 + random.nextInt(300),
                BigDecimal.valueOf(100 + random.nextInt(200), 2),
                30_000 + random.nextInt(40_000),
                random.nextBoolean(),
                random.nextBoolean(),
                random.nextBoolean());
    }

    /** Out-of-hours rota cover between random pairs, to the hundredth of an hour, as rota-service reports it. */
    private static List<RotaCover.Given> randomCover(Random random) {
        int n = random.nextInt(20);
        List<RotaCover.Given> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String giver = PARTNERS.get(random.nextInt(PARTNERS.size()));
            String receiver;
            do {
                receiver = PARTNERS.get(random.nextInt(PARTNERS.size()));
            } while (receiver.equals(giver));
            out.add(new RotaCover.Given(
                    "rota " + random.nextInt(3), giver, receiver, BigDecimal.valueOf(random.nextInt(40_000), 2)));
        }
        return out;
    }

    @Test
    void coverIsPricedAtTheOutOfHoursRate() {
        Terms hourly = new Terms(RateBasis.HOUR, 3500L, Map.of(), 450, new BigDecimal("1.50"), 45000, true, true, true);
        assertEquals(5250, hourly.coverCharge("BBC", new BigDecimal("1.00")));
        assertEquals(22313, hourly.coverCharge("BBC", new BigDecimal("4.25"))); // £223.125 rounds up once
        Terms daily = new Terms(
                RateBasis.DAY, null, Map.of("LCC", 30000L), 450, new BigDecimal("2.00"), 45000, true, false, false);
        assertEquals(60000, daily.coverCharge("LCC", new BigDecimal("7.50")));
        assertEquals(0, daily.coverCharge("BBC", new BigDecimal("7.50")));
    }

    private static List<GivenTime> randomLedger(Random random) {
        int n = random.nextInt(60);
        List<GivenTime> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String helper = PARTNERS.get(random.nextInt(PARTNERS.size()));
            String requester;
            do {
                requester = PARTNERS.get(random.nextInt(PARTNERS.size()));
            } while (requester.equals(helper));
            out.add(new GivenTime(
                    i,
                    "request " + i,
                    LocalDate.of(2026, 1, 1).plusDays(random.nextInt(180)),
                    helper,
                    requester,
                    1 + random.nextInt(1440),
                    random.nextBoolean(),
                    random.nextInt(4) > 0));
        }
        return out;
    }
}
