package org.sharedict.skills.transfer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.sharedict.platform.csv.Csv;
import org.sharedict.platform.problem.ProblemException;

/**
 * The people CSV format (skills-service/README.md, "CSV import and export"): one row per
 * person, skills and certifications packed into two columns. Reading turns each cell into a
 * typed value or a row error; it never touches the database. Writing is its exact inverse for
 * every value a person record can hold: {@link PackedCells} reads and writes the two packed
 * columns, and {@link Csv} guards formula cells.
 */
public final class PeopleCsv {

    public static final List<String> COLUMNS = List.of(
            "partner",
            "name",
            "email",
            "job_title",
            "team",
            "work_phone",
            "mobile",
            "site",
            "manager",
            "help_other_partners",
            "help_hours_per_month",
            "out_of_hours",
            "unavailable_until",
            "unavailable_reason",
            "last_confirmed",
            "skills",
            "certifications");
    static final Set<String> REQUIRED = Set.of("partner", "name", "email");
    private static final DateTimeFormatter UK_DATE =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private PeopleCsv() {}

    /** One problem with one cell; {@code row} is the spreadsheet row (the header is row 1). */
    public record RowError(long row, String column, String message, String rejected) {}

    public enum Verification {
        KEEP,
        VERIFIED,
        SELF_ASSESSED
    }

    public record SkillCell(String term, int level, Verification verification) {}

    public record CertCell(
            String name, String issuer, String number, LocalDate expires, String skill, LocalDate obtained) {}

    /** One person as a row of the file, the way the export writes it. */
    public record Line(
            String partner,
            String name,
            String email,
            String jobTitle,
            String team,
            String workPhone,
            String mobile,
            String site,
            boolean manager,
            boolean helpOtherPartners,
            int helpHoursPerMonth,
            boolean outOfHours,
            LocalDate unavailableUntil,
            String unavailableReason,
            LocalDate lastConfirmed,
            List<SkillCell> skills,
            List<CertCell> certifications) {}

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

    public record Parsed(List<String> columns, List<Row> rows, List<RowError> errors) {}

    public static Parsed read(String text, int maxRows) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("body", "the CSV file is empty");
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text; // Excel's byte-order mark
        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        List<String> columns;
        try (CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(new StringReader(body))) {
            columns = parser.getHeaderNames().stream()
                    .map(h -> h.trim().toLowerCase(Locale.ROOT).replace(' ', '_'))
                    .toList();
            List<String> unknown =
                    columns.stream().filter(c -> !COLUMNS.contains(c)).toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.invalid(
                        "header", "unknown column(s) " + unknown + "; the columns are " + COLUMNS);
            }
            List<String> missing =
                    REQUIRED.stream().filter(c -> !columns.contains(c)).sorted().toList();
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
                    // Trimmed as the API trims (String.trim), so every value the API can store comes back.
                    row.cells.put(columns.get(i), Csv.unguard(record.get(i).trim()));
                }
                if (record.size() != columns.size()) {
                    errors.add(new RowError(
                            row.row,
                            "row",
                            "has " + record.size() + " cells but the header has " + columns.size(),
                            null));
                }
                typed(row, errors);
                rows.add(row);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
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
        r.skills = PackedCells.skills(r.row, r.text("skills"), errors);
        r.certifications = PackedCells.certifications(r.row, r.text("certifications"), errors);
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

    // ---- writing -------------------------------------------------------------------------------

    public static String write(List<Line> lines) {
        List<List<?>> rows = new ArrayList<>();
        for (Line l : lines) {
            rows.add(List.of(
                    l.partner(),
                    l.name(),
                    l.email(),
                    nz(l.jobTitle()),
                    nz(l.team()),
                    nz(l.workPhone()),
                    nz(l.mobile()),
                    nz(l.site()),
                    yes(l.manager()),
                    yes(l.helpOtherPartners()),
                    l.helpHoursPerMonth(),
                    yes(l.outOfHours()),
                    date(l.unavailableUntil()),
                    nz(l.unavailableReason()),
                    date(l.lastConfirmed()),
                    PackedCells.skillsCell(l.skills()),
                    PackedCells.certificationsCell(l.certifications())));
        }
        return Csv.write(COLUMNS, rows);
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
