package org.sharedict.skills.aid;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sharedict.skills.links.LinkUse;
import org.sharedict.skills.links.UsedLinks;
import org.sharedict.skills.support.TestClock;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.MailServer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.testing.Problems.problem;

/** The records of used e-mail links are pruned once their links have expired (plus a margin), and not before. */
@QuarkusTest
@QuarkusTestResource(MailServer.class)
class UsedLinksPruneTest {

    @InjectMailServer
    GreenMail mail;

    @Inject
    UsedLinks usedLinks;

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    private static long uses(long requestId) {
        return QuarkusTransaction.requiringNew().call(() -> LinkUse.count("subjectId", requestId));
    }

    private static String used(long subjectId, Instant expiresAt) {
        String tokenId = UUID.randomUUID().toString().replace("-", "");
        QuarkusTransaction.requiringNew().run(() -> {
            LinkUse use = new LinkUse();
            use.tokenId = tokenId;
            use.subjectId = subjectId;
            use.personId = 1;
            use.action = "approve";
            use.usedAt = expiresAt.minus(Duration.ofDays(1));
            use.expiresAt = expiresAt;
            use.persist();
        });
        return tokenId;
    }

    private static LinkUse find(String tokenId) {
        return QuarkusTransaction.requiringNew().call(() -> LinkUse.findById(tokenId));
    }

    @Test
    void aUsedLinkStaysRefusedUntilItExpiresAndItsRecordGoesAfter() throws Exception {
        AidParties p = AidParties.create();
        long id = p.ask(p.request("ROUTINE", false, true));
        String approve = link(p.helpingManagerEmail(), id, "Approve it");
        given().contentType(ContentType.URLENC).when().post(approve).then().statusCode(200);
        assertEquals(1, uses(id));

        usedLinks.prune();
        assertEquals(1, uses(id), "the link has days to run: its record stays");
        given().contentType(ContentType.URLENC).when().post(approve).then().spec(problem(409));

        // Seven days (the links' lifetime) and a bit more than the margin later, the record goes and the
        // signature refuses the link by itself.
        TestClock.set(TestClock.now().plus(Duration.ofDays(7)).plus(Duration.ofHours(2)));
        usedLinks.prune();
        assertEquals(0, uses(id));
        given().contentType(ContentType.URLENC).when().post(approve).then().spec(problem(410));
    }

    @Test
    void onlyRecordsExpiredLongerThanTheMarginArePruned() {
        Instant now = TestClock.now();
        String longExpired = used(-1, now.minus(Duration.ofHours(2)));
        String justExpired = used(-1, now.minus(Duration.ofMinutes(10)));
        String running = used(-1, now.plus(Duration.ofDays(3)));
        long pruned = usedLinks.prune();
        assertNull(find(longExpired));
        assertNotNull(find(justExpired), "expired less than the margin (1 h) ago");
        assertNotNull(find(running));
        assertTrue(pruned >= 1, "pruned " + pruned);
    }

    /** The path of the link after {@code label} in the request's first e-mail to {@code to}. */
    private String link(String to, long id, String label) throws Exception {
        Matcher m = Pattern.compile(Pattern.quote(label) + "[^\\n]*?(/api/links/[A-Za-z0-9_.-]+)")
                .matcher(body(to, id));
        if (!m.find()) {
            throw new AssertionError("no '" + label + "' link in the e-mail to " + to);
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
