package org.sharedict.platform.csv;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;

import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading uploaded CSV bytes: every encoding told apart, nothing turned into U+FFFD. */
class CsvDecoderTest {

    private static final String TEXT = "name,site\nZoë Brontë,Café € Hall\n";
    private static final MediaType CSV = MediaType.valueOf("text/csv");
    private static final long SEED = Long.getLong("test.seed", System.nanoTime());

    @Test
    void excelsWindows1252IsReadAsWindows1252() {
        byte[] bytes = TEXT.getBytes(CsvDecoder.WINDOWS_1252);
        assertEquals((byte) 0xEB, bytes[12], "ë is the single byte 0xEB, which is not UTF-8");
        CsvDecoder.Decoded d = CsvDecoder.decode(bytes, CSV);
        assertEquals(TEXT, d.text());
        assertEquals("windows-1252", d.encoding());
    }

    @Test
    void byteOrderMarksDecide() {
        assertEquals(
                new CsvDecoder.Decoded(TEXT, "UTF-8"),
                CsvDecoder.decode(concat(bytes(0xEF, 0xBB, 0xBF), utf8(TEXT)), CSV));
        assertEquals(
                new CsvDecoder.Decoded(TEXT, "UTF-16LE"),
                CsvDecoder.decode(concat(bytes(0xFF, 0xFE), TEXT.getBytes(StandardCharsets.UTF_16LE)), CSV));
        assertEquals(
                new CsvDecoder.Decoded(TEXT, "UTF-16BE"),
                CsvDecoder.decode(concat(bytes(0xFE, 0xFF), TEXT.getBytes(StandardCharsets.UTF_16BE)), CSV));
        assertEquals(
                new CsvDecoder.Decoded(TEXT, "UTF-8"),
                CsvDecoder.decode(
                        concat(bytes(0xEF, 0xBB, 0xBF), utf8(TEXT)),
                        MediaType.valueOf("text/csv; charset=windows-1252")),
                "a byte-order mark wins over a declared charset");
    }

    @Test
    void aDeclaredCharsetIsUsedAndLatin1MeansWindows1252() {
        assertEquals(
                new CsvDecoder.Decoded(TEXT, "windows-1252"),
                CsvDecoder.decode(
                        TEXT.getBytes(CsvDecoder.WINDOWS_1252), MediaType.valueOf("text/csv; charset=ISO-8859-1")));
        assertEquals(
                new CsvDecoder.Decoded(TEXT, "UTF-8"),
                CsvDecoder.decode(utf8(TEXT), MediaType.valueOf("text/csv; charset=utf-8")));
        assertEquals(
                "ü",
                CsvDecoder.decode(bytes(0x81), MediaType.valueOf("text/csv; charset=IBM437"))
                        .text());
    }

    @Test
    void bytesThatAreNotTextInTheEncodingAreRefusedNamingIt() {
        Problem wrongDeclared =
                refused(TEXT.getBytes(CsvDecoder.WINDOWS_1252), MediaType.valueOf("text/csv; charset=UTF-8"));
        assertEquals(415, wrongDeclared.status);
        assertEquals("UTF-8", wrongDeclared.extensions().get("encoding"));
        assertTrue(
                wrongDeclared.detail.startsWith("the file is not valid UTF-8: byte 0xEB at offset 12"),
                wrongDeclared.detail);
        assertEquals("body", wrongDeclared.errors.get(0).field());

        Problem neither = refused(concat(utf8("name\nZo"), bytes(0x81), utf8("\n")), CSV);
        assertTrue(
                neither.detail.startsWith(
                        "the file is neither UTF-8 (byte 0x81 at offset 7) nor Windows-1252 (byte 0x81 at offset 7)"),
                neither.detail);

        Problem odd = refused(concat(bytes(0xFF, 0xFE), bytes(0x00, 0xD8, 0x41, 0x00)), CSV);
        assertTrue(odd.detail.startsWith("the file is not valid UTF-16LE"), odd.detail);

        assertEquals(
                "UTF-32",
                refused(concat(bytes(0xFF, 0xFE, 0, 0), "a".getBytes(Charset.forName("UTF-32LE"))), CSV)
                        .extensions()
                        .get("encoding"));
        assertEquals(
                "UTF-16",
                refused(TEXT.getBytes(StandardCharsets.UTF_16LE), CSV)
                        .extensions()
                        .get("encoding"),
                "UTF-16 without a byte-order mark is valid UTF-8 full of zero bytes: refused, not stored");
        assertEquals(
                "klingon",
                refused(utf8(TEXT), MediaType.valueOf("text/csv; charset=klingon"))
                        .extensions()
                        .get("encoding"));
    }

