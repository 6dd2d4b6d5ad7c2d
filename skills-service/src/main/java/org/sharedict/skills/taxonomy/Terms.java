package org.sharedict.skills.taxonomy;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How search terms are compared with skill codes, names and aliases: folded to a key (case,
 * accents, spaces and punctuation ignored, so "MS-SQL", "ms sql" and "MSSQL" are one term), and
 * an edit distance that counts a swapped pair of letters as one typo ("citirx").
 */
public final class Terms {

    private Terms() {}

    /** The folded form of a term: lower-case letters and digits only; '+', '#' and '&' kept as words. */
    public static String key(String term) {
        if (term == null) {
            return "";
        }
        String s = Normalizer.normalize(term, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replace("+", "plus")
                .replace("#", "sharp")
                .replace("&", "and");
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * How many typos a term of this (folded) length may carry and still match: none for three
     * letters or fewer ("SAN" must not become "SQL"), one up to seven, then {@code max}.
     */
    public static int typosAllowed(int keyLength, int max) {
        if (keyLength <= 3) {
            return 0;
        }
        if (keyLength <= 7) {
            return Math.min(1, max);
        }
        return max;
    }

    /**
     * Optimal string alignment distance (insertions, deletions, substitutions and adjacent
     * swaps), giving up early: any answer above {@code limit} is returned as {@code limit + 1}.
     */
    public static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], limit + 1);
    }
}
