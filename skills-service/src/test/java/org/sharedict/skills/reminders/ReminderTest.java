package org.sharedict.skills.reminders;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
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

import org.sharedict.skills.support.Fixtures;
import org.sharedict.skills.support.TestClock;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.MailServer;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each reminder goes once: running the daily job again, or days later, sends no second copy. */
@QuarkusTest
@QuarkusTestResource(MailServer.class)
class ReminderTest {

    @InjectMailServer
    GreenMail mail;

    @Inject
    Reminders reminders;

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    @Test
    void certificationRemindersGoSixtyAndFourteenDaysBeforeEachOnceToPersonAndManager() throws MessagingException {
        String partner = Fixtures.partner();
        Map<String, Object> m = Fixtures.personBody(partner, "Mara Manager");
        m.put("manager", true);
        Fixtures.person(m);
        Map<String, Object> e = Fixtures.personBody(partner, "Eli Engineer");
        long eli = Fixtures.person(e);
        String skill = Fixtures.skill(Fixtures.category(), Fixtures.unique("VMware vSphere "));
        LocalDate expires = TestClock.today().plusDays(50);
        Fixtures.certification(eli, skill, "VCP-DCV 2023", expires.toString());

        reminders.sendDue();
        reminders.sendDue();
        awaitMails((String) e.get("email"), "VCP-DCV", 1);
        awaitMails((String) m.get("email"), "VCP-DCV", 1);

        // Forty days on it is 10 days away: the 14-day reminder, once.
        TestClock.set(TestClock.now().plus(Duration.ofDays(40)));
        reminders.sendDue();
        reminders.sendDue();
        awaitMails((String) e.get("email"), "VCP-DCV", 2);
        // Sent after commit, each on its own: the manager's may land a moment after the engineer's.
        awaitMails((String) m.get("email"), "VCP-DCV", 2);
    }

    @Test
    void aStaleProfileNudgesThePersonOnceThenTheirManagerAMonthLater() throws MessagingException {
        String partner = Fixtures.partner();
        Map<String, Object> m = Fixtures.personBody(partner, "Mo Manager");
        m.put("manager", true);
        Fixtures.person(m);
        Map<String, Object> s = Fixtures.personBody(partner, "Sid Stale");
        s.put("lastConfirmed", TestClock.today().minusMonths(7).toString());
        Fixtures.person(s);

        reminders.sendDue();
        reminders.sendDue();
        awaitMails((String) s.get("email"), "confirm your skills profile", 1);
        assertEquals(0, mails((String) m.get("email"), "Sid Stale").size());

        TestClock.set(TestClock.now().plus(Duration.ofDays(32)));
        reminders.sendDue();
        reminders.sendDue();
        awaitMails((String) m.get("email"), "Sid Stale", 1);
        assertEquals(
                1, mails((String) s.get("email"), "confirm your skills profile").size());
    }

    @Test
    void theNudgesConfirmLinkConfirmsTheProfileWithOneClickOnce() throws Exception {
        String partner = Fixtures.partner();
        Map<String, Object> m = Fixtures.personBody(partner, "Meg Manager");
        m.put("manager", true);
        Fixtures.person(m);
        Map<String, Object> s = Fixtures.personBody(partner, "Stan Stale");
        s.put("lastConfirmed", TestClock.today().minusMonths(8).toString());
        long stan = Fixtures.person(s);

        reminders.sendDue();
        awaitMails((String) s.get("email"), "confirm your skills profile", 1);
        String confirm = link((String) s.get("email"), "confirm your skills profile");
        given().accept("text/html")
                .when()
                .get(confirm)
                .then()
                .statusCode(200)
                .body(containsString("Confirm Stan Stale&#39;s profile"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + stan)
                .then()
                .body("lastConfirmed", equalTo(TestClock.today().minusMonths(8).toString()));
        given().accept("text/html")
                .contentType(ContentType.URLENC)
                .when()
                .post(confirm)
                .then()
                .statusCode(200)
                .body(containsString("Profile confirmed by Stan Stale"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + stan)
                .then()
                .body("lastConfirmed", equalTo(TestClock.today().toString()))
                .body("stale", equalTo(false));
        given().contentType(ContentType.URLENC).when().post(confirm).then().statusCode(409);
    }

    @Test
    void theManagersNudgeCarriesTheirOwnConfirmLink() throws Exception {
        String partner = Fixtures.partner();
        Map<String, Object> m = Fixtures.personBody(partner, "Max Manager");
        m.put("manager", true);
        Fixtures.person(m);
        Map<String, Object> s = Fixtures.personBody(partner, "Sal Stale");
        s.put("lastConfirmed", TestClock.today().minusMonths(9).toString());
        long sal = Fixtures.person(s);
        reminders.sendDue();
        TestClock.set(TestClock.now().plus(Duration.ofDays(32)));
        reminders.sendDue();
        awaitMails((String) m.get("email"), "Sal Stale", 1);
        // The person's own link expired after a week; the manager's, made today, works.
        String own = link((String) s.get("email"), "confirm your skills profile");
        given().contentType(ContentType.URLENC).when().post(own).then().statusCode(410);
        given().accept("text/html")
                .contentType(ContentType.URLENC)
                .when()
                .post(link((String) m.get("email"), "Sal Stale"))
                .then()
                .statusCode(200)
                .body(containsString("Profile confirmed by Max Manager"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + sal)
                .then()
                .body("lastConfirmed", equalTo(TestClock.today().toString()));
    }

    /** The path of the one-click link in the first e-mail to {@code to} whose subject has {@code about}. */
    private String link(String to, String about) throws MessagingException, java.io.IOException {
        for (MimeMessage msg : mail.getReceivedMessages()) {
            boolean toThem = Arrays.stream(msg.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(to));
            if (toThem && msg.getSubject().contains(about)) {
                java.util.regex.Matcher x = java.util.regex.Pattern.compile("(/api/links/[A-Za-z0-9_.-]+)")
                        .matcher(msg.getContent().toString());
                if (x.find()) {
                    return x.group(1);
                }
            }
        }
        throw new AssertionError("no link in the e-mail to " + to + " about " + about);
    }

    private void awaitMails(String to, String about, int count) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(150))
                .until(() -> mails(to, about).size() >= count);
        try {
            assertEquals(count, mails(to, about).size(), "mails to " + to + " about " + about);
        } catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private List<String> mails(String to, String about) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage msg : mail.getReceivedMessages()) {
            boolean toThem = Arrays.stream(msg.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(to));
            if (toThem && msg.getSubject().contains(about)) {
                subjects.add(msg.getSubject());
            }
        }
        return subjects;
    }
}
