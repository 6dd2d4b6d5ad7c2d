package org.sharedict.skills.aid;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.MailServer;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.sharedict.skills.aid.AidParties.post;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

/** A help request from asking to done, who may do what at each step, and who hears of it. */
@QuarkusTest
@QuarkusTestResource(MailServer.class)
class HelpRequestLifecycleTest {

    @InjectMailServer
    GreenMail mail;

    @Test
    void requestGoesFromAskedToDoneWithTimeConfirmedAndEveryoneConcernedIsMailed() throws MessagingException {
        AidParties p = AidParties.create();
        long id = p.ask(p.request("ROUTINE", false, true));
        String path = "/api/aid/requests/" + id;

        given().auth()
                .oauth2(p.askingManagerToken())
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("status", equalTo("REQUESTED"))
                .body("requesterPartner", equalTo(p.asking()))
                .body("helperName", equalTo("Hana Helper"))
                .body("expectedHours", equalTo(7.5f))
                .body("actions", contains("withdraw"));
        given().auth()
                .oauth2(p.helpingManagerToken())
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("actions", contains("approve", "decline"));

        // A routine request is the manager's to decide: the person named cannot accept it themselves.
        post(p.helperToken(), path + "/accept", null).spec(problem(403));
        post(p.askingManagerToken(), path + "/approve", null).spec(problem(403));
        post(p.helpingManagerToken(), path + "/approve", Map.of("reason", "Hana can do Tuesday"))
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("decisionReason", equalTo("Hana can do Tuesday"));
        post(p.helpingManagerToken(), path + "/approve", null)
                .spec(problem(409))
                .body("currentStatus", equalTo("ACCEPTED"));

        post(p.helperToken(), path + "/start", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));
        post(p.askingManagerToken(), path + "/withdraw", null).spec(problem(409));
        long time = post(
                        p.helperToken(),
                        path + "/time",
                        Map.of("workedOn", "2026-06-15", "hours", 1.5, "outOfHours", false, "note", "Rules reviewed"))
                .statusCode(201)
                .body("hours", equalTo(1.5f))
                .body("status", equalTo("LOGGED"))
                .extract()
                .jsonPath()
                .getLong("id");
        post(p.helperToken(), path + "/time/" + time + "/confirm", null).spec(problem(403));
        post(p.askingManagerToken(), path + "/time/" + time + "/confirm", null)
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        post(p.askingManagerToken(), path + "/time/" + time + "/query", Map.of("reason", "too long"))
                .spec(problem(409));
        post(p.helperToken(), path + "/complete", null).statusCode(200).body("status", equalTo("DONE"));
        given().auth()
                .oauth2(p.askingManagerToken())
                .when()
                .get(path)
                .then()
                .body("loggedHours", equalTo(1.5f))
                .body("doneAt", org.hamcrest.Matchers.notNullValue());

