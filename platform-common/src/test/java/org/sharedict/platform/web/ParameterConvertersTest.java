package org.sharedict.platform.web;

import java.lang.annotation.Annotation;
import java.time.LocalDate;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterConvertersTest {

    enum Status {
        DRAFT,
        APPROVED
    }

    @SuppressWarnings("unused")
    static void signature(
            @QueryParam("page") int page,
            @PathParam("id") long id,
            @QueryParam("status") Status status,
            @HeaderParam("X-Count") Integer count,
            @QueryParam("all") boolean all,
            @QueryParam("on") LocalDate on,
            String body) {}

    private static Annotation[] annotationsOf(int parameter) throws NoSuchMethodException {
        return ParameterConvertersTest.class.getDeclaredMethod(
                        "signature",
                        int.class,
                        long.class,
                        Status.class,
                        Integer.class,
                        boolean.class,
                        LocalDate.class,
                        String.class)
                .getParameterAnnotations()[parameter];
    }

    private static <T> ParamConverter<T> converter(Class<T> type, int parameter) throws NoSuchMethodException {
        return new ParameterConverters().getConverter(type, type, annotationsOf(parameter));
    }

    private static BadParameterException refused(ParamConverter<?> c, String value) {
        return assertThrows(BadParameterException.class, () -> c.fromString(value));
    }

    @Test
    void readsWhatItShould() throws Exception {
        assertEquals(3, converter(int.class, 0).fromString("3"));
        assertEquals(7L, converter(long.class, 1).fromString(" 7 "));
        assertEquals(Status.APPROVED, converter(Status.class, 2).fromString("APPROVED"));
        assertEquals(Boolean.TRUE, converter(boolean.class, 4).fromString("TRUE"));
        assertEquals(LocalDate.of(2026, 11, 22), converter(LocalDate.class, 5).fromString("2026-11-22"));
    }

    @Test
    void namesTheParameterAndSaysWhatItMustBe() throws Exception {
        BadParameterException page = refused(converter(int.class, 0), "abc");
        assertEquals("page", page.parameter());
        assertEquals("must be a whole number", page.getMessage());
        assertEquals("abc", page.rejected());
        assertTrue(refused(converter(int.class, 0), "2147483648").getMessage().contains("out of range"));
        assertEquals(
                "id", refused(converter(long.class, 1), "99999999999999999999").parameter());
        assertEquals("X-Count", refused(converter(Integer.class, 3), "1.5").parameter());
        assertEquals(
                "must be true or false",
                refused(converter(boolean.class, 4), "yes").getMessage());
        assertEquals("on", refused(converter(LocalDate.class, 5), "2026-13-45").parameter());
    }

    @Test
    void anUnknownEnumValueListsTheValidOnesAndNoClassName() throws Exception {
        BadParameterException e = refused(converter(Status.class, 2), "LOST");
        assertEquals("must be one of DRAFT, APPROVED", e.getMessage());
        assertFalse(e.getMessage().contains("ParameterConvertersTest"));
        refused(converter(Status.class, 2), "draft");
    }

    @Test
    void leavesAloneWhatItDoesNotKnow() throws Exception {
        assertNull(converter(String.class, 6));
        assertNull(new ParameterConverters().getConverter(int.class, int.class, new Annotation[0]));
    }
}
