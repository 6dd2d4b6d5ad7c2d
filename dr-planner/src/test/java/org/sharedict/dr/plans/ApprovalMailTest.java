package org.sharedict.dr.plans;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.sharedict.dr.platform.mail.OutboxMail;
import org.sharedict.dr.testing.InjectStubs;
import org.sharedict.dr.testing.Mailbox;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.Problems;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.dr.testing.Fixtures.councilActivities;
import static org.sharedict.dr.testing.Fixtures.plan;
import static org.sharedict.dr.testing.Fixtures.publishedTemplate;
import static org.sharedict.dr.testing.Fixtures.unique;

/**
 * Submitting a plan e-mails those who may approve it, as the gateway's user directory (a WireMock
 * stand-in) has them; approving or sending it back e-mails its author; a directory that does not
 * answer leaves the submission standing and says nobody was told.
 */
@QuarkusTest
class ApprovalMailTest {

    private static final Duration MAIL = Duration.ofSeconds(90);

    @InjectMailServer
    GreenMail mail;

    @InjectStubs
    WireMockServer stubs;

    private static String partner() {
        return ("AM" + UUID.randomUUID().toString().replace("-", "").substring(0, 6)).toUpperCase(Locale.ROOT);
    }

    private static String lead(String username, String partner, String email) {
        Tokens t = Tokens.as(username).partner(partner).roles("dr-lead");
        return (email == null ? t : t.email(email)).token();
    }

    private static String contact(String username, String email, String partner, String role) {
        return """
                {"username":"%s","name":"Name of %s","email":"%s","partner":%s,"roles":["%s"]}""".formatted(username, username, email, partner == null ? "null" : "\"" + partner + "\"", role);
    }

    private static MappingBuilder directory(String partner, String... roles) {
        return get(urlPathEqualTo("/api/users/directory"))
                .withQueryParam("partner", equalTo(partner))
                .withQueryParam("role", havingExactly(roles));
    }

