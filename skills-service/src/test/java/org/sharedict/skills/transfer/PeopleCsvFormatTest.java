package org.sharedict.skills.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.skills.support.RandomPeople;
import org.sharedict.skills.transfer.PeopleCsv.Verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the people CSV, without a database. */
class PeopleCsvFormatTest {

    @Test
    void cellsAreTypedAndPackedColumnsUnpacked() {
        PeopleCsv.Parsed p = PeopleCsv.read(
                "\uFEFFPartner,Name,Email,Manager,Help Hours Per Month,Unavailable_Until,Skills,Certifications\n"
                        + "BBC,\"Carter, Sam\",sam@example.gov.uk,Y,8,01/12/2026,\"CITRIX:4:verified; MS SQL:3 ; VMWARE:2:self\","
                        + "\"CCNA|Cisco|123|2027-05-01|CISCO_SWITCHING; ITIL 4 Foundation\"\n",
                10);
        assertEquals(List.of(), p.errors());
        PeopleCsv.Row r = p.rows().get(0);
        assertEquals(2, r.row, "the header is spreadsheet row 1");
        assertEquals("Carter, Sam", r.text("name"));
        assertEquals(Boolean.TRUE, r.manager);
        assertEquals(8, r.helpHoursPerMonth);
        assertEquals(LocalDate.of(2026, 12, 1), r.unavailableUntil);
        assertEquals(
                List.of(
                        new PeopleCsv.SkillCell("CITRIX", 4, Verification.VERIFIED),
                        new PeopleCsv.SkillCell("MS SQL", 3, Verification.KEEP),
                        new PeopleCsv.SkillCell("VMWARE", 2, Verification.SELF_ASSESSED)),
                r.skills);
        assertEquals(
                new PeopleCsv.CertCell("CCNA", "Cisco", "123", LocalDate.of(2027, 5, 1), "CISCO_SWITCHING", null),
                r.certifications.get(0));
        assertEquals(
                new PeopleCsv.CertCell("ITIL 4 Foundation", null, null, null, null, null), r.certifications.get(1));
        assertTrue(!r.has("mobile"), "absent columns are told apart from empty ones");
    }

    @Test
    void everyBadCellIsReportedWithItsRowAndColumn() {
        PeopleCsv.Parsed p = PeopleCsv.read(
                "partner,name,email,out_of_hours,last_confirmed,help_hours_per_month,skills,certifications\n"
                        + "BBC,A,a@example.gov.uk,perhaps,31/02/2026,lots,\"CITRIX:6; :3; SQL:2:maybe\",\"|Cisco; X|a|b|not a date; Y||||S|soon\"\n"
                        + "BBC,B,b@example.gov.uk,no,,,,\n",
                10);
        List<String> where =
                p.errors().stream().map(e -> e.row() + " " + e.column()).toList();
        assertEquals(
                List.of(
                        "2 out_of_hours",
                        "2 last_confirmed",
                        "2 help_hours_per_month",
                        "2 skills",
                        "2 skills",
                        "2 skills",
                        "2 certifications",
                        "2 certifications",
                        "2 certifications"),
                where);
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

    @Test
    void separatorsInsideValuesAreEscapedAndReadBack() {
        PeopleCsv.Line line = new PeopleCsv.Line(
                "BBC",
                "Sam",
                "sam@example.gov.uk",
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                0,
                false,
                null,
                null,
                null,
                List.of(new PeopleCsv.SkillCell("Citrix: XenApp; 7", 3, Verification.KEEP)),
                List.of(
                        new PeopleCsv.CertCell(
                                "ITIL; Foundation", "Axelos|PeopleCert", "C:\\certs\\1", null, null, null),
                        new PeopleCsv.CertCell(
                                "CCNA", null, null, LocalDate.of(2027, 5, 1), null, LocalDate.of(2024, 5, 1))));
        String csv = PeopleCsv.write(List.of(line));
        assertTrue(
                csv.endsWith(
                        ",ITIL\\; Foundation|Axelos\\|PeopleCert|C:\\\\certs\\\\1; CCNA|||2027-05-01||2024-05-01\r\n"),
                csv);
        assertTrue(csv.contains(",Citrix\\: XenApp\\; 7:3,"), csv);
        assertEquals(line, line(PeopleCsv.read(csv, 10).rows().get(0)));
        // A backslash before anything else is just a backslash, as people type it.
        assertEquals(
                "C:\\Temp",
                PeopleCsv.read("partner,name,email,certifications\nA,B,c@x.gov.uk,C:\\Temp\n", 10)
                        .rows()
                        .get(0)
                        .certifications
                        .get(0)
                        .name());
    }

    @Test
    void formulaCellsAreGuardedAndTheGuardIsTakenOffOnReading() {
        PeopleCsv.Line line = new PeopleCsv.Line(
                "BBC",
                "=HYPERLINK(\"http://evil.example\",\"x\")",
                "+x@example.gov.uk",
                "-5",
                "@team",
                "+44 1632 960123",
                "-0161 496 0000",
                "'=quoted",
                true,
                true,
                8,
                true,
                null,
                "'plain",
                null,
                List.of(),
                List.of(new PeopleCsv.CertCell("=1+1", null, null, null, null, null)));
        String csv = PeopleCsv.write(List.of(line));
        assertTrue(
                csv.contains(
                        "BBC,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'+x@example.gov.uk,'-5,'@team,'+44 1632 960123,"
                                + "'-0161 496 0000,''=quoted,yes,yes,8,yes,,'plain,,,'=1+1"),
                csv);
        assertEquals(line, line(PeopleCsv.read(csv, 10).rows().get(0)));
    }

    /**
     * The export is the exact inverse of the import's reading for every value a person can
     * hold: random people, written and read back, are equal. A new seed each run; a failure
     * names it ({@code -Dtest.seed=} replays it).
     */
    @Test
    void everyPersonWrittenReadsBackEqual() {
        long seed = Long.getLong("test.seed", System.nanoTime());
        Random random = new Random(seed);
        RandomPeople people = new RandomPeople(random, LocalDate.of(2026, 6, 16));
        for (int file = 0; file < 300; file++) {
            List<PeopleCsv.Line> lines = new ArrayList<>();
            for (int n = 1 + random.nextInt(10); n > 0; n--) {
                lines.add(people.person("P" + random.nextInt(100), "." + file + "." + n, List.of(), true));
            }
            String csv = PeopleCsv.write(lines);
            PeopleCsv.Parsed parsed = PeopleCsv.read(csv, 100);
            assertEquals(List.of(), parsed.errors(), "seed " + seed + "\n" + csv);
            assertEquals(
                    lines, parsed.rows().stream().map(PeopleCsvFormatTest::line).toList(), "seed " + seed + "\n" + csv);
        }
    }

    private static PeopleCsv.Line line(PeopleCsv.Row r) {
        return new PeopleCsv.Line(
                r.text("partner"),
                r.text("name"),
                r.text("email"),
                r.text("job_title"),
                r.text("team"),
                r.text("work_phone"),
                r.text("mobile"),
                r.text("site"),
                r.manager,
                r.helpOtherPartners,
                r.helpHoursPerMonth,
                r.outOfHours,
                r.unavailableUntil,
                r.text("unavailable_reason"),
                r.lastConfirmed,
                r.skills,
                r.certifications);
    }

    private static String field(Executable e) {
        return assertThrows(ProblemException.class, e).problem().errors.get(0).field();
    }
}
