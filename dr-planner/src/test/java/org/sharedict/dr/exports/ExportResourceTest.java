package org.sharedict.dr.exports;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.sharedict.dr.testing.Fixtures;
import org.sharedict.dr.testing.TestClock;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.dr.testing.Fixtures.activity;
import static org.sharedict.dr.testing.Fixtures.approve;
import static org.sharedict.dr.testing.Fixtures.councilActivities;
import static org.sharedict.dr.testing.Fixtures.plan;
import static org.sharedict.dr.testing.Fixtures.publishedTemplate;
import static org.sharedict.dr.testing.Fixtures.step;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class ExportResourceTest {

    private static final String APPROVER = "second-lead-ELDC";

    private static String today() {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(TestClock.today());
    }

    private static long approvedPlan() {
        long id = plan("ELDC", publishedTemplate(councilActivities()));
        approve("ELDC", id);
        return id;
    }

    @Test
    void pdfNamesPlanRevisionApprovalAndDateAndHoldsTheSteps() throws IOException {
        long id = approvedPlan();
        byte[] pdf = given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/" + id + "/export.pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", containsString("filename=\"ELDC-ICT-recovery-plan-r1.pdf\""))
                .extract()
                .asByteArray();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
            assertTrue(doc.getNumberOfPages() >= 1);
            assertTrue(doc.getDocumentInformation().getTitle().contains("ELDC ICT recovery plan"));
        }
        assertTrue(text.contains("Disaster recovery plan: ELDC ICT recovery plan"), text);
        assertTrue(text.contains("1 (APPROVED)"), text);
        assertTrue(
                text.contains("Approved by " + APPROVER + " on " + today())
                        || text.contains(APPROVER + " on " + today()),
                text);
        assertTrue(text.contains("Start the generator"), text);
        assertTrue(text.contains("Payroll: earliest 6 h 15 min against an RTO of 4 h"), text);
        assertTrue(text.contains("Printed " + today()), text);
    }

    @Test
    void htmlIsSelfContainedAndPrintFriendly() {
        long id = approvedPlan();
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/" + id + "/export.html")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<h1>Disaster recovery plan: ELDC ICT recovery plan</h1>"))
                .body(containsString("<tr><th>Revision</th><td>1 (APPROVED)</td></tr>"))
                .body(containsString(APPROVER + " on " + today()))
                .body(containsString("@media print"))
                .body(containsString("Nia Network"))
                .body(not(containsString("<script")))
                .body(not(containsString("<link")))
                .body(not(containsString("src=\"http")));
    }

    @Test
    void markdownNamesPlanRevisionApprovalAndDate() {
        long id = approvedPlan();
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/" + id + "/export.md")
                .then()
                .statusCode(200)
                .contentType(containsString("text/markdown"))
                .body(containsString("# Disaster recovery plan: ELDC ICT recovery plan"))
                .body(containsString("| Revision | 1 (APPROVED) |"))
                .body(containsString("| Approved by | " + APPROVER + " on " + today()))
                .body(
                        containsString(
                                "- [ ] **Bring up the core switches** (45 min, skill NETWORKING, Network engineer: Nia Network)"))
                .body(
                        containsString(
                                "| 4 | Payroll | Business service | 2 | 4 h | 6 h 15 min **(misses RTO)** | Active Directory |"));
    }

    @Test
    void draftsAreNotExportedAndExportsNeedSignIn() {
        long id = plan("ELDC", publishedTemplate(councilActivities()));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/" + id + "/export.pdf")
                .then()
                .spec(problem(409));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/" + id + "/export.html")
                .then()
                .spec(problem(409));
        given().when().get("/api/dr/plans/" + id + "/export.md").then().spec(problem(401));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/99999999/export.md")
                .then()
                .spec(problem(404));
    }

    @Test
    void supersededExportsSaySo() {
        long first = approvedPlan();
        long second = given().auth()
                .oauth2(Tokens.drLead("ELDC"))
                .when()
                .post("/api/dr/plans/" + first + "/revisions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        approve("ELDC", second);
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/" + first + "/export.md")
                .then()
                .statusCode(200)
                .body(containsString("**SUPERSEDED**"));
    }

    /** Stored text that looks like markup, in every kind of field an export prints. */
    @SuppressWarnings("unchecked")
    private static long hostilePlan() {
        Map<String, Object> evil = activity(
                "evil",
                "<script>alert('x')</script>",
                "SYSTEM",
                1,
                60,
                List.of(),
                List.of(step("restore", "**Restore** [now](javascript:alert(1)) | col", 30, null, "<b>Owner</b>")));
        evil.put("description", "<img src=x onerror=alert(1)>\n# Injected heading\n- injected item");
        ((Map<String, Object>) ((List<?>) evil.get("steps")).get(0))
                .put("instructions", "1. first\n2. second | not a cell");
        long id = plan("ELDC", publishedTemplate(List.of(evil)));
        given().auth()
                .oauth2(Tokens.drLead("ELDC"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + Fixtures.version(id) + "\"")
                .body(Map.of(
                        "name",
                        "Plan </td><script>",
                        "ownerName",
                        "Dana <i>Lead</i>",
                        "specifics",
                        Map.of(
                                "contacts",
                                List.of(Map.of("name", "<iframe src=//evil>", "organisation", "[Acme](http://evil)")))))
                .when()
                .put("/api/dr/plans/" + id)
                .then()
                .statusCode(200);
        approve("ELDC", id);
        return id;
    }

    @Test
    void markdownWritesStoredMarkupAsText() {
        long id = hostilePlan();
        String md = given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/" + id + "/export.md")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String raw : List.of("<script", "<img", "<b>", "<i>", "<iframe", "\n# Injected", "\n- injected")) {
            assertFalse(md.contains(raw), raw + " in\n" + md);
        }
        assertFalse(Pattern.compile("[^\\\\]\\]\\(").matcher(md).find(), "a link in\n" + md);
        assertTrue(md.contains("# Disaster recovery plan: Plan &lt;/td&gt;&lt;script&gt;"), md);
        assertTrue(md.contains("&lt;script&gt;alert('x')&lt;/script&gt;"), md);
        assertTrue(md.contains("\\*\\*Restore\\*\\* \\[now\\](javascript:alert(1)) \\| col"), md);
        assertTrue(md.contains("&lt;img src=x onerror=alert(1)&gt;<br>\\# Injected heading<br>- injected item"), md);
        assertTrue(md.contains("1\\. first<br>2. second \\| not a cell"), md);
        assertTrue(md.contains("Contact: &lt;iframe src=//evil&gt; \\[Acme\\](http://evil)"), md);
        String row = md.lines().filter(l -> l.startsWith("| 1 |")).findFirst().orElseThrow();
        assertEquals(8, row.replace("\\|", "").chars().filter(c -> c == '|').count(), "one row of seven cells: " + row);
    }

    @Test
    void htmlAndPdfWriteStoredMarkupAsText() throws IOException {
        long id = hostilePlan();
        String html = given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/" + id + "/export.html")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String raw : List.of("<script", "<img", "<b>", "<i>", "<iframe", "</td><script")) {
            assertFalse(html.contains(raw), raw + " in\n" + html);
        }
        assertTrue(
                html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                        || html.contains("&lt;script&gt;alert(&#x27;x&#x27;)"),
                html);
        byte[] pdf = given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/" + id + "/export.pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("<script>alert('x')</script>"), "printed as the text it is: " + text);
            assertTrue(text.contains("**Restore** [now](javascript:alert(1)) | col"), text);
        }
    }
}
