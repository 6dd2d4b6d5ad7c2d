package org.sharedict.rota.reports;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Hours are reported to 0.01 h (36 s) but worked out in exact milliseconds and rounded once, here.
 * Where rounded parts must add up to a rounded whole (a rota's hours split between partners), they
 * are rounded by the largest-remainder method: each part is its exact value rounded down or up, and
 * the parts sum to the rounded whole.
 */
final class Hundredths {

    /** Milliseconds in 0.01 h. */
    static final long MILLIS = 36_000;

    private Hundredths() {}

    /** Exact milliseconds as hours to two places, rounded half up. */
    static double hours(long millis) {
        return round(millis, MILLIS) / 100.0;
    }

    /** {@code value / unit} rounded half up, for values of either sign. */
    static long round(long value, long unit) {
        return Math.floorDiv(2 * value + unit, 2 * unit);
    }

    /**
     * Each of the non-negative {@code values} in hundredths of {@code unit}, rounded so that they add up
     * to their rounded sum; leftover hundredths go to the largest remainders (the earliest on a tie).
     */
    static long[] apportion(long[] values, long unit) {
        long[] out = new long[values.length];
        long[] remainder = new long[values.length];
        long sum = 0;
        long floors = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                throw new IllegalArgumentException("apportion takes non-negative values: " + Arrays.toString(values));
            }
            out[i] = values[i] / unit;
            remainder[i] = values[i] % unit;
            floors += out[i];
            sum += values[i];
        }
        long extra = round(sum, unit) - floors;
        Integer[] order = IntStream.range(0, values.length)
                .boxed()
                .sorted(Comparator.comparingLong((Integer i) -> -remainder[i]).thenComparingInt(i -> i))
                .toArray(Integer[]::new);
        for (int k = 0; k < extra; k++) {
            out[order[k]]++;
        }
        return out;
    }
}
