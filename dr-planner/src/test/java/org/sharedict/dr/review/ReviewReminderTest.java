package org.sharedict.dr.review;

import java.time.Duration;
import java.util.Arrays;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.sharedict.dr.plans.ReviewDates;
import org.sharedict.dr.testing.TestClock;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.dr.testing.Fixtures.approve;
import static org.sharedict.dr.testing.Fixtures.councilActivities;
import static org.sharedict.dr.testing.Fixtures.plan;
import static org.sharedict.dr.testing.Fixtures.publishedTemplate;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class ReviewReminderTest {

    @InjectMailServer
    GreenMail mail;

    private long messagesTo(String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .count();
    }

    @Test
    void quartzJobMarksOverduePlansAndEmailsTheOwnerOnce() throws Exception {
        long id = plan("WLDC", publishedTemplate(councilActivities()));
        approve("WLDC", id);
        String owner = "dr.lead@wldc.example.gov.uk";
        ReviewDates.wasDue(id, TestClock.today().minusDays(3));

        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/dr/reviews/check")
                .then()
                .statusCode(202);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> messagesTo(owner) == 1);

        MimeMessage m = Arrays.stream(mail.getReceivedMessages())
                .filter(x -> {
                    try {
                        return x.getAllRecipients()[0].toString().equals(owner);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow();
        assertEquals("DR plan review overdue: WLDC ICT recovery plan (WLDC)", m.getSubject());
        String body = GreenMailUtil.getBody(m);
        assertTrue(body.contains("3 days overdue"), body);
        assertTrue(body.contains("Dana Lead"), body);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.viewer("BBC"))
                        .when()
                        .get("/api/dr/plans/" + id)
                        .then()
                        .body("reviewOverdue", equalTo(true)));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/reviews/overdue")
                .then()
                .statusCode(200)
                .body("id", hasItem((int) id));

        // A second run finds nothing new to say.
        int before = mail.getReceivedMessages().length;
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/dr/reviews/check")
                .then()
                .statusCode(202);
        long marker = plan("WLDC", publishedTemplate(councilActivities()));
        approve("WLDC", marker);
        ReviewDates.wasDue(marker, TestClock.today().minusDays(1));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/dr/reviews/check")
                .then()
                .statusCode(202);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> mail.getReceivedMessages().length == before + 1);
        assertEquals(2, messagesTo(owner), "one reminder per overdue plan, not one per run");
    }

    @Test
    void approvingANewRevisionClearsTheOverdueMark() {
        long id = plan("BBC", publishedTemplate(councilActivities()));
        approve("BBC", id);
        ReviewDates.wasDue(id, TestClock.today().minusDays(10));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/dr/reviews/check")
                .then()
                .statusCode(202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.viewer("BBC"))
                        .when()
                        .get("/api/dr/plans/" + id)
                        .then()
                        .body("reviewOverdue", equalTo(true)));
        long next = given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .post("/api/dr/plans/" + id + "/revisions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        approve("BBC", next);
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/" + next)
                .then()
                .body("reviewOverdue", equalTo(false))
                .body("reviewDate", equalTo(TestClock.today().plusMonths(12).toString()));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/dr/plans/" + id)
                .then()
                .body("status", equalTo("SUPERSEDED"))
                .body("reviewOverdue", equalTo(false));
    }

    @Test
    void onlyAdminsRunTheCheckByHand() {
        given().auth()
                .oauth2(Tokens.drLead("BBC"))
                .when()
                .post("/api/dr/reviews/check")
                .then()
                .spec(problem(403));
        given().when().get("/api/dr/reviews/overdue").then().spec(problem(401));
    }
}
