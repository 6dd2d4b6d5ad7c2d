package org.sharedict.rota.notify;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.rota.testing.Fixtures.createRota;
import static org.sharedict.rota.testing.Fixtures.mailsTo;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.problem;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.testing.Tokens;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ShiftReminderTest {

    @InjectStubs
    WireMockServer skills;

    @InjectMailServer
    GreenMail mail;

    @Test
    void aShiftStartingSoonIsRemindedOnceHoweverOftenTheCheckRuns() {
        String partner = Fixtures.partner();
        Person r = person(skills, partner, "Ray Reminder");
        LocalDateTime soon = LocalDateTime.now(Fixtures.LONDON).plusHours(1).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> body = Fixtures.rota(unique("Soon"), List.of(partner), "ALWAYS", "P7D", soon.toLocalTime().toString(),
                soon.toLocalDate(), List.of(r.id()), null);
        createRota(Tokens.manager(partner), body);
        given().auth().oauth2(Tokens.admin()).when().post("/api/rotas/reminders/check").then().statusCode(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(mail, r.email(), "Reminder").size() == 1);
        String text = GreenMailUtil.getBody(mailsTo(mail, r.email(), "Reminder").get(0));
        assertTrue(text.contains("Ray Reminder") && text.contains("Soon"), text);
        given().auth().oauth2(Tokens.admin()).when().post("/api/rotas/reminders/check").then().statusCode(202);
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> mailsTo(mail, r.email(), "Reminder").size() == 1);
        given().auth().oauth2(Tokens.manager(partner)).when().post("/api/rotas/reminders/check").then().spec(problem(403));
    }
}
