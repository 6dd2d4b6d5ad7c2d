package org.sharedict.skills.taxonomy;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Folding, typo distance and term resolution, without a database. */
class TaxonomyTest {

    private static Taxonomy.Entry skill(long id, String code, String name, String... aliases) {
        return new Taxonomy.Entry(id, code, name, null, "CAT", "Category", List.of(aliases), null);
    }

    private static final Taxonomy TAXONOMY = new Taxonomy(List.of(
            skill(1, "MSSQL", "Microsoft SQL Server", "MS SQL", "SQL Server"),
            skill(2, "CITRIX", "Citrix Virtual Apps and Desktops", "XenApp", "XenDesktop"),
            skill(3, "SAN", "Storage area networks"),
            skill(4, "EXCHANGE_ONLINE", "Exchange Online", "EXO"),
            skill(5, "EXCHANGE_SERVER", "Exchange Server"),
            skill(6, "CPP", "C++")));

    private static Taxonomy.Resolved resolved(String term) {
        return assertInstanceOf(Taxonomy.Resolved.class, TAXONOMY.resolve(term, 2, 5));
    }

    @Test
    void foldingIgnoresCaseSpacesPunctuationAndAccents() {
        assertEquals("mssql", Terms.key("MS-SQL"));
        assertEquals("mssql", Terms.key(" ms sql "));
        assertEquals("cafe", Terms.key("Café"));
        assertEquals("cplusplus", Terms.key("C++"));
        assertEquals("csharp", Terms.key("C#"));
        assertEquals("revenuesandbenefits", Terms.key("Revenues & Benefits"));
    }

    @Test
    void aliasesNamesAndCodesResolveExactly() {
        assertEquals("MSSQL", resolved("ms sql").skill().code());
        assertEquals(Taxonomy.How.ALIAS, resolved("SQL-Server").how());
        assertEquals(Taxonomy.How.CODE, resolved("citrix").how());
        assertEquals(Taxonomy.How.NAME, resolved("storage area networks").how());
        assertEquals("CPP", resolved("c++").skill().code());
    }

    @Test
    void smallTyposAreToleratedButShortTermsMustBeExact() {
        Taxonomy.Resolved r = resolved("citirx");
        assertEquals("CITRIX", r.skill().code());
        assertEquals(Taxonomy.How.TYPO, r.how());
        assertEquals("CITRIX", resolved("xenap").skill().code());
        assertEquals("MSSQL", resolved("Microsft SQL Sever").skill().code());
        // "SAM" is one letter from "SAN", but three letters are too few to guess from.
        assertInstanceOf(Taxonomy.Unresolved.class, TAXONOMY.resolve("SAM", 2, 5));
    }

    @Test
    void twoSkillsEquallyCloseAreNotGuessedBetweenButBothSuggested() {
        Taxonomy.Unresolved u = assertInstanceOf(Taxonomy.Unresolved.class, TAXONOMY.resolve("Exchange", 2, 5));
        List<String> codes = u.suggestions().stream().map(Taxonomy.Entry::code).toList();
        assertTrue(codes.containsAll(List.of("EXCHANGE_ONLINE", "EXCHANGE_SERVER")), codes.toString());
    }

    @Test
    void unknownTermsSuggestNothingWhenNothingIsClose() {
        Taxonomy.Unresolved u = assertInstanceOf(Taxonomy.Unresolved.class, TAXONOMY.resolve("kubernetes", 2, 5));
        assertEquals(List.of(), u.suggestions());
    }

    /** The textbook full-matrix distance, to check the early-exit one against. */
    private static int reference(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    @Test
    void earlyExitDistanceAgreesWithTheFullComputationOnRandomStrings() {
        Random rnd = new Random(1);
        for (int i = 0; i < 20000; i++) {
            String a = randomWord(rnd);
            String b = rnd.nextBoolean() ? mutate(rnd, a) : randomWord(rnd);
            int limit = rnd.nextInt(4);
            int full = reference(a, b);
            assertEquals(Math.min(full, limit + 1), Terms.distance(a, b, limit), a + " / " + b + " limit " + limit);
            assertEquals(Terms.distance(a, b, 10), Terms.distance(b, a, 10));
        }
    }

    private static String randomWord(Random rnd) {
        StringBuilder s = new StringBuilder();
        int n = rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + rnd.nextInt(6)));
        }
        return s.toString();
    }

    private static String mutate(Random rnd, String s) {
        StringBuilder b = new StringBuilder(s);
        int edits = rnd.nextInt(3);
        for (int e = 0; e < edits && b.length() > 1; e++) {
            int i = rnd.nextInt(b.length() - 1);
            switch (rnd.nextInt(4)) {
                case 0 -> b.deleteCharAt(i);
                case 1 -> b.insert(i, 'z');
                case 2 -> b.setCharAt(i, 'y');
                default -> {
                    char c = b.charAt(i);
                    b.setCharAt(i, b.charAt(i + 1));
                    b.setCharAt(i + 1, c);
                }
            }
        }
        return b.toString();
    }
}
