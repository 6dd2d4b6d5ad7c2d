package org.sharedict.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads typed query, path, header and cookie parameters, and when one cannot be read says which
 * and why ({@link BadParameterException}). JAX-RS' own conversion names neither the parameter nor
 * the valid values, and answers an unknown enum with the Java class name.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    private static final String WHOLE = "must be a whole number";

    private static final Map<Class<?>, Reader> READERS = Map.ofEntries(
            Map.entry(int.class, whole(Integer::parseInt, Integer.MIN_VALUE, Integer.MAX_VALUE)),
            Map.entry(Integer.class, whole(Integer::parseInt, Integer.MIN_VALUE, Integer.MAX_VALUE)),
            Map.entry(long.class, whole(Long::parseLong, Long.MIN_VALUE, Long.MAX_VALUE)),
            Map.entry(Long.class, whole(Long::parseLong, Long.MIN_VALUE, Long.MAX_VALUE)),
            Map.entry(short.class, whole(Short::parseShort, Short.MIN_VALUE, Short.MAX_VALUE)),
            Map.entry(Short.class, whole(Short::parseShort, Short.MIN_VALUE, Short.MAX_VALUE)),
            Map.entry(double.class, reader(Double::parseDouble, "must be a number")),
            Map.entry(Double.class, reader(Double::parseDouble, "must be a number")),
            Map.entry(BigDecimal.class, reader(BigDecimal::new, "must be a number")),
            Map.entry(boolean.class, ParameterConverters::bool),
            Map.entry(Boolean.class, ParameterConverters::bool),
            Map.entry(LocalDate.class, reader(LocalDate::parse, "must be a date such as 2026-11-22")),
            Map.entry(
                    LocalDateTime.class,
                    reader(LocalDateTime::parse, "must be a local date and time such as 2026-11-22T21:00")),
            Map.entry(LocalTime.class, reader(LocalTime::parse, "must be a time such as 21:00")),
            Map.entry(Instant.class, reader(Instant::parse, "must be a date and time such as 2026-11-22T21:00:00Z")),
            Map.entry(
                    OffsetDateTime.class,
                    reader(OffsetDateTime::parse, "must be a date and time such as 2026-11-22T21:00:00Z")),
            Map.entry(YearMonth.class, reader(YearMonth::parse, "must be a month such as 2026-11")),
            Map.entry(Duration.class, reader(Duration::parse, "must be an ISO-8601 duration such as PT2H")),
            Map.entry(Period.class, reader(Period::parse, "must be an ISO-8601 period such as P7D")),
            Map.entry(UUID.class, reader(UUID::fromString, "must be a UUID")));

    /** Parses one value, or throws IllegalArgumentException with the message for the caller. */
    @FunctionalInterface
    interface Reader {
        Object read(String value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        Reader reader = rawType.isEnum() ? enumReader(rawType) : READERS.get(rawType);
        if (reader == null) {
            return null;
        }
        return new ParamConverter<T>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return (T) reader.read(value.trim());
                } catch (IllegalArgumentException | DateTimeException e) {
                    throw new BadParameterException(name, e.getMessage(), value);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
            }
        };
    }

    static String nameOf(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            String name = a instanceof QueryParam q
                    ? q.value()
                    : a instanceof PathParam p
                            ? p.value()
                            : a instanceof HeaderParam h
                                    ? h.value()
                                    : a instanceof CookieParam c
                                            ? c.value()
                                            : a instanceof FormParam f
                                                    ? f.value()
                                                    : a instanceof MatrixParam m ? m.value() : null;
            if (name != null && !name.isEmpty()) {
                return name;
            }
        }
        return null;
    }

    private static Reader reader(Function<String, Object> parse, String message) {
        return value -> {
            try {
                return parse.apply(value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(message);
            }
        };
    }

    private static Reader whole(Function<String, Object> parse, long min, long max) {
        return value -> {
            if (!value.matches("[+-]?[0-9]+")) {
                throw new IllegalArgumentException(WHOLE);
            }
            try {
                return parse.apply(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is out of range: " + WHOLE + " from " + min + " to " + max);
            }
        };
    }

    /** true or false; 1 and 0 too, as Quarkus REST passes "0" for an absent primitive boolean. */
    private static Object bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    private static Reader enumReader(Class<?> type) {
        Enum<?>[] constants =
                Arrays.stream(type.getEnumConstants()).map(c -> (Enum<?>) c).toArray(Enum<?>[]::new);
        String names = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
        return value -> {
            for (Enum<?> c : constants) {
                if (c.name().equals(value)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("must be one of " + names);
        };
    }
}