    @Test
    void aFileAlreadyHoldingReplacementCharactersIsRefused() {
        ProblemException e =
                assertThrows(ProblemException.class, () -> CsvDecoder.decode(utf8("name\nZo\uFFFD\n"), CSV));
        assertEquals(400, e.problem().status);
        assertEquals("body", e.problem().errors.get(0).field());
        assertTrue(e.problem().errors.get(0).message().contains("U+FFFD (line 2)"));
    }

    /** Any text at all comes back unchanged, in every encoding that can carry it. */
    @Test
    void anyTextRoundTripsInEveryEncodingThatCanCarryIt() {
        Random random = new Random(SEED);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                int c = random.nextInt(3) == 0 ? 1 + random.nextInt(0xFF) : 1 + random.nextInt(0x10FFFF);
                // Not U+FEFF: at the start it is a byte-order mark, not text.
                if (Character.isDefined(c)
                        && Character.getType(c) != Character.SURROGATE
                        && c != 0xFFFD
                        && c != 0xFEFF) {
                    b.appendCodePoint(c);
                }
            }
            String t = b.toString();
            assertEquals(t, CsvDecoder.decode(utf8(t), CSV).text(), "seed " + SEED);
            assertEquals(
                    t,
                    CsvDecoder.decode(concat(bytes(0xEF, 0xBB, 0xBF), utf8(t)), null)
                            .text(),
                    "seed " + SEED);
            assertEquals(
                    t,
                    CsvDecoder.decode(concat(bytes(0xFF, 0xFE), t.getBytes(StandardCharsets.UTF_16LE)), CSV)
                            .text(),
                    "seed " + SEED);
            assertEquals(
                    t,
                    CsvDecoder.decode(concat(bytes(0xFE, 0xFF), t.getBytes(StandardCharsets.UTF_16BE)), CSV)
                            .text(),
                    "seed " + SEED);
            StringBuilder latin = new StringBuilder();
            t.codePoints()
                    .filter(c -> CsvDecoder.WINDOWS_1252.newEncoder().canEncode(Character.toString(c)))
                    .forEach(latin::appendCodePoint);
            String w = latin.toString();
            byte[] cp1252 = w.getBytes(CsvDecoder.WINDOWS_1252);
            if (startsWithAByteOrderMark(cp1252)) {
                // "ÿþ…", "þÿ…" or "ï»¿…" in Windows-1252 are the bytes of a byte-order mark, which wins
                // over a declared charset (WHATWG Encoding, "decode"): such a file is read as UTF-16/8.
                continue;
            }
            assertEquals(
                    w,
                    CsvDecoder.decode(cp1252, MediaType.valueOf("text/csv; charset=windows-1252"))
                            .text(),
                    "seed " + SEED);
            // Undeclared, they are read as Windows-1252 whenever they are not valid UTF-8: for real text
            // always, as it has an accented letter next to a plain one somewhere ("Åµ" alone is UTF-8 "ŵ").
            boolean validUtf8 = Arrays.equals(utf8(new String(cp1252, StandardCharsets.UTF_8)), cp1252);
            if (!validUtf8) {
                assertEquals(w, CsvDecoder.decode(cp1252, CSV).text(), "seed " + SEED);
            }
        }
    }

    private static Problem refused(byte[] body, MediaType type) {
        return assertThrows(ProblemException.class, () -> CsvDecoder.decode(body, type))
                .problem();
    }

    private static boolean startsWithAByteOrderMark(byte[] b) {
        return b.length >= 2
                && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE)
                        || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF)
                        || (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer out =
                ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        Arrays.stream(parts).forEach(out::put);
        return out.array();
    }
}