    private void answer(String partner, List<String> contacts, String... roles) {
        stubs.stubFor(directory(partner, roles)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("[" + String.join(",", contacts) + "]")));
    }

    private static void submit(String token, long id) {
        given().auth()
                .oauth2(token)
                .when()
                .post("/api/dr/plans/" + id + "/submit")
                .then()
                .statusCode(200);
    }

    private static void reject(String token, long id, String reason) {
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", reason))
                .when()
                .post("/api/dr/plans/" + id + "/reject")
                .then()
                .statusCode(200);
    }

    private List<MimeMessage> to(String address) {
        return Mailbox.to(mail, address);
    }

    @Test
    void submissionMailsTheApproversAndTheDecisionMailsTheAuthor() throws Exception {
        String p = partner();
        long id = plan(p, publishedTemplate(councilActivities()));
        String authorName = "drlead-" + p.toLowerCase(Locale.ROOT);
        String authorMail = unique("author") + "@n-kesteven.example.gov.uk";
        String author = lead(authorName, p, authorMail);
        String approverName = unique("approver");
        String approverMail = approverName + "@n-kesteven.example.gov.uk";
        String approver = lead(approverName, p, approverMail);
        String adminName = unique("admin");
        String adminMail = adminName + "@partnership.example.gov.uk";
        answer(
                p,
                List.of(
                        contact(authorName, authorMail, p, "dr-lead"),
                        contact(approverName, approverMail, p, "dr-lead"),
                        contact(adminName, adminMail, null, "admin")),
                "dr-lead",
                "admin");

        given().auth()
                .oauth2(author)
                .when()
                .get("/api/dr/plans/" + id + "/approvers")
                .then()
                .statusCode(200)
                .body("username", org.hamcrest.Matchers.containsInAnyOrder(approverName, adminName))
                .body("find { it.username == '" + adminName + "' }.admin", org.hamcrest.Matchers.equalTo(true));

        given().auth()
                .oauth2(author)
                .when()
                .post("/api/dr/plans/" + id + "/submit")
                .then()
                .statusCode(200)
                .body("approvalMail.approversEmailed", org.hamcrest.Matchers.equalTo(2))
                .body("approvalMail.problem", nullValue());
        stubs.verify(getRequestedFor(urlPathEqualTo("/api/users/directory"))
                .withQueryParam("partner", equalTo(p))
                .withHeader("Authorization", equalTo("Bearer " + author)));
        Awaitility.await()
                .atMost(MAIL)
                .until(() -> to(approverMail).size() == 1 && to(adminMail).size() == 1);
        MimeMessage ask = to(approverMail).get(0);
        assertEquals("DR plan to approve: " + p + " ICT recovery plan (" + p + "), revision 1", ask.getSubject());
        String body = Mailbox.text(ask);
        assertTrue(body.contains("Hello Name of " + approverName), body);
        assertTrue(body.contains(authorName + " submitted revision 1"), body);
        assertTrue(body.contains("/#/dr/plans/" + id), body);

        reject(approver, id, "Name the payroll supplier's out-of-hours number");
        Awaitility.await().atMost(MAIL).until(() -> to(authorMail).size() == 1);
        MimeMessage back = to(authorMail).get(0);
        assertEquals("DR plan sent back: " + p + " ICT recovery plan (" + p + "), revision 1", back.getSubject());
        assertTrue(Mailbox.text(back).contains("Name the payroll supplier's out-of-hours number"));

        submit(author, id);
        Awaitility.await().atMost(MAIL).until(() -> to(approverMail).size() == 2);
        given().auth()
                .oauth2(approver)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "Checked at the DR board"))
                .when()
                .post("/api/dr/plans/" + id + "/approve")
                .then()
                .statusCode(200);
        Awaitility.await().atMost(MAIL).until(() -> to(authorMail).size() == 2);
        MimeMessage approved = to(authorMail).get(1);
        assertEquals("DR plan approved: " + p + " ICT recovery plan (" + p + "), revision 1", approved.getSubject());
        assertTrue(Mailbox.text(approved).contains("Checked at the DR board"));
        assertEquals(2, to(approverMail).size(), "one e-mail per submission");
        assertEquals(2, to(authorMail).size(), "the author is not asked to approve their own plan");
    }

    @Test
    void whenTheDirectoryIsDownTheSubmissionStandsAndSaysNobodyWasToldUntilSentAgain() {
        String p = partner();
        long id = plan(p, publishedTemplate(councilActivities()));
        String author = lead("drlead-" + p.toLowerCase(Locale.ROOT), p, null);
        String approverName = unique("approver");
        String approverMail = approverName + "@n-kesteven.example.gov.uk";
        stubs.stubFor(directory(p, "dr-lead", "admin").willReturn(aResponse().withStatus(503)));

        given().auth()
                .oauth2(author)
                .when()
                .post("/api/dr/plans/" + id + "/submit")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("SUBMITTED"))
                .body("approvalMail.approversEmailed", org.hamcrest.Matchers.equalTo(0))
                .body("approvalMail.problem", containsString("The approvers were not e-mailed: the gateway"));
        given().auth()
                .oauth2(author)
                .when()
                .get("/api/dr/plans/" + id)
                .then()
                .statusCode(200)
                .body("approvalMail.problem", containsString("Tell them yourself"));
        given().auth()
                .oauth2(author)
                .when()
                .get("/api/dr/plans/" + id + "/approvers")
                .then()
                .spec(Problems.problem(503));
        given().auth()
                .oauth2(Tokens.drLead(partner()))
                .when()
                .post("/api/dr/plans/" + id + "/approvers/notify")
                .then()
                .spec(Problems.problem(403));

        answer(p, List.of(contact(approverName, approverMail, p, "dr-lead")), "dr-lead", "admin");
        Awaitility.await()
                .atMost(MAIL)
                .untilAsserted(() -> given().auth()
                        .oauth2(author)
                        .when()
                        .post("/api/dr/plans/" + id + "/approvers/notify")
                        .then()
                        .statusCode(200)
                        .body("approvalMail.approversEmailed", org.hamcrest.Matchers.equalTo(1))
                        .body("approvalMail.problem", nullValue()));
        Awaitility.await().atMost(MAIL).until(() -> to(approverMail).size() == 1);
    }

    @Test
    void anAuthorWithoutAnAddressOnTheirTokenIsFoundInTheDirectory() {
        String p = partner();
        long id = plan(p, publishedTemplate(councilActivities()));
        String authorName = "drlead-" + p.toLowerCase(Locale.ROOT);
        String authorMail = unique("author") + "@n-kesteven.example.gov.uk";
        String approverName = unique("approver");
        answer(p, List.of(contact(approverName, approverName + "@x.example.gov.uk", p, "dr-lead")), "dr-lead", "admin");
        answer(p, List.of(contact(authorName, authorMail, p, "dr-lead")), "dr-lead", "manager", "admin");
        submit(lead(authorName, p, null), id);
        reject(lead(approverName, p, null), id, "Add the suppliers");
        Awaitility.await().atMost(MAIL).until(() -> to(authorMail).size() == 1);
    }

    @Test
    void anAuthorWithdrawingTheirOwnSubmissionIsNotMailedAboutIt() {
        String p = partner();
        long id = plan(p, publishedTemplate(councilActivities()));
        String authorMail = unique("author") + "@n-kesteven.example.gov.uk";
        String author = lead("drlead-" + p.toLowerCase(Locale.ROOT), p, authorMail);
        String approverName = unique("approver");
        String approverMail = approverName + "@n-kesteven.example.gov.uk";
        answer(p, List.of(contact(approverName, approverMail, p, "dr-lead")), "dr-lead", "admin");
        submit(author, id);
        reject(author, id, "I forgot the suppliers");
        Awaitility.await().atMost(MAIL).until(() -> to(approverMail).size() == 1);
        // Mail is queued in the transaction of the change: none for the author means none will go.
        assertEquals(
                0L,
                QuarkusTransaction.requiringNew()
                        .call(() -> OutboxMail.count("recipient", authorMail.toLowerCase(Locale.ROOT))));
    }
}
