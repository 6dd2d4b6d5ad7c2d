package org.sharedict.dr.copies;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.sharedict.dr.testing.Mailbox;
import org.sharedict.dr.testing.TestClock;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.dr.testing.Fixtures.approve;
import static org.sharedict.dr.testing.Fixtures.councilActivities;
import static org.sharedict.dr.testing.Fixtures.plan;
import static org.sharedict.dr.testing.Fixtures.publishedTemplate;
import static org.sharedict.dr.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.problem;

/** The copy-holder register: copies go out on approval, come back acknowledged through signed links, and are chased. */
@QuarkusTest
class CopyHolderTest {

    private static final Duration MAIL = Duration.ofSeconds(90);
    private static final Pattern LINK = Pattern.compile("/api/dr/copies/acknowledge/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

    @InjectMailServer
    GreenMail mail;

    @Inject
    CopyReminders reminders;

    private static int addHolder(long planId, String name, String email, String note) {
        return given().auth()
                .oauth2(Tokens.drLead("LPOL"))
                .contentType(ContentType.JSON)
                .body(
                        note == null
                                ? Map.of("name", name, "email", email)
                                : Map.of("name", name, "email", email, "note", note))
                .when()
                .post("/api/dr/plans/" + planId + "/copy-holders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private MimeMessage only(String address, int expected) {
        Awaitility.await().atMost(MAIL).until(() -> Mailbox.to(mail, address).size() >= expected);
        List<MimeMessage> got = Mailbox.to(mail, address);
        assertEquals(expected, got.size(), "messages to " + address);
        return got.get(expected - 1);
    }

    private static String token(MimeMessage m) {
        Matcher x = LINK.matcher(Mailbox.text(m));
        assertTrue(x.find(), Mailbox.text(m));
        return x.group(1);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    private static Map<String, Object> holder(long planId, int holderId) {
        List<Map<String, Object>> items = given().auth()
                .oauth2(Tokens.viewer("LPOL"))
                .when()
                .get("/api/dr/plans/" + planId + "/copy-holders")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.stream()
                .filter(i -> ((Number) i.get("id")).intValue() == holderId)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void approvalSendsThePdfAndTheSignedLinkAcknowledgesOnce() throws Exception {
        long id = plan("LPOL", publishedTemplate(councilActivities()));
        String homeMail = unique("dana") + "@home.example.net";
        String partnerMail = unique("dr") + "@partner.example.gov.uk";
        int dana = addHolder(id, "Dana Lead", homeMail, "home, printed");
        int partner = addHolder(id, "Boston's DR lead", partnerMail, null);
        assertEquals("NO_COPY", holder(id, dana).get("state"));

        approve("LPOL", id);
        MimeMessage copy = only(homeMail, 1);
        assertEquals("Your offline copy of LPOL ICT recovery plan (LPOL), revision 1", copy.getSubject());
        Mailbox.Attachment pdf = Mailbox.attachment(copy);
        assertNotNull(pdf, "the approved revision's PDF is attached");
        assertTrue(pdf.contentType().startsWith("application/pdf"), pdf.contentType());
        String text = pdfText(pdf.bytes());
        assertTrue(text.contains("LPOL ICT recovery plan"), text);
        assertTrue(text.contains("Copy holders"), text);
        assertTrue(text.contains("Dana Lead"), text);
        only(partnerMail, 1);

        String token = token(copy);
        // A GET only shows what the link does: mail scanners open links.
        given().accept("text/html")
                .when()
                .get("/api/dr/copies/acknowledge/" + token)
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .body(containsString("I have revision 1"));
        assertEquals("AWAITING_ACKNOWLEDGEMENT", holder(id, dana).get("state"));
        given().auth()
                .oauth2(Tokens.viewer("LPOL"))
                .when()
                .get("/api/dr/plans/" + id + "/readiness")
                .then()
                .body("unacknowledgedCopies", equalTo(2));

        given().accept("text/html")
                .when()
                .post("/api/dr/copies/acknowledge/" + token)
                .then()
                .statusCode(200)
                .body(containsString("acknowledged by Dana Lead"));
        given().accept("text/html")
                .when()
                .post("/api/dr/copies/acknowledge/" + token)
                .then()
                .statusCode(409)
                .body(containsString("Already acknowledged"));
        given().when().post("/api/dr/copies/acknowledge/" + token).then().spec(problem(409));
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        given().when().get("/api/dr/copies/acknowledge/" + forged).then().spec(problem(404));

        Map<String, Object> d = holder(id, dana);
        assertEquals("CURRENT", d.get("state"));
        assertEquals(1, d.get("heldRevision"));
        given().auth()
                .oauth2(Tokens.viewer("LPOL"))
                .when()
                .get("/api/dr/plans/" + id + "/copy-holders")
                .then()
                .body("approvedRevision", equalTo(1))
                .body("unacknowledged", equalTo(1))
                .body("holdingSuperseded", equalTo(0));

        // A new revision supersedes Dana's copy: she is sent revision 2 and shows as holding a superseded one.
        long next = given().auth()
                .oauth2(Tokens.drLead("LPOL"))
                .when()
                .post("/api/dr/plans/" + id + "/revisions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        approve("LPOL", next);
        MimeMessage second = only(homeMail, 2);
        assertTrue(second.getSubject().endsWith("revision 2"), second.getSubject());
        only(partnerMail, 2);
        Map<String, Object> after = holder(next, dana);
        assertEquals("AWAITING_ACKNOWLEDGEMENT", after.get("state"));
        assertEquals(true, after.get("holdsSuperseded"));
        assertEquals(1, after.get("heldRevision"));
        given().auth()
                .oauth2(Tokens.viewer("LPOL"))
                .when()
                .get("/api/dr/plans/" + next + "/copy-holders")
                .then()
                .body("holdingSuperseded", equalTo(1))
                .body("unacknowledged", equalTo(2));
        assertEquals("AWAITING_ACKNOWLEDGEMENT", holder(next, partner).get("state"));
    }

    @Test
    void anUnacknowledgedCopyIsRemindedOncePerIntervalUntilAcknowledged() throws Exception {
        long id = plan("LPOL", publishedTemplate(councilActivities()));
        approve("LPOL", id);
        String address = unique("late") + "@home.example.net";
        int holderId = addHolder(id, "Lee Late", address, null);
        MimeMessage copy = only(address, 1);
        assertNotNull(Mailbox.attachment(copy), "a holder added to a plan in force is sent the revision in force");

        assertEquals(0, remindersFor(holderId), "not yet: the copy was sent just now");
        sentDaysAgo(holderId, 8);
        assertEquals(1, remindersFor(holderId));
        assertEquals(0, remindersFor(holderId), "once per interval, however often the check runs");
        MimeMessage reminder = only(address, 2);
        assertTrue(reminder.getSubject().startsWith("Reminder: please confirm your copy"), reminder.getSubject());
        Map<String, Object> h = holder(id, holderId);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> copies = (List<Map<String, Object>>) h.get("copies");
        assertEquals(1, copies.get(0).get("reminders"));

        // The reminder's link is a new signature of the same copy: it acknowledges, and the first link is then spent.
        given().when()
                .post("/api/dr/copies/acknowledge/" + token(reminder))
                .then()
                .statusCode(200);
        given().when().post("/api/dr/copies/acknowledge/" + token(copy)).then().spec(problem(409));
        remindedDaysAgo(holderId, 8);
        assertEquals(0, remindersFor(holderId), "an acknowledged copy is not chased");
    }

    @Test
    void theQuartzCheckSendsDueRemindersAndOnlyAdminsRunItByHand() {
        long id = plan("LPOL", publishedTemplate(councilActivities()));
        approve("LPOL", id);
        String address = unique("quartz") + "@home.example.net";
        int holderId = addHolder(id, "Quinn Quartz", address, null);
        only(address, 1);
        sentDaysAgo(holderId, 10);
        given().auth()
                .oauth2(Tokens.drLead("LPOL"))
                .when()
                .post("/api/dr/reminders/check")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/dr/reminders/check")
                .then()
                .statusCode(202);
        only(address, 2);
    }

    @Test
    void theRegisterIsTheirPartnersAndBadInputNamesTheField() {
        long id = plan("LPOL", publishedTemplate(councilActivities()));
        given().when().get("/api/dr/plans/" + id + "/copy-holders").then().spec(problem(401));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/" + id + "/copy-holders")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.engineer("LPOL"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Eve", "email", "eve@example.net"))
                .when()
                .post("/api/dr/plans/" + id + "/copy-holders")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.drLead("LPOL"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Eve", "email", "not an address"))
                .when()
                .post("/api/dr/plans/" + id + "/copy-holders")
                .then()
                .spec(problem(400))
                .body("errors.field", hasItem("email"));
        String address = unique("twice") + "@example.net";
        int holderId = addHolder(id, "Tess Twice", address, null);
        given().auth()
                .oauth2(Tokens.drLead("LPOL"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Tess again", "email", address.toUpperCase()))
                .when()
                .post("/api/dr/plans/" + id + "/copy-holders")
                .then()
                .spec(problem(409));
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .delete("/api/dr/plans/" + id + "/copy-holders/" + holderId)
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.drLead("LPOL"))
                .when()
                .delete("/api/dr/plans/" + id + "/copy-holders/" + holderId)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(Tokens.drLead("LPOL"))
                .when()
                .delete("/api/dr/plans/" + id + "/copy-holders/" + holderId)
                .then()
                .spec(problem(404));
        given().auth()
                .oauth2(Tokens.viewer("LPOL"))
                .when()
                .get("/api/dr/plans/" + id + "/copy-holders")
                .then()
                .statusCode(200)
                .body("holders", equalTo(0))
                .body("approvedRevision", nullValue());
    }

    private int remindersFor(int holderId) {
        int before = issue(holderId).reminders;
        reminders.remindDue();
        return issue(holderId).reminders - before;
    }

    private static CopyIssue issue(int holderId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> CopyIssue.<CopyIssue>find("holderId = ?1 order by id desc", (long) holderId)
                        .firstResult());
    }

    private static void sentDaysAgo(int holderId, int days) {
        QuarkusTransaction.requiringNew()
                .run(() -> CopyIssue.<CopyIssue>find("holderId = ?1 order by id desc", (long) holderId)
                                .firstResult()
                                .sentAt =
                        TestClock.now().minus(Duration.ofDays(days)));
    }

    private static void remindedDaysAgo(int holderId, int days) {
        QuarkusTransaction.requiringNew()
                .run(() -> CopyIssue.<CopyIssue>find("holderId = ?1 order by id desc", (long) holderId)
                                .firstResult()
                                .remindedAt =
                        TestClock.now().minus(Duration.ofDays(days)));
    }
}
