package org.sharedict.platform.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.sharedict.platform.partnership.Partnership;
import org.sharedict.platform.problem.ProblemException;

/**
 * Query parameters a resource takes as text and reads strictly, where a typed parameter
 * ({@link ParameterConverters}) cannot say enough: a value that cannot be read is a 400 naming the
 * parameter and saying what it must be, never a default. One class for every service.
 */
public final class QueryParams {

    private QueryParams() {}

    /** true/yes/1 or false/no/0, any case; null when not given. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> Boolean.TRUE;
            case "false", "no", "0" -> Boolean.FALSE;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }

    /** An ISO-8601 instant (Z or an offset); {@code fallback} when not given. */
    public static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.trim()).toInstant();
            } catch (DateTimeParseException e2) {
                throw ProblemException.invalid(name, "must be an ISO-8601 instant such as 2026-11-22T23:00:00Z");
            }
        }
    }

    /** A whole number; null when not given. */
    public static Integer integer(String name, String value, String example) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number such as " + example);
        }
    }

    /** One of the enumeration's names, any case; {@code fallback} when not given. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A partner code, upper case ({@link Partnership#code}). */
    public static String partner(String name, String value, boolean required) {
        return Partnership.code(name, value, required);
    }
}
