package org.sharedict.platform.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.MediaType;

import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;

/**
 * Turns an uploaded CSV file's bytes into text without ever guessing silently: a byte-order mark
 * decides (UTF-8, UTF-16LE, UTF-16BE), else the {@code charset} the request declares, else
 * UTF-8 if the bytes are valid UTF-8, else Windows-1252 (what Excel's plain "CSV" writes on a
 * Western-European Windows). Every decoder is strict: bytes that are not text in the chosen
 * encoding are refused with a 415 problem naming it, never turned into U+FFFD, and a file that
 * already holds U+FFFD (damaged by an earlier conversion) is refused too.
 */
public final class CsvDecoder {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Labels browsers also read as Windows-1252 (WHATWG Encoding): C1 control codes never mean what Latin-1 says. */
    private static final Set<String> WINDOWS_1252_LABELS = Set.of(
            "iso-8859-1",
            "iso8859-1",
            "iso_8859-1",
            "latin1",
            "l1",
            "us-ascii",
            "ascii",
            "cp1252",
            "windows-1252",
            "x-cp1252");

    private static final String ACCEPTED =
            "UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, or Windows-1252";

    private CsvDecoder() {}

    /** The text and the encoding it was read in, e.g. {@code UTF-8}, {@code UTF-16LE}, {@code windows-1252}. */
    public record Decoded(String text, String encoding) {}

    public static Decoded decode(byte[] body, MediaType contentType) {
        Decoded d = bom(body);
        if (d == null) {
            String declared =
                    contentType == null ? null : contentType.getParameters().get(MediaType.CHARSET_PARAMETER);
            d = declared == null || declared.isBlank() ? sniff(body) : declared(body, declared.trim());
        }
        int replacement = d.text().indexOf('\uFFFD');
        if (replacement >= 0) {
            throw ProblemException.invalid(
                    "body",
                    "contains the replacement character U+FFFD (line "
                            + (d.text()
                                            .substring(0, replacement)
                                            .chars()
                                            .filter(c -> c == '\n')
                                            .count()
                                    + 1)
                            + "): an earlier conversion damaged this file; export it again from the original");
        }
        return d;
    }

    private static Decoded bom(byte[] b) {
        if (starts(b, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(strict(b, 3, StandardCharsets.UTF_8), "UTF-8");
        }
        if (starts(b, 0xFF, 0xFE, 0x00, 0x00) || starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
            throw unsupported("UTF-32", "UTF-32 files are not accepted; send " + ACCEPTED);
        }
        if (starts(b, 0xFF, 0xFE)) {
            return new Decoded(strict(b, 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        if (starts(b, 0xFE, 0xFF)) {
            return new Decoded(strict(b, 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        return null;
    }

    private static Decoded declared(byte[] b, String label) {
        Charset charset;
        if (WINDOWS_1252_LABELS.contains(label.toLowerCase(Locale.ROOT))) {
            charset = WINDOWS_1252;
        } else {
            try {
                charset = Charset.forName(label);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw unsupported(label, "charset '" + label + "' is unknown; send " + ACCEPTED);
            }
        }
        return new Decoded(strict(b, 0, charset), charset.name());
    }

    private static Decoded sniff(byte[] b) {
        for (byte x : b) {
            if (x == 0) {
                throw unsupported(
                        "UTF-16",
                        "the file holds zero bytes, so it looks like UTF-16 or UTF-32 without a byte-order mark; send "
                                + ACCEPTED);
            }
        }
        int utf8Error = firstError(b, 0, StandardCharsets.UTF_8);
        if (utf8Error < 0) {
            return new Decoded(new String(b, StandardCharsets.UTF_8), "UTF-8");
        }
        int cp1252Error = firstError(b, 0, WINDOWS_1252);
        if (cp1252Error < 0) {
            return new Decoded(new String(b, WINDOWS_1252), WINDOWS_1252.name());
        }
        throw unsupported(
                "UTF-8",
                String.format(
                        Locale.ROOT,
                        "the file is neither UTF-8 (byte 0x%02X at offset %d) nor Windows-1252 (byte 0x%02X at offset %d); send %s",
                        b[utf8Error] & 0xFF,
                        utf8Error,
                        b[cp1252Error] & 0xFF,
                        cp1252Error,
                        ACCEPTED));
    }

    private static String strict(byte[] b, int from, Charset charset) {
        int error = firstError(b, from, charset);
        if (error >= 0) {
            throw unsupported(
                    charset.name(),
                    String.format(
                            Locale.ROOT,
                            "the file is not valid %s: byte 0x%02X at offset %d; send %s",
                            charset.name(),
                            b[error] & 0xFF,
                            error,
                            ACCEPTED));
        }
        return new String(b, from, b.length - from, charset);
    }

    /** Offset of the first byte that is not text in {@code charset}, or -1. */
    private static int firstError(byte[] b, int from, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, from, b.length - from);
        CharBuffer out = CharBuffer.allocate(8192);
        CoderResult r;
        while ((r = decoder.decode(in, out, true)).isOverflow()) {
            out.clear();
        }
        if (r.isError()) {
            return in.position();
        }
        while (decoder.flush(out).isOverflow()) {
            out.clear();
        }
        return -1;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException unsupported(String encoding, String detail) {
        ProblemException e = ProblemException.of(
                415, "unsupported-encoding", "Unsupported encoding", detail, Map.of("encoding", encoding));
        e.problem().errors = List.of(new Problem.FieldError("body", detail));
        return e;
    }
}
