package org.sharedict.skills.directory;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sharedict.platform.problem.ProblemException;

/**
 * The people CSV format (skills-service/README.md, "CSV import and export"): one row per
 * person, skills and certifications packed into two columns. Reading turns each cell into a
 * typed value or a row error; it never touches the database.
 */
public final class PeopleCsv {

    public static final List<String> COLUMNS = List.of("partner", "name", "email", "job_title", "team", "work_phone",
            "mobile", "site", "manager", "help_other_partners", "help_hours_per_month", "out_of_hours",
            "unavailable_until", "unavailable_reason", "last_confirmed", "skills", "certifications");
    static final Set<String> REQUIRED = Set.of("partner", "name", "email");
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private PeopleCsv() {
    }

    /** One problem with one cell; {@code row} is the spreadsheet row (the header is row 1). */
    public record RowError(long row, String column, String message, String rejected) {
    }

    public enum Verification { KEEP, VERIFIED, SELF_ASSESSED }

    public record SkillCell(String term, int level, Verification verification) {
    }

    public record CertCell(String name, String issuer, String number, LocalDate expires, String skill) {
    }

    /** A row as read: cells by column name (only the columns the file has), then typed values. */
    public static final class Row {
        public final long row;
        public final Map<String, String> cells = new LinkedHashMap<>();
        public Boolean manager;
        public Boolean helpOtherPartners;
        public Integer helpHoursPerMonth;
        public Boolean outOfHours;
        public LocalDate unavailableUntil;
        public LocalDate lastConfirmed;
        public List<SkillCell> skills = List.of();
        public List<CertCell> certifications = List.of();

        Row(long row) {
            this.row = row;
        }

        public boolean has(String column) {
            return cells.containsKey(column);
        }

        public String text(String column) {
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    public record Parsed(List<String> columns, List<Row> rows, List<RowError> errors) {
    }

    public static Parsed read(String text, int maxRows) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("body", "the CSV file is empty");
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text; // Excel's byte-order mark
        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        List<String> columns;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(body))) {
            columns = parser.getHeaderNames().stream().map(h -> h.trim().toLowerCase(Locale.ROOT).replace(' ', '_')).toList();
            List<String> unknown = columns.stream().filter(c -> !COLUMNS.contains(c)).toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.invalid("header", "unknown column(s) " + unknown + "; the columns are " + COLUMNS);
            }
            List<String> missing = REQUIRED.stream().filter(c -> !columns.contains(c)).sorted().toList();
            if (!missing.isEmpty()) {
                throw ProblemException.invalid("header", "missing required column(s) " + missing);
            }
            for (CSVRecord record : parser) {
                if (rows.size() >= maxRows) {
                    throw ProblemException.invalid("body", "at most " + maxRows + " rows per file; split it");
                }
                // Record 1 is the first data row; the header is spreadsheet row 1.
                Row row = new Row(record.getRecordNumber() + 1);
                for (int i = 0; i < columns.size() && i < record.size(); i++) {
                    row.cells.put(columns.get(i), record.get(i));
                }
                if (record.size() != columns.size()) {
                    errors.add(new RowError(row.row, "row", "has " + record.size() + " cells but the header has "
                            + columns.size(), null));
                }
                typed(row, errors);
                rows.add(row);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.invalid("body", "not a readable CSV file: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid("body", "the CSV file has a header but no rows");
        }
        return new Parsed(columns, rows, errors);
    }

    private static void typed(Row r, List<RowError> errors) {
        r.manager = bool(r, "manager", errors);
        r.helpOtherPartners = bool(r, "help_other_partners", errors);
        r.outOfHours = bool(r, "out_of_hours", errors);
        r.unavailableUntil = date(r, "unavailable_until", errors);
        r.lastConfirmed = date(r, "last_confirmed", errors);
        String hours = r.text("help_hours_per_month");
        if (hours != null) {
            try {
                r.helpHoursPerMonth = Integer.parseInt(hours);
            } catch (NumberFormatException e) {
                errors.add(new RowError(r.row, "help_hours_per_month", "must be a whole number", hours));
            }
        }
        r.skills = skills(r, errors);
        r.certifications = certifications(r, errors);
    }

    private static Boolean bool(Row r, String column, List<RowError> errors) {
        String v = r.text(column);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "no", "n", "0" -> Boolean.FALSE;
            default -> {
                errors.add(new RowError(r.row, column, "must be yes or no (or true/false)", v));
                yield null;
            }
        };
    }

    static LocalDate parseDate(String v) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return LocalDate.parse(v, UK_DATE);
        }
    }

    private static LocalDate date(Row r, String column, List<RowError> errors) {
        String v = r.text(column);
        if (v == null) {
            return null;
        }
        try {
            return parseDate(v);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(r.row, column, "must be a date, 2026-11-22 or 22/11/2026", v));
            return null;
        }
    }

    /** {@code CITRIX:4:verified; MS SQL:3} — code, name or alias, level, optional verified/self. */
    private static List<SkillCell> skills(Row r, List<RowError> errors) {
        String v = r.text("skills");
        List<SkillCell> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (String part : v.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] bits = part.trim().split(":");
            if (bits.length < 2 || bits.length > 3 || bits[0].isBlank()) {
                errors.add(new RowError(r.row, "skills", "each skill is skill:level or skill:level:verified", part.trim()));
                continue;
            }
            int level;
            try {
                level = Integer.parseInt(bits[1].trim());
            } catch (NumberFormatException e) {
                level = 0;
            }
            if (level < 1 || level > 5) {
                errors.add(new RowError(r.row, "skills", "level must be 1 to 5", part.trim()));
                continue;
            }
            Verification verification = Verification.KEEP;
            if (bits.length == 3) {
                switch (bits[2].trim().toLowerCase(Locale.ROOT)) {
                    case "verified", "v" -> verification = Verification.VERIFIED;
                    case "self", "self-assessed", "s" -> verification = Verification.SELF_ASSESSED;
                    default -> {
                        errors.add(new RowError(r.row, "skills", "the third part must be verified or self", part.trim()));
                        continue;
                    }
                }
            }
            out.add(new SkillCell(bits[0].trim(), level, verification));
        }
        return out;
    }

    /** {@code CCNA|Cisco|CSCO123|2027-05-01|NETWORKS; ITIL 4 Foundation|PeopleCert} — name, then optional parts. */
    private static List<CertCell> certifications(Row r, List<RowError> errors) {
        String v = r.text("certifications");
        List<CertCell> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (String part : v.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] bits = part.trim().split("\\|", -1);
            if (bits.length > 5 || bits[0].isBlank()) {
                errors.add(new RowError(r.row, "certifications", "each certification is name|issuer|number|expires|skill",
                        part.trim()));
                continue;
            }
            LocalDate expires = null;
            if (bits.length > 3 && !bits[3].isBlank()) {
                try {
                    expires = parseDate(bits[3].trim());
                } catch (DateTimeParseException e) {
                    errors.add(new RowError(r.row, "certifications", "expiry must be a date, 2026-11-22 or 22/11/2026", part.trim()));
                    continue;
                }
            }
            out.add(new CertCell(bits[0].trim(), part(bits, 1), part(bits, 2), expires, part(bits, 4)));
        }
        return out;
    }

    private static String part(String[] bits, int i) {
        return bits.length > i && !bits[i].isBlank() ? bits[i].trim() : null;
    }
}
