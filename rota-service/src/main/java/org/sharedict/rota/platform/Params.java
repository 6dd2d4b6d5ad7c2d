package org.sharedict.rota.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.sharedict.platform.problem.ProblemException;

/** Query parameters read strictly: a value that cannot be read is a 400 naming the parameter. */
public final class Params {

    private static final Pattern PARTNER = Pattern.compile("[A-Za-z0-9]{2,16}");

    private Params() {
    }

    /** An instant in the years rota-service works in ({@link Times}). */
    public static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Instant t;
        try {
            t = Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            try {
                t = OffsetDateTime.parse(value.trim()).toInstant();
            } catch (DateTimeParseException e2) {
                throw ProblemException.invalid(name, "must be an ISO-8601 instant such as 2026-11-22T23:00:00Z");
            }
        }
        return Times.require(name, t);
    }

    /** A year in the span rota-service works in ({@link Times}), or null when not given. */
    public static Integer year(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int year;
        try {
            year = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a year such as 2026");
        }
        return Times.requireYear(name, year);
    }

    public static String partner(String name, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.invalid(name, "is required: a partner code such as BBC");
            }
            return null;
        }
        if (!PARTNER.matcher(value.trim()).matches()) {
            throw ProblemException.invalid(name, "must be a partner code of 2 to 16 letters or digits");
        }
        return value.trim().toUpperCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
