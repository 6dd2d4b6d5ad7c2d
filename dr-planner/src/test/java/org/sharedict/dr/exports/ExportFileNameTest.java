package org.sharedict.dr.exports;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An export's file name says the partner once, whether or not the plan's name already does. */
class ExportFileNameTest {

    private static ExportModel plan(String partner, String name, int revision) {
        return new ExportModel(
                name,
                partner,
                name,
                revision,
                "APPROVED",
                false,
                "T v1",
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                true,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    @Test
    void aPlanNamedAfterItsPartnerIsNotPrefixedAgain() {
        assertEquals(
                "COL-ICT-disaster-recovery-plan-r2.pdf",
                ExportService.fileName(plan("COL", "COL ICT disaster recovery plan", 2), "pdf"));
        assertEquals(
                "City-of-Lincoln-col-plan-r1.md",
                ExportService.fileName(plan("COL", "City of Lincoln (col) plan", 1), "md"));
    }

    @Test
    void aPlanWhoseNameLacksThePartnerGetsItInFront() {
        assertEquals(
                "BBC-ICT-recovery-plan-r3.html", ExportService.fileName(plan("BBC", "ICT recovery plan", 3), "html"));
        assertEquals(
                "ELDC-Colchester-plan-r1.pdf",
                ExportService.fileName(plan("ELDC", "Colchester plan", 1), "pdf"),
                "a word that merely starts with the code is not the code");
    }
}
