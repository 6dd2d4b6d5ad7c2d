package org.sharedict.platform.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import org.sharedict.platform.json.StrictJson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonProblemsTest {

    enum Kind {
        HARDWARE,
        NETWORK
    }

    record Step(String name, Integer minutes) {}

    record Activity(
            String name,
            int level,
            Long version,
            Kind kind,
            LocalDate due,
            List<Step> steps,
            Instant at,
            Boolean active) {}

    private static final ObjectMapper MAPPER = strict();

    private static ObjectMapper strict() {
        ObjectMapper m = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new StrictJson().customize(m);
        return m;
    }

    private static Problem problemFor(String json) {
        Exception e = assertThrows(Exception.class, () -> MAPPER.readValue(json, Activity.class));
        Problem p = JsonProblems.of(e);
        assertNotNull(p, "no problem for " + e);
        assertEquals(400, p.status);
        assertFalse(
                String.valueOf(p.detail).contains("org.sharedict")
                        || String.valueOf(p.detail).contains("java."),
                p.detail);
        return p;
    }

    private static void invalid(String json, String field, String messagePart) {
        Problem p = problemFor(json);
        assertEquals(Problem.TYPE_PREFIX + "validation-failed", p.type);
        assertEquals(field, p.errors.get(0).field());
        assertTrue(
                p.errors.get(0).message().contains(messagePart), p.errors.get(0).message());
    }

    private static void malformed(String json) {
        assertEquals(Problem.TYPE_PREFIX + "malformed-json", problemFor(json).type);
    }

    @Test
    void aValueThatDoesNotFitNamesItsFieldInTheApisWords() {
        invalid("{\"level\":4.9}", "level", "whole number");
        invalid("{\"level\":99999999999}", "level", "out of range");
        invalid("{\"version\":99999999999999999999}", "version", "out of range");
        invalid("{\"kind\":\"SOFTWARE\"}", "kind", "one of HARDWARE, NETWORK");
        invalid("{\"kind\":1}", "kind", "one of HARDWARE, NETWORK");
        invalid("{\"due\":\"2026-02-30\"}", "due", "a date");
        invalid("{\"steps\":[{\"name\":\"a\"},{\"minutes\":2.5}]}", "steps[1].minutes", "whole number");
        invalid("{\"name\":{\"first\":\"x\"}}", "name", "a string");
    }

    @Test
    void aValueOfAnotherJsonTypeIsNotQuietlyConvertedToTheFieldsType() {
        invalid("{\"name\":true}", "name", "a string");
        invalid("{\"name\":42}", "name", "a string");
        invalid("{\"name\":4.2}", "name", "a string");
        invalid("{\"active\":1}", "active", "true or false");
        invalid("{\"active\":\"true\"}", "active", "true or false");
        invalid("{\"due\":\"2026-02-03T10:00:00\"}", "due", "a date");
        invalid("{\"due\":\"\"}", "due", "a date");
        invalid("{\"due\":20000}", "due", "a date");
        invalid("{\"at\":\"\"}", "at", "a date and time");
        invalid("{\"at\":1767225600}", "at", "a date and time");
        invalid("{\"at\":[2026,1,1]}", "at", "a date and time");
    }

    @Test
    void valuesOfTheirOwnTypeStillRead() throws Exception {
        Activity a = MAPPER.readValue(
                "{\"name\":\"x\",\"due\":\"2026-02-03\",\"at\":\"2026-02-03T10:00:00Z\",\"active\":true}",
                Activity.class);
        assertEquals("x", a.name());
        assertEquals(Instant.parse("2026-02-03T10:00:00Z"), a.at());
        assertEquals(Boolean.TRUE, a.active());
    }

    @Test
    void textThatIsNotAcceptableJsonIsMalformed() {
        malformed("{\"name\":");
        malformed("{\"name\":'x'}");
        malformed("{\"name\":\"x\"} {\"name\":\"y\"}");
        malformed("{\"name\":\"x\",\"extra\":" + "9".repeat(1_001) + "}");
        malformed("{\"name\":\"x\",\"extra\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}");
    }
}
