package org.sharedict.platform.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared CSV writer: formula cells guarded, and the guard taken off exactly. */
class CsvTest {

    /** A new seed each run explores new cases; a failure names it, so it can be replayed. */
    private static final long SEED = Long.getLong("test.seed", System.nanoTime());

    @Test
    void formulaCellsAreGuardedWithAnApostrophe() {
        assertEquals(
                "'=HYPERLINK(\"http://evil.example\",\"x\")", Csv.guard("=HYPERLINK(\"http://evil.example\",\"x\")"));
        for (String formula : List.of("=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1")) {
            assertEquals("'" + formula, Csv.guard(formula), formula);
        }
        assertEquals("''=1", Csv.guard("'=1"), "an apostrophe the data starts with is not mistaken for the guard");
        assertEquals("'plain", Csv.guard("'plain"));
        assertEquals("Zoë", Csv.guard("Zoë"));
        assertEquals("", Csv.guard(""));
    }

    @Test
    void numbersStayNumbersAndTextIsQuotedWhereNeeded() {
        assertEquals("-5", Csv.cell(-5), "a negative number is not a formula");
        assertEquals("'-5", Csv.cell("-5"), "but text that starts with - is guarded");
        assertEquals("'+44 1632 960123", Csv.cell("+44 1632 960123"));
        assertEquals("\"'=1,2\"", Csv.cell("=1,2"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("\" padded \"", Csv.cell(" padded "));
        assertEquals("'\t=1", Csv.cell("\t=1"), "the guard keeps the leading tab from being trimmed, too");
        assertEquals("", Csv.cell(null));
        assertEquals("true", Csv.cell(true));
        assertEquals("a,\"b\nc\",'@x,3\r\n", Csv.write(List.of("a", "b\nc", "@x", "3"), List.of()));
    }

    @Test
    void unguardUndoesGuardForEveryString() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            String value = cell(random);
            assertEquals(value, Csv.unguard(Csv.guard(value)), "seed " + SEED);
        }
    }

    @Test
    void everyWrittenCellParsesBackToItsValue() {
        Random random = new Random(SEED);
        for (int i = 0; i < 5_000; i++) {
            List<String> row = new ArrayList<>();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                row.add(cell(random));
            }
            assertEquals(row, parseLine(Csv.write(row, List.of())), "seed " + SEED);
        }
    }

    private static final String[] TRICKY = {
        "=", "+", "-", "@", "\t", "\r", "\n", "'", "\"", ",", ";", "|", " ", "ë", "😀", "x", "1"
    };

    /** Text built from the characters that matter here, or any characters at all. */
    static String cell(Random random) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(10);
        boolean anything = random.nextInt(4) == 0;
        for (int i = 0; i < length; i++) {
            if (anything) {
                b.appendCodePoint(random.nextInt(3) == 0 ? random.nextInt(0x80) : 0x20 + random.nextInt(0x2FFF));
            } else {
                b.append(TRICKY[random.nextInt(TRICKY.length)]);
            }
        }
        return b.toString();
    }

    /** A minimal RFC 4180 reader for one line, with the guard taken off: what an import does. */
    private static List<String> parseLine(String line) {
        assertEquals("\r\n", line.substring(line.length() - 2));
        String s = line.substring(0, line.length() - 2);
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(Csv.unguard(cell.toString()));
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(Csv.unguard(cell.toString()));
        return out;
    }
}
