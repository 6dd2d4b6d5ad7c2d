package org.sharedict.rota.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.web.QueryParams;

/** The span of time rota-service works in, and the rules every date, instant and range it is given goes through. */
public final class Times {

    public static final int FIRST_YEAR = 1970;
    public static final int LAST_YEAR = 2999;
    static final String RANGE = "must be in the years " + FIRST_YEAR + " to " + LAST_YEAR;

    private static final Instant EARLIEST =
            LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant END =
            LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private Times() {}

    public static boolean supported(Instant t) {
        return !t.isBefore(EARLIEST) && t.isBefore(END);
    }

    public static boolean supported(LocalDate d) {
        return d.getYear() >= FIRST_YEAR && d.getYear() <= LAST_YEAR;
    }

    public static Instant require(String field, Instant t) {
        if (!supported(t)) {
            throw ProblemException.invalid(field, RANGE);
        }
        return t;
    }

    public static LocalDate require(String field, LocalDate d) {
        if (!supported(d)) {
            throw ProblemException.invalid(field, RANGE);
        }
        return d;
    }

    public static int requireYear(String field, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw ProblemException.invalid(field, RANGE);
        }
        return year;
    }

    /** [from, to) must run forwards and be at most {@code max} long; the 400 names {@code toName}. */
    public static void requireRange(String toName, Instant from, Instant to, Duration max) {
        if (!to.isAfter(from)) {
            throw ProblemException.invalid(toName, "must be after from");
        }
        if (Duration.between(from, to).compareTo(max) > 0) {
            throw ProblemException.invalid(toName, "at most " + max.toDays() + " days after from");
        }
    }

    /** A query parameter's instant in the supported years; {@code fallback} when not given. */
    public static Instant instant(String name, String value, Instant fallback) {
        Instant t = QueryParams.instant(name, value, fallback);
        return t == null ? null : require(name, t);
    }

    /** A query parameter's year in the supported span, or null when not given. */
    public static Integer year(String name, String value) {
        Integer year = QueryParams.integer(name, value, "2026");
        return year == null ? null : requireYear(name, year);
    }
}
