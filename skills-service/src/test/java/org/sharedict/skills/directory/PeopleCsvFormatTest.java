package org.sharedict.skills.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.skills.directory.PeopleCsv.Verification;

/** Reading the people CSV, without a database. */
class PeopleCsvFormatTest {

    @Test
    void cellsAreTypedAndPackedColumnsUnpacked() {
        PeopleCsv.Parsed p = PeopleCsv.read("\uFEFFPartner,Name,Email,Manager,Help Hours Per Month,Unavailable_Until,Skills,Certifications\n"
                + "BBC,\"Carter, Sam\",sam@example.gov.uk,Y,8,01/12/2026,\"CITRIX:4:verified; MS SQL:3 ; VMWARE:2:self\","
                + "\"CCNA|Cisco|123|2027-05-01|CISCO_SWITCHING; ITIL 4 Foundation\"\n", 10);
        assertEquals(List.of(), p.errors());
        PeopleCsv.Row r = p.rows().get(0);
        assertEquals(2, r.row, "the header is spreadsheet row 1");
        assertEquals("Carter, Sam", r.text("name"));
        assertEquals(Boolean.TRUE, r.manager);
        assertEquals(8, r.helpHoursPerMonth);
        assertEquals(LocalDate.of(2026, 12, 1), r.unavailableUntil);
        assertEquals(List.of(new PeopleCsv.SkillCell("CITRIX", 4, Verification.VERIFIED),
                new PeopleCsv.SkillCell("MS SQL", 3, Verification.KEEP),
                new PeopleCsv.SkillCell("VMWARE", 2, Verification.SELF_ASSESSED)), r.skills);
        assertEquals(new PeopleCsv.CertCell("CCNA", "Cisco", "123", LocalDate.of(2027, 5, 1), "CISCO_SWITCHING"), r.certifications.get(0));
        assertEquals(new PeopleCsv.CertCell("ITIL 4 Foundation", null, null, null, null), r.certifications.get(1));
        assertTrue(!r.has("mobile"), "absent columns are told apart from empty ones");
    }

    @Test
    void everyBadCellIsReportedWithItsRowAndColumn() {
        PeopleCsv.Parsed p = PeopleCsv.read("partner,name,email,out_of_hours,last_confirmed,help_hours_per_month,skills,certifications\n"
                + "BBC,A,a@example.gov.uk,perhaps,31/02/2026,lots,\"CITRIX:6; :3; SQL:2:maybe\",\"|Cisco; X|a|b|not a date\"\n"
                + "BBC,B,b@example.gov.uk,no,,,,\n", 10);
        List<String> where = p.errors().stream().map(e -> e.row() + " " + e.column()).toList();
        assertEquals(List.of("2 out_of_hours", "2 last_confirmed", "2 help_hours_per_month", "2 skills", "2 skills", "2 skills",
                "2 certifications", "2 certifications"), where);
        assertEquals(2, p.rows().size());
    }

    @Test
    void unknownOrMissingColumnsAndOversizedFilesAreRefusedWhole() {
        assertEquals("header", field(() -> PeopleCsv.read("partner,name,email,salary\nA,B,c@x.gov.uk,1\n", 10)));
        assertEquals("header", field(() -> PeopleCsv.read("partner,name\nA,B\n", 10)));
        assertEquals("body", field(() -> PeopleCsv.read("partner,name,email\n", 10)));
        assertEquals("body", field(() -> PeopleCsv.read("  ", 10)));
        assertEquals("body", field(() -> PeopleCsv.read("partner,name,email\nA,B,c@x\nA,B,d@x\n", 1)));
    }

    private static String field(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(ProblemException.class, e).problem().errors.get(0).field();
    }
}