        // Asking, approval, start, time logged, time confirmed, done: six changes, each to both managers and the
        // helper.
        Awaitility.await()
                .atMost(Duration.ofSeconds(150))
                .until(() -> mailsAbout(p.helpingManagerEmail(), id).size() == 6);
        Awaitility.await()
                .atMost(Duration.ofSeconds(150))
                .until(() -> mailsAbout(p.askingManagerEmail(), id).size() == 6
                        && mailsAbout(p.helperEmail(), id).size() == 6);
        List<String> subjects = mailsAbout(p.askingManagerEmail(), id);
        org.junit.jupiter.api.Assertions.assertTrue(
                subjects.stream().anyMatch(s -> s.contains("Approved")), subjects.toString());
    }

    @Test
    void anotherPartnerNeitherSeesNorMovesTheRequest() {
        AidParties p = AidParties.create();
        long id = p.ask(p.request("ROUTINE", false, false));
        String path = "/api/aid/requests/" + id;
        given().auth().oauth2(p.otherManagerToken()).when().get(path).then().spec(problem(404));
        post(p.otherManagerToken(), path + "/approve", null).spec(problem(404));
        post(p.otherManagerToken(), path + "/time", Map.of("workedOn", "2026-06-15", "hours", 1, "outOfHours", false))
                .spec(problem(404));
        given().auth()
                .oauth2(p.otherManagerToken())
                .when()
                .get("/api/aid/requests?size=500")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        given().auth()
                .oauth2(p.helpingManagerToken())
                .when()
                .get("/api/aid/requests?side=ASKED_OF&size=500")
                .then()
                .body("items.id", hasItem((int) id));
        given().auth()
                .oauth2(p.helpingManagerToken())
                .when()
                .get("/api/aid/requests?side=ASKED&size=500")
                .then()
                .body("items.id", not(hasItem((int) id)));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/aid/requests?size=500")
                .then()
                .body("items.id", hasItem((int) id));
        // Engineers do not ask for help on their partner's behalf; nor does anyone for another partner.
        post(p.helperToken(), "/api/aid/requests", p.request("ROUTINE", false, false))
                .spec(problem(403));
        Map<String, Object> forOther = new java.util.HashMap<>(p.request("ROUTINE", false, false));
        forOther.put("requesterPartner", p.other());
        post(p.askingManagerToken(), "/api/aid/requests", forOther).spec(problem(403));
    }

    @Test
    void theNamedPersonAcceptsAnUrgentRequestThemselvesAndTheirManagerIsTold() {
        AidParties p = AidParties.create();
        long id = p.ask(p.request("URGENT", false, true));
        String path = "/api/aid/requests/" + id;
        given().auth().oauth2(p.helperToken()).when().get(path).then().body("actions", hasItem("accept"));
        post(p.helperToken(), path + "/accept", null)
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("decidedBy", equalTo("eng-" + p.helping().toLowerCase()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(150))
                .until(() -> mailsAbout(p.helpingManagerEmail(), id).stream()
                        .anyMatch(s -> s.contains("Accepted directly")));
    }

    @Test
    void declineNeedsAReasonAndWithdrawnRequestsTakeNoTime() {
        AidParties p = AidParties.create();
        long declined = p.ask(p.request("ROUTINE", false, false));
        post(p.helpingManagerToken(), "/api/aid/requests/" + declined + "/decline", null)
                .spec(invalidField("reason"));
        post(
                        p.helpingManagerToken(),
                        "/api/aid/requests/" + declined + "/decline",
                        Map.of("reason", "Nobody free in June"))
                .statusCode(200)
                .body("status", equalTo("DECLINED"));
        post(p.askingManagerToken(), "/api/aid/requests/" + declined + "/withdraw", null)
                .spec(problem(409));

        long withdrawn = p.ask(p.request("ROUTINE", false, true));
        post(
                        p.askingManagerToken(),
                        "/api/aid/requests/" + withdrawn + "/withdraw",
                        Map.of("reason", "Fixed it ourselves"))
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        post(
                        p.helpingManagerToken(),
                        "/api/aid/requests/" + withdrawn + "/time",
                        Map.of("workedOn", "2026-06-15", "hours", 1, "outOfHours", false))
                .spec(problem(409));
    }

    @Test
    void badRequestsNameTheField() {
        AidParties p = AidParties.create();
        Map<String, Object> b = new java.util.HashMap<>(p.request("ROUTINE", false, false));
        b.put("skills", List.of("NO_SUCH_SKILL_" + p.helping()));
        post(p.askingManagerToken(), "/api/aid/requests", b).spec(invalidField("skills"));
        b = new java.util.HashMap<>(p.request("ROUTINE", false, false));
        b.put("expectedHours", 0.33);
        post(p.askingManagerToken(), "/api/aid/requests", b).spec(invalidField("expectedHours"));
        b = new java.util.HashMap<>(p.request("ROUTINE", false, false));
        b.put("helperPartner", p.asking());
        post(p.askingManagerToken(), "/api/aid/requests", b).spec(invalidField("helperPartner"));
        b = new java.util.HashMap<>(p.request("ROUTINE", false, false));
        b.put("neededTo", "2026-06-01");
        post(p.askingManagerToken(), "/api/aid/requests", b).spec(invalidField("neededTo"));
        long id = p.ask(p.request("ROUTINE", false, false));
        post(p.helpingManagerToken(), "/api/aid/requests/" + id + "/approve", null)
                .statusCode(200);
        post(
                        p.helpingManagerToken(),
                        "/api/aid/requests/" + id + "/time",
                        Map.of("workedOn", "2099-01-01", "hours", 1, "outOfHours", false))
                .spec(invalidField("workedOn"));
        given().auth()
                .oauth2(p.askingManagerToken())
                .when()
                .get("/api/aid/requests?status=NOPE")
                .then()
                .spec(problem(400));
    }

    private List<String> mailsAbout(String to, long id) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            boolean toThem = Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(to));
            if (toThem && m.getSubject().startsWith("[Mutual aid #" + id + "]")) {
                subjects.add(m.getSubject());
            }
        }
        return subjects;
    }
}
