package org.sharedict.platform.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What a client is told when its JSON body cannot be read, whichever way Jackson's failure reaches
 * us (thrown as is, wrapped in a 400 by Quarkus REST, or wrapped with the field's path by
 * Jackson): {@code malformed-json} when the text is not acceptable JSON, {@code validation-failed}
 * naming the field when a value does not fit its field. Never a Java class name.
 */
final class JsonProblems {

    private JsonProblems() {}

    /** The first Jackson failure in the chain, or null when there is none. */
    static JacksonException find(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JacksonException j) {
                return j;
            }
        }
        return null;
    }

    /** The problem for a Jackson failure reading a request body; null for our own bugs (a DTO Jackson cannot use). */
    static Problem of(Throwable e) {
        String field = "";
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof InvalidDefinitionException) {
                return null;
            }
            if (field.isEmpty() && t instanceof JsonMappingException m) {
                field = path(m);
            }
            if (t instanceof StreamConstraintsException c) {
                return malformed(c.getMessage().replaceAll(", from `[^`]*`\\)", ")"));
            }
            if (t instanceof InputCoercionException c) {
                return invalid(
                        field,
                        "is out of range: must be " + describe(c.getTargetType()) + range(c.getTargetType()),
                        null);
            }
            if (t instanceof UnrecognizedPropertyException u) {
                return invalid(field.isEmpty() ? u.getPropertyName() : field, "unknown field", null);
            }
            if (t instanceof InvalidFormatException f) {
                return invalid(field, "must be " + describe(f.getTargetType()), f.getValue());
            }
            if (t instanceof MismatchedInputException m) {
                String message = String.valueOf(m.getOriginalMessage());
                if (message.startsWith("Trailing token")) {
                    return malformed("there is more after the JSON value");
                }
                if (message.startsWith("No content")) {
                    return invalid("body", "a request body is required", null);
                }
                return invalid(
                        field,
                        m.getTargetType() == null
                                ? "has the wrong type or shape"
                                : "must be " + describe(m.getTargetType()),
                        null);
            }
            if (t instanceof StreamReadException r) {
                return malformed(r.getOriginalMessage());
            }
        }
        return invalid(field, "has the wrong type or shape", null);
    }

    private static Problem malformed(String why) {
        return new Problem("malformed-json", "Malformed JSON", 400, "The request body is not valid JSON: " + why);
    }

    private static Problem invalid(String field, String message, Object rejected) {
        Problem p = ProblemException.invalid(List.of(new Problem.FieldError(
                        field == null || field.isEmpty() ? "body" : field, message, safe(rejected))))
                .problem();
        return p;
    }

    private static Object safe(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CharSequence s) {
            return s.length() > 200 ? s.subSequence(0, 200) + "…" : s.toString();
        }
        return null;
    }

    /** The caller's name for the field: {@code steps[2].duration}. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** A type in the words of the API, not of Java. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", "));
        }
        if (type == int.class
                || type == Integer.class
                || type == long.class
                || type == Long.class
                || type == short.class
                || type == Short.class
                || type == byte.class
                || type == Byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class
                || type == Double.class
                || type == float.class
                || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-11-22";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "a date and time such as 2026-11-22T21:00:00Z";
        }
        if (type == LocalDateTime.class) {
            return "a local date and time such as 2026-11-22T21:00:00";
        }
        if (type == LocalTime.class) {
            return "a time such as 21:00";
        }
        if (type == YearMonth.class) {
            return "a month such as 2026-11";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration such as PT2H";
        }
        if (type == Period.class) {
            return "an ISO-8601 period such as P7D";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) || !type.isPrimitive() ? "an object" : "another type";
    }

    private static String range(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == short.class || type == Short.class) {
            return " from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
        }
        return "";
    }
}
