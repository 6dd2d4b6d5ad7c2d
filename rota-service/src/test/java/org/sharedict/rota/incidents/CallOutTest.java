package org.sharedict.rota.incidents;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sharedict.rota.testing.Fixtures.mailsTo;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

/** Call-outs (a DR plan invoked): the people the incident names are paged by the INCIDENT_OWNER and INCIDENT_RESPONDERS steps. */
@QuarkusTest
class CallOutTest {

    @InjectStubs
    WireMockServer stubs;

    @InjectMailServer
    GreenMail mail;

    private static Map<String, Object> callOut(String partner, int invocation, Person owner, List<Person> responders) {
        Map<String, Object> c = new HashMap<>();
        c.put("reference", "dr-invocation:" + invocation);
        c.put("link", "/#/dr/invocations/" + invocation);
        if (owner != null) {
            c.put("owner", Map.of("personId", owner.id(), "name", owner.name(), "why", "owner of the plan"));
        }
        c.put(
                "responders",
                responders.stream()
                        .map(r -> Map.of("personId", r.id(), "name", r.name(), "why", "owns a first-wave step"))
                        .toList());
        Map<String, Object> m = new HashMap<>();
        m.put("partner", partner);
        m.put("summary", "DR plan invoked: " + partner + " ICT recovery");
        m.put("severity", "HIGH");
        m.put("dedupKey", "dr-invocation-" + invocation);
        m.put("callOut", c);
        return m;
    }

    private long pages(Person p, long incidentId) {
        return mailsTo(mail, p.email(), "incident #" + incidentId + ":").size();
    }

    @Test
    void aCallOutPagesTheOwnerAndTheRespondersItNamesThroughTheDrCallOutPolicy() {
        String partner = Fixtures.partner(stubs);
        Person owner = person(stubs, partner, "Olive Owner");
        Person first = person(stubs, partner, "Fred Firstwave");
        Person manager = person(stubs, partner, "Mo Manager", true);
        Fixtures.managersOf(stubs, partner, manager);
        JsonPath raised = given().auth()
                .oauth2(Tokens.drLead(partner))
                .contentType(ContentType.JSON)
                .body(callOut(partner, 42, owner, List.of(first)))
                .when()
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .body("policyName", equalTo("DR call-out"))
                .body("externalRef", equalTo("dr-invocation:42"))
                .body("externalUrl", equalTo("/#/dr/invocations/42"))
                .body("responders.role", contains("OWNER", "RESPONDER"))
                .body("responders.name", contains("Olive Owner", "Fred Firstwave"))
                .extract()
                .jsonPath();
        long id = raised.getLong("id");

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> pages(owner, id) == 1 && pages(first, id) == 1);
        // The managers are step 2, a quarter of an hour later: not paged yet.
        assertEquals(0, pages(manager, id));

        // A retry with the same reference (the answer was lost) pages nobody again.
        given().auth()
                .oauth2(Tokens.drLead(partner))
                .contentType(ContentType.JSON)
                .body(callOut(partner, 42, owner, List.of(first)))
                .when()
                .post("/api/incidents")
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id))
                .body("occurrences", equalTo(2));

        // Acknowledged like any page, by someone it paged; then the DR lead closing the invocation resolves it.
        given().auth()
                .oauth2(Tokens.as("fred")
                        .roles("engineer")
                        .partner(partner)
                        .person(first.id())
                        .token())
                .when()
                .post("/api/incidents/" + id + "/acknowledge")
                .then()
                .statusCode(200)
                .body("acknowledgedBy", equalTo("fred"));
        given().auth()
                .oauth2(Tokens.drLead(partner))
                .when()
                .post("/api/incidents/" + id + "/resolve")
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"));
        assertEquals(1, pages(owner, id));
    }

    @Test
    void thePartnersOwnCallOutPolicyComesFirstAndAStepNamingNobodySaysSo() {
        String partner = Fixtures.partner(stubs);
        Person owner = person(stubs, partner, "Ona Owner");
        String name = unique("Our call-out");
        long policy = ((Number) given().auth()
                        .oauth2(Tokens.manager(partner))
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "name",
                                name,
                                "partner",
                                partner,
                                "callOut",
                                true,
                                "steps",
                                List.of(Map.of(
                                        "delay",
                                        "PT10M",
                                        "targets",
                                        List.of(
                                                Map.of("kind", "INCIDENT_RESPONDERS"),
                                                Map.of("kind", "INCIDENT_OWNER"))))))
                        .when()
                        .post("/api/escalation-policies")
                        .then()
                        .statusCode(201)
                        .body("callOut", equalTo(true))
                        .body("steps[0].targets.kind", contains("INCIDENT_RESPONDERS", "INCIDENT_OWNER"))
                        .extract()
                        .path("id"))
                .longValue();
        long id = given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(callOut(partner, 43, owner, List.of()))
                .when()
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .body("policyId", equalTo((int) policy))
                .body("timeline.detail", hasItem("the incident names no responders"))
                .extract()
                .jsonPath()
                .getLong("id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> pages(owner, id) == 1);
    }

    @Test
    void aDrLeadRaisesOnlyCallOutsAndEachNamedPersonNeedsAnId() {
        String partner = Fixtures.partner(stubs);
        Map<String, Object> plain = new HashMap<>(callOut(partner, 44, null, List.of()));
        plain.remove("callOut");
        given().auth()
                .oauth2(Tokens.drLead(partner))
                .contentType(ContentType.JSON)
                .body(plain)
                .when()
                .post("/api/incidents")
                .then()
                .spec(problem(403));
        Map<String, Object> bad = callOut(partner, 45, null, List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) bad.get("callOut");
        c.put("responders", List.of(Map.of("name", "Nobody In Particular")));
        given().auth()
                .oauth2(Tokens.drLead(partner))
                .contentType(ContentType.JSON)
                .body(bad)
                .when()
                .post("/api/incidents")
                .then()
                .spec(invalidField("callOut.responders[0].personId"));
        // Another partner's DR lead may not call out this one's people.
        given().auth()
                .oauth2(Tokens.drLead("ZZOTHER"))
                .contentType(ContentType.JSON)
                .body(callOut(partner, 46, null, List.of()))
                .when()
                .post("/api/incidents")
                .then()
                .spec(problem(403));
    }
}
