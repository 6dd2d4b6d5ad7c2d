package org.sharedict.rota.actions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.notify.PageActions;
import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.unique;

/** The records of used page links are pruned once their links have expired, and not before. */
@QuarkusTest
class UsedLinksTest {

    @InjectStubs
    WireMockServer stubs;

    @Inject
    PageActions links;

    @Inject
    UsedLinks usedLinks;

    private record Paged(long incidentId, Person person) {}

    private Paged paged() {
        String partner = Fixtures.partner(stubs);
        Person person = person(stubs, partner, "Pru Pruned");
        long policy = given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        unique("Prune"),
                        "partner",
                        partner,
                        "repeatCount",
                        0,
                        "steps",
                        List.of(Map.of(
                                "delay",
                                "PT10M",
                                "targets",
                                List.of(Map.of("kind", "PERSON", "personId", person.id()))))))
                .post("/api/escalation-policies")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long id = given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(Map.of("partner", partner, "summary", "Prune me", "severity", "HIGH", "policyId", policy))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        return new Paged(id, person);
    }

    /** A used-link record as the action would have left it, for a link that expires at {@code expiresAt}. */
    private static String used(Paged p, Instant expiresAt) {
        String tokenId = UUID.randomUUID().toString().replace("-", "");
        QuarkusTransaction.requiringNew().run(() -> {
            ActionUse use = new ActionUse();
            use.tokenId = tokenId;
            use.incidentId = p.incidentId();
            use.personId = p.person().id();
            use.action = "resolve";
            use.usedAt = expiresAt.minus(Duration.ofHours(1));
            use.expiresAt = expiresAt;
            use.persist();
        });
        return tokenId;
    }

    private static ActionUse find(String tokenId) {
        return QuarkusTransaction.requiringNew().call(() -> ActionUse.findById(tokenId));
    }

    @Test
    void expiredRecordsArePrunedAndAUsedLinkStaysRefusedUntilItExpires() throws Exception {
        Paged p = paged();
        String ack = links.forPage(p.incidentId(), p.person().id()).stream()
                .filter(a -> a.action().equals("acknowledge"))
                .map(a -> a.url().toString())
                .map(u -> u.substring(u.indexOf("/api/")))
                .findFirst()
                .orElseThrow();
        given().post(ack).then().statusCode(200);

        String longExpired = used(p, Instant.now().minus(Duration.ofHours(3)));
        String justExpired = used(p, Instant.now().minus(Duration.ofMinutes(10)));

        usedLinks.runNow();
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> find(longExpired) == null);

        assertNotNull(find(justExpired), "expired less than the margin (1 h) ago: kept");
        long kept = QuarkusTransaction.requiringNew()
                .call(() -> ActionUse.count("incidentId = ?1 and action = ?2", p.incidentId(), "acknowledge"));
        assertEquals(1, kept, "the link used just now has a day to run: its record stays");
        // ...and so the link is still refused as used, after the prune as before it.
        given().post(ack).then().statusCode(409);
        assertNull(find(longExpired));
    }

    @Test
    void thePruneAnswersHowManyItDeleted() {
        Paged p = paged();
        used(p, Instant.now().minus(Duration.ofDays(2)));
        used(p, Instant.now().minus(Duration.ofDays(3)));
        String fresh = used(p, Instant.now().plus(Duration.ofHours(5)));
        long pruned = usedLinks.prune();
        assertTrue(pruned >= 2, "pruned " + pruned);
        assertEquals(
                0,
                QuarkusTransaction.requiringNew()
                        .call(() ->
                                ActionUse.count("incidentId = ?1 and expiresAt < ?2", p.incidentId(), Instant.now())));
        assertNotNull(find(fresh));
    }
}
