package org.sharedict.skills.platform;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV answers: RFC 4180, UTF-8, a header row, opened by spreadsheets as a download. */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";
    public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE + ";charset=UTF-8");

    private Csv() {
    }

    /** True when the caller asked for CSV: {@code ?format=csv}, or an Accept header preferring text/csv. */
    public static boolean wanted(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw org.sharedict.platform.problem.ProblemException.invalid("format", "must be json or csv");
        }
        List<MediaType> accept = headers.getAcceptableMediaTypes();
        return !accept.isEmpty() && accept.get(0).isCompatible(MediaType.valueOf(MEDIA_TYPE)) && !accept.get(0).isWildcardType();
    }

    public static String write(List<String> header, List<List<?>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<?> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static Response download(String filename, String body) {
        return Response.ok(body, TYPE).header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
