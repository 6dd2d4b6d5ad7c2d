package org.sharedict.rota.notify;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.rota.testing.TestClock;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.rota.testing.Fixtures.createRota;
import static org.sharedict.rota.testing.Fixtures.mailsTo;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class ShiftReminderTest {

    @InjectStubs
    WireMockServer skills;

    @InjectMailServer
    GreenMail mail;

    @Inject
    TestClock clock;

    @Inject
    Reminders reminders;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private long remindersTo(long personId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Notification.count(
                        "purpose = ?1 and personId = ?2", Notification.Purpose.SHIFT_REMINDER, personId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-06-11T22:40", "2025-03-30T00:10", "2025-10-26T00:40", "2025-12-31T23:30"})
    void aShiftStartingSoonIsRemindedOnceHoweverOftenTheCheckRuns(String when) {
        clock.set(LocalDateTime.parse(when));
        String partner = Fixtures.partner(skills);
        Person r = person(skills, partner, "Ray Reminder");
        LocalDateTime soon =
                LocalDateTime.now(clock.withZone(Fixtures.LONDON)).plusHours(1).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> body = Fixtures.rota(
                unique("Soon"),
                List.of(partner),
                "ALWAYS",
                "P7D",
                soon.toLocalTime().toString(),
                soon.toLocalDate(),
                List.of(r.id()),
                null);
        createRota(Tokens.manager(partner), body);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/rotas/reminders/check")
                .then()
                .statusCode(202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> mailsTo(mail, r.email(), "Reminder").size() == 1);
        String text = GreenMailUtil.getBody(mailsTo(mail, r.email(), "Reminder").get(0));
        assertTrue(text.contains("Ray Reminder") && text.contains("Soon"), text);
        // Checking again, here and now rather than in the background, reminds nobody twice.
        reminders.sendDue();
        assertEquals(1, remindersTo(r.id()));
        given().auth()
                .oauth2(Tokens.manager(partner))
                .when()
                .post("/api/rotas/reminders/check")
                .then()
                .spec(problem(403));
    }
}
