package org.sharedict.platform.csv;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.sharedict.platform.problem.ProblemException;

/**
 * Every CSV a service writes goes through here: RFC 4180, a header row, CRLF line ends, and
 * each text cell guarded against formula injection the OWASP way. A spreadsheet runs a cell
 * that starts with {@code = + - @}, a tab or a carriage return as a formula, so such a cell is
 * written with a leading {@code '}; {@link #unguard} takes exactly that prefix off again, so a
 * CSV that is read back (an import) gets the stored value, a phone number like
 * {@code +44 1632 960123} included.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";
    public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE + ";charset=UTF-8");

    private Csv() {}

    /** True when the caller asked for CSV: {@code ?format=csv}, or an Accept header preferring text/csv. */
    public static boolean wanted(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw ProblemException.invalid("format", "must be json or csv");
        }
        List<MediaType> accept = headers.getAcceptableMediaTypes();
        return !accept.isEmpty()
                && accept.get(0).isCompatible(MediaType.valueOf(MEDIA_TYPE))
                && !accept.get(0).isWildcardType();
    }

    /** A whole CSV document: the header, then one line per row; {@code null} cells are empty. */
    public static String write(List<String> header, List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        for (List<?> row : rows) {
            line(out, row);
        }
        return out.toString();
    }

    public static Response download(String filename, String body) {
        return Response.ok(body, TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * One cell, quoted where RFC 4180 needs it (and where outer spaces would otherwise be lost).
     * Numbers and booleans are written as they are: {@code -5} is a number to a spreadsheet, not
     * a formula. Anything else is text and guarded.
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Number || value instanceof Boolean ? value.toString() : guard(value.toString());
        boolean quote = text.indexOf(',') >= 0
                || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0
                || !text.isEmpty()
                        && (Character.isWhitespace(text.charAt(0))
                                || Character.isWhitespace(text.charAt(text.length() - 1)));
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /**
     * The text a spreadsheet shows for {@code value} without running it: a {@code '} in front of
     * a value that starts with a formula character. Values that already start with {@code '}s
     * before one get another, so {@link #unguard} can tell the guard from the data.
     */
    public static String guard(String value) {
        return guarded(value) ? "'" + value : value;
    }

    /** Undoes {@link #guard}: {@code unguard(guard(v)).equals(v)} for every string. */
    public static String unguard(String cell) {
        return cell != null && cell.startsWith("'") && guarded(cell.substring(1)) ? cell.substring(1) : cell;
    }

    /** Starts with a formula character, after any number of {@code '}s. */
    private static boolean guarded(String value) {
        int i = 0;
        while (i < value.length() && value.charAt(i) == '\'') {
            i++;
        }
        if (i == value.length()) {
            return false;
        }
        char c = value.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
