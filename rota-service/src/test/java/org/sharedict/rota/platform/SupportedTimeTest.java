package org.sharedict.rota.platform;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.junit.jupiter.api.Test;

import org.sharedict.platform.problem.ProblemException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dates and instants a client sends are held to the years rota-service works in, everywhere: the
 * class of fault behind {@code ?year=2147483647} answering 500. Request bodies say so with
 * {@link SupportedTime}; query parameters arrive as text and go through {@link Times#instant} and {@link Times#year}.
 */
class SupportedTimeTest {

    private static final Set<Class<?>> TEMPORAL =
            Set.of(Instant.class, LocalDate.class, LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class);

    private static List<Class<?>> serviceClasses() throws IOException {
        Path root = Path.of("target", "classes");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("org/sharedict/rota"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    out.add(Class.forName(name, false, SupportedTimeTest.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    // generated or build-time classes this test has no business with
                }
            }
        }
        return out;
    }

    @Test
    void everyDateOrInstantInARequestBodyIsHeldToTheSupportedYears() throws IOException {
        int checked = 0;
        for (Class<?> c : serviceClasses()) {
            if (!c.isRecord() || !c.getSimpleName().endsWith("Input")) {
                continue;
            }
            for (RecordComponent rc : c.getRecordComponents()) {
                if (TEMPORAL.contains(rc.getType())) {
                    assertTrue(
                            fieldAnnotated(c, rc.getName()),
                            c.getName() + "." + rc.getName() + " needs @SupportedTime");
                    checked++;
                }
            }
        }
        assertTrue(checked >= 8, "the request bodies' dates were found: " + checked);
    }

    private static boolean fieldAnnotated(Class<?> record, String component) {
        try {
            return record.getDeclaredField(component).isAnnotationPresent(SupportedTime.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    @Test
    void noQueryOrPathParameterIsReadAsADateByTheFramework() throws IOException {
        for (Class<?> c : serviceClasses()) {
            for (Method m : declaredMethods(c)) {
                for (Parameter p : m.getParameters()) {
                    if (p.isAnnotationPresent(QueryParam.class) || p.isAnnotationPresent(PathParam.class)) {
                        assertFalse(
                                TEMPORAL.contains(p.getType()),
                                c.getName() + "." + m.getName() + "(" + p.getName()
                                        + ") must take text and read it with Times.instant or Times.year, which hold it to the supported years");
                    }
                }
            }
        }
    }

    private static Method[] declaredMethods(Class<?> c) {
        try {
            return c.getDeclaredMethods();
        } catch (LinkageError e) {
            return new Method[0];
        }
    }

    @Test
    void paramsRefuseDatesRotaServiceCannotWorkWith() {
        assertEquals(2026, Times.year("year", " 2026 "));
        for (String year : List.of("2147483647", "-1", "1969", "3000", "abc", "2026.5", "99999999999")) {
            ProblemException e = assertThrows(ProblemException.class, () -> Times.year("year", year));
            assertEquals("year", e.problem().errors.get(0).field(), year);
        }
        assertEquals(Instant.parse("2999-12-31T23:59:59Z"), Times.instant("at", "2999-12-31T23:59:59Z", null));
        for (String at : List.of(
                "+1000000000-12-31T23:59:59Z",
                "-1000000000-01-01T00:00:00Z",
                "3000-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z",
                "0000-01-01T00:00:00Z")) {
            ProblemException e = assertThrows(ProblemException.class, () -> Times.instant("at", at, null));
            assertEquals("at", e.problem().errors.get(0).field(), at);
        }
    }
}
