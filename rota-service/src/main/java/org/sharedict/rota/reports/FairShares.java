package org.sharedict.rota.reports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Each partner's part in one rota's primary hours, in exact milliseconds, rounded once to 0.01 h:
 * what its people gave, the cover it received (the rota's hours split equally between the partners
 * it covers) and the balance. Given and received are each rounded by largest remainder so that they
 * add up to the rota's rounded total, and the balance is given minus received as shown: balances
 * add up to exactly zero.
 */
record FairShares(long totalMillis, List<Share> shares) {

    record Share(String partner, boolean covered, long givenMillis, long givenHundredths, long receivedHundredths) {
        long balanceHundredths() {
            return givenHundredths - receivedHundredths;
        }
    }

    /** @param partners every partner to show, in order; @param given milliseconds given per partner; @param covered the partners the rota covers */
    static FairShares of(List<String> partners, Map<String, Long> given, Collection<String> covered) {
        long total = 0;
        for (String p : partners) {
            total += given.getOrDefault(p, 0L);
        }
        int n = (int) partners.stream().filter(covered::contains).count();
        // In units of 1/n ms, so that an equal split of the total is a whole number for every partner.
        long unit = Hundredths.MILLIS * Math.max(n, 1);
        long[] gave = new long[partners.size()];
        long[] received = new long[partners.size()];
        for (int i = 0; i < partners.size(); i++) {
            gave[i] = given.getOrDefault(partners.get(i), 0L) * Math.max(n, 1);
            received[i] = covered.contains(partners.get(i)) ? total : 0;
        }
        long[] g = Hundredths.apportion(gave, unit);
        long[] r = Hundredths.apportion(received, unit);
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < partners.size(); i++) {
            String p = partners.get(i);
            shares.add(new Share(p, covered.contains(p), given.getOrDefault(p, 0L), g[i], r[i]));
        }
        return new FairShares(total, shares);
    }
}
