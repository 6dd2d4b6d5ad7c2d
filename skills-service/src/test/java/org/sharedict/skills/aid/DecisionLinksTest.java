package org.sharedict.skills.aid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sharedict.skills.support.TestClock;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.MailServer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

/**
 * Deciding a help request from the e-mail: the helping partner's manager approves or declines, and the
 * person asked for accepts where the agreement allows, each with their own signed link that shows
 * what it will do (a GET never acts), acts once on POST and expires.
 */
@QuarkusTest
@QuarkusTestResource(MailServer.class)
class DecisionLinksTest {

    private static final String HTML = "text/html";

    @InjectMailServer
    GreenMail mail;

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    @Test
    void theManagersApproveLinkShowsTheRequestThenApprovesItOnce() throws Exception {
        AidParties p = AidParties.create();
        long id = p.ask(p.request("ROUTINE", false, true));
        String approve = link(p.helpingManagerEmail(), id, "Approve it");
        given().accept(HTML)
                .when()
                .get(approve)
                .then()
                .statusCode(200)
                .contentType(containsString(HTML))
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("Cache-Control", "no-store")
                .body(containsString("Approve request #" + id))
                .body(containsString("Firewall rules for the new housing system"))
                .body(containsString("You are Hal Helping"));
        status(p, id, "REQUESTED");
        // A routine request in working hours: the person asked cannot say yes themselves, so no accept link.
        assertFalse(body(p.helperEmail(), id).contains("/api/links/"), "no accept link for a routine request");

        given().accept(HTML)
                .contentType(ContentType.URLENC)
                .when()
                .post(approve)
                .then()
                .statusCode(200)
                .body(containsString("Request #" + id + " approved by Hal Helping"));
        given().auth()
                .oauth2(p.askingManagerToken())
                .when()
                .get("/api/aid/requests/" + id)
                .then()
                .body("status", equalTo("ACCEPTED"))
                .body("decidedBy", equalTo("Hal Helping (from an e-mail link)"));

        // Used: a second POST and a look afterwards are refused, as a page for a browser and a problem otherwise.
        given().contentType(ContentType.URLENC).when().post(approve).then().spec(problem(409));
        given().accept(HTML).when().get(approve).then().statusCode(409).body(containsString("already been used"));
        // The decline link in the same e-mail now has nothing to decide.
        given().when()
                .get(link(p.helpingManagerEmail(), id, "Decline it"))
                .then()
                .spec(problem(409))
                .body("detail", containsString("already accepted"));
    }

    @Test
    void declineAsksForTheReasonOnThePage() throws Exception {
        AidParties p = AidParties.create();
        long id = p.ask(p.request("ROUTINE", false, false));
        String decline = link(p.helpingManagerEmail(), id, "Decline it");
        given().accept(HTML)
                .when()
                .get(decline)
                .then()
                .statusCode(200)
                .body(containsString("<textarea"))
                .body(containsString("Decline request #" + id));
        given().accept(HTML)
                .contentType(ContentType.URLENC)
                .when()
                .post(decline)
                .then()
                .statusCode(400)
                .body(containsString("govuk-error-summary"))
                .body(containsString("say why the request is declined"));
        given().contentType(ContentType.URLENC)
                .formParam("reason", " ")
                .when()
                .post(decline)
                .then()
                .spec(invalidField("reason"));
        status(p, id, "REQUESTED");
        given().accept(HTML)
                .contentType(ContentType.URLENC)
                .formParam("reason", "Our only firewall engineer is on leave that week")
                .when()
                .post(decline)
                .then()
                .statusCode(200)
                .body(containsString("declined by Hal Helping"));
        given().auth()
                .oauth2(p.helpingManagerToken())
                .when()
                .get("/api/aid/requests/" + id)
                .then()
                .body("status", equalTo("DECLINED"))
                .body("decisionReason", equalTo("Our only firewall engineer is on leave that week"));
    }

    @Test
    void thePersonAskedForAcceptsAnUrgentRequestFromTheirOwnLink() throws Exception {
        AidParties p = AidParties.create();
        long id = p.ask(p.request("URGENT", false, true));
        String accept = link(p.helperEmail(), id, "accept");
        given().accept(HTML)
                .contentType(ContentType.URLENC)
                .when()
                .post(accept)
                .then()
                .statusCode(200)
                .body(containsString("Request #" + id + " accepted by Hana Helper"));
        status(p, id, "ACCEPTED");
        // The manager's copy had no accept link, the engineer's no approve link: each link is for its reader.
        assertFalse(body(p.helperEmail(), id).contains("Approve it"));
        assertFalse(body(p.helpingManagerEmail(), id).contains("you accept"));
    }

    @Test
    void aChangedOrExpiredLinkIsRefused() throws Exception {
        AidParties p = AidParties.create();
        long id = p.ask(p.request("ROUTINE", false, true));
        String approve = link(p.helpingManagerEmail(), id, "Approve it");
        String token = approve.substring(approve.lastIndexOf('/') + 1);
        int dot = token.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replace("|" + id + "|", "|" + (id + 1) + "|")
                                .getBytes(StandardCharsets.UTF_8))
                + token.substring(dot);
        given().when().get("/api/links/" + forged).then().spec(problem(404));
        given().accept(HTML)
                .when()
                .get("/api/links/not-a-link")
                .then()
                .statusCode(404)
                .body(containsString("This link is not valid"));

        TestClock.set(TestClock.now().plus(Duration.ofDays(7)));
        given().when().get(approve).then().spec(problem(410));
        given().contentType(ContentType.URLENC).when().post(approve).then().spec(problem(410));
        status(p, id, "REQUESTED");
    }

    private static void status(AidParties p, long id, String expected) {
        given().auth()
                .oauth2(p.askingManagerToken())
                .when()
                .get("/api/aid/requests/" + id)
                .then()
                .body("status", equalTo(expected))
                .body("status", not(equalTo(null)));
    }

    /** The path of the link after {@code label} in the request's first e-mail to {@code to}. */
    private String link(String to, long id, String label) throws Exception {
        Matcher m = Pattern.compile(Pattern.quote(label) + "[^\\n]*?(/api/links/[A-Za-z0-9_.-]+)")
                .matcher(body(to, id));
        if (!m.find()) {
            throw new AssertionError("no '" + label + "' link in the e-mail to " + to + ":\n" + body(to, id));
        }
        return m.group(1);
    }

    private String body(String to, long id) throws MessagingException, IOException {
        Awaitility.await().atMost(Duration.ofSeconds(150)).until(() -> first(to, id) != null);
        return first(to, id);
    }

    private String first(String to, long id) throws MessagingException, IOException {
        for (MimeMessage m : mail.getReceivedMessages()) {
            boolean toThem = Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(to));
            if (toThem && m.getSubject().startsWith("[Mutual aid #" + id + "]")) {
                return m.getContent().toString().replace("\r\n", "\n");
            }
        }
        return null;
    }
}
