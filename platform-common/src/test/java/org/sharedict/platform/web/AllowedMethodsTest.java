package org.sharedict.platform.web;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedMethodsTest {

    @Test
    void aTemplateParameterIsOneSegment() {
        Pattern p = AllowedMethods.compile("/api/people/{id}/skills");
        assertTrue(p.matcher("/api/people/12/skills").matches());
        assertFalse(p.matcher("/api/people/12/13/skills").matches());
        assertFalse(p.matcher("/api/people/skills").matches());
    }

    @Test
    void aTemplateParameterMayCarryItsOwnPattern() {
        Pattern p = AllowedMethods.compile("/api/rotas/{id:\\d+}");
        assertTrue(p.matcher("/api/rotas/42").matches());
        assertFalse(p.matcher("/api/rotas/abc").matches());
        assertTrue(AllowedMethods.compile("/files/{code: [A-Z]{2}}")
                .matcher("/files/AB")
                .matches());
    }

    @Test
    void literalPartsAreNotPatterns() {
        assertFalse(AllowedMethods.compile("/api/feeds/{secret}.ics")
                .matcher("/api/feeds/abcXics")
                .matches());
        assertTrue(AllowedMethods.compile("/api/feeds/{secret}.ics")
                .matcher("/api/feeds/abc.ics")
                .matches());
    }
}
