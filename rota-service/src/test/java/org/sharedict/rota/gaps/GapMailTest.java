package org.sharedict.rota.gaps;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.Scheduler;

import org.sharedict.rota.notify.Notification;
import org.sharedict.rota.people.People;
import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.rota.testing.TestClock;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.rota.testing.Fixtures.createRota;
import static org.sharedict.rota.testing.Fixtures.local;
import static org.sharedict.rota.testing.Fixtures.mailsTo;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.unique;

/** The managers' daily mail of new cover gaps, received by a real SMTP server, with time driven by the test clock. */
@QuarkusTest
class GapMailTest {

    @InjectStubs
    WireMockServer skills;

    @InjectMailServer
    GreenMail mail;

    @Inject
    TestClock clock;

    @Inject
    GapMails mails;

    @Inject
    People people;

    @Inject
    Scheduler quartz;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static void leave(Person p, LocalDateTime start, LocalDateTime end) {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "personId",
                        p.id(),
                        "start",
                        local(start).toString(),
                        "end",
                        local(end).toString(),
                        "reason",
                        "annual leave"))
                .when()
                .post("/api/rotas/leave")
                .then()
                .statusCode(201);
    }

    private long mailsQueuedTo(long personId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Notification.count(
                        "purpose = ?1 and personId = ?2", Notification.Purpose.COVER_GAPS, personId));
    }

    @Test
    void managersAreToldOfANewGapOnceAndAgainOnlyWhenAnotherAppears() throws Exception {
        clock.set(LocalDateTime.of(2026, 6, 1, 7, 0));
        String partner = Fixtures.partner(skills);
        Person boss = person(skills, partner, "Mo Manager", true);
        Fixtures.managersOf(skills, partner, boss);
        Person a = person(skills, partner, "Ann Oncall");
        Person b = person(skills, partner, "Ben Oncall");
        createRota(
                Tokens.manager(partner),
                Fixtures.rota(
                        unique("Gap mail"),
                        List.of(partner),
                        "ALWAYS",
                        "P7D",
                        "09:00",
                        LocalDate.of(2026, 5, 4),
                        List.of(a.id(), b.id()),
                        null));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> people.refreshManagers(partner)));
        // Nothing uncovered yet: no mail.
        mails.sendNew(List.of(partner));
        assertEquals(0, mailsQueuedTo(boss.id()));

        // Both away one Friday night.
        leave(a, LocalDateTime.of(2026, 6, 5, 18, 0), LocalDateTime.of(2026, 6, 6, 8, 0));
        leave(b, LocalDateTime.of(2026, 6, 5, 20, 0), LocalDateTime.of(2026, 6, 6, 6, 0));
        mails.sendNew(List.of(partner));
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> mailsTo(mail, boss.email(), "Cover gaps").size() == 1);
        String first =
                GreenMailUtil.getBody(mailsTo(mail, boss.email(), "Cover gaps").get(0));
        assertTrue(first.contains("Fri 5 Jun 2026 20:00 to Sat 6 Jun 2026 06:00"), first);
        assertTrue(first.contains("LAYER_ON_LEAVE") && first.contains("Mo Manager"), first);
        assertEquals(1, mailsQueuedTo(boss.id()));

        // The same day again, and the next morning with nothing changed: no mail.
        mails.sendNew(List.of(partner));
        clock.set(LocalDateTime.of(2026, 6, 2, 7, 0));
        mails.sendNew(List.of(partner));
        assertEquals(1, mailsQueuedTo(boss.id()));

        // A new gap: told of that one alone.
        leave(a, LocalDateTime.of(2026, 6, 10, 22, 0), LocalDateTime.of(2026, 6, 11, 7, 0));
        leave(b, LocalDateTime.of(2026, 6, 10, 22, 0), LocalDateTime.of(2026, 6, 11, 7, 0));
        mails.sendNew(List.of(partner));
        assertEquals(2, mailsQueuedTo(boss.id()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> mailsTo(mail, boss.email(), "Cover gaps").size() == 2);
        String second = mailsTo(mail, boss.email(), "Cover gaps").stream()
                .map(GreenMailUtil::getBody)
                .filter(t -> !t.equals(first))
                .findFirst()
                .orElseThrow();
        assertTrue(second.contains("Wed 10 Jun 2026 22:00 to Thu 11 Jun 2026 07:00"), second);
        assertFalse(second.contains("5 Jun"), second);
        // An engineer on the rota is not a manager: nothing for them.
        assertEquals(0, mailsQueuedTo(a.id()));
    }

    @Test
    void theMorningMailIsADurableRecurringJobInTheClusteredStoreAtSevenUkTime() throws Exception {
        JobDetail job = quartz.getJobDetail(GapMailScheduler.JOB);
        assertTrue(job.isDurable() && job.requestsRecovery(), job::toString);
        assertEquals(GapMailJob.class, job.getJobClass());
        CronTrigger trigger = (CronTrigger) quartz.getTrigger(GapMailScheduler.TRIGGER);
        assertEquals("0 0 7 * * ?", trigger.getCronExpression());
        assertEquals(ZoneId.of("Europe/London"), trigger.getTimeZone().toZoneId());
        assertTrue(quartz.getMetaData().isJobStoreClustered()
                && quartz.getMetaData().isJobStoreSupportsPersistence());
    }
}
