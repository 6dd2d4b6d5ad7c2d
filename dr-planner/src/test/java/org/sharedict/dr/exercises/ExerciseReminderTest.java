package org.sharedict.dr.exercises;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.sharedict.dr.testing.Mailbox;
import org.sharedict.dr.testing.TestClock;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.dr.testing.Fixtures.councilActivities;
import static org.sharedict.dr.testing.Fixtures.plan;
import static org.sharedict.dr.testing.Fixtures.publishedTemplate;
import static org.sharedict.dr.testing.Fixtures.unique;

/** Participants of a scheduled exercise are reminded once each, a week ahead; a name without an address cannot be. */
@QuarkusTest
class ExerciseReminderTest {

    @InjectMailServer
    GreenMail mail;

    @Inject
    ExerciseReminders reminders;

    private static long schedule(long planId, int daysAhead, List<String> participants) {
        return given().auth()
                .oauth2(Tokens.drLead("ULHT"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "planId",
                        planId,
                        "status",
                        "SCHEDULED",
                        "heldOn",
                        TestClock.today().plusDays(daysAhead).toString(),
                        "type",
                        "TABLETOP",
                        "scope",
                        "Ransomware encrypts the file servers overnight",
                        "participants",
                        participants))
                .when()
                .post("/api/dr/exercises")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    void participantsWithAnAddressAreRemindedOnceAWeekAhead() throws Exception {
        long planId = plan("ULHT", publishedTemplate(councilActivities()));
        String sam = unique("sam") + "@ulh.example.nhs.uk";
        String later = unique("later") + "@ulh.example.nhs.uk";
        schedule(planId, 3, List.of("Sam Carter <" + sam + ">", "Nia Network", sam.toUpperCase()));
        schedule(planId, 30, List.of("Lou Later <" + later + ">"));

        reminders.remindDue();
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> Mailbox.to(mail, sam).size() == 1);
        MimeMessage m = Mailbox.to(mail, sam).get(0);
        assertTrue(m.getSubject().startsWith("DR exercise on "), m.getSubject());
        String body = Mailbox.text(m);
        assertTrue(body.contains("in 3 days"), body);
        assertTrue(body.contains("Ransomware encrypts the file servers overnight"), body);

        reminders.remindDue();
        schedule(planId, 1, List.of(later));
        reminders.remindDue();
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> Mailbox.to(mail, later).size() == 1);
        assertEquals(1, Mailbox.to(mail, sam).size(), "once per participant, however often the check runs");
        assertTrue(
                Mailbox.to(mail, later)
                        .get(0)
                        .getSubject()
                        .contains(TestClock.today().plusDays(1).getDayOfMonth() + " "),
                "the exercise a month away is not reminded yet; the one tomorrow is");
    }

    @Test
    void addressesAreFoundInWhateverFormParticipantsAreWritten() {
        assertEquals(
                Set.of("sam.carter@boston.example.gov.uk", "nia@nk.example.gov.uk"),
                ExerciseReminders.addresses(List.of(
                        "Sam Carter <Sam.Carter@boston.example.gov.uk>",
                        "nia@nk.example.gov.uk",
                        "Fay Facilities",
                        "sam.carter@boston.example.gov.uk (again)")));
    }
}
