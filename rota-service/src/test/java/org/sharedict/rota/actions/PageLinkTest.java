package org.sharedict.rota.actions;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import org.sharedict.rota.notify.PageActions;
import org.sharedict.rota.testing.Fixtures;
import org.sharedict.rota.testing.Fixtures.Person;
import org.sharedict.rota.testing.InjectStubs;
import org.sharedict.rota.testing.TestClock;
import org.sharedict.testing.InjectMailServer;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sharedict.rota.testing.Fixtures.mailsTo;
import static org.sharedict.rota.testing.Fixtures.person;
import static org.sharedict.rota.testing.Fixtures.unique;
import static org.sharedict.testing.Problems.problem;

/** Acting on an incident from the signed links in a page, without signing in. */
@QuarkusTest
class PageLinkTest {

    private static final Pattern LINK = Pattern.compile("(Acknowledge|Escalate now|Resolve): (\\S+)");

    @InjectStubs
    WireMockServer stubs;

    @InjectMailServer
    GreenMail mail;

    @Inject
    TestClock clock;

    @Inject
    PageActions links;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private record Paged(String partner, Person first, Person second, long incidentId) {}

    /** An incident whose step 1 pages {@code first} and whose step 2, ten minutes later, pages {@code second}. */
    private Paged paged(String summary) {
        String partner = Fixtures.partner(stubs);
        Person first = person(stubs, partner, "Pat O'Brien");
        Person second = person(stubs, partner, "Sid Second");
        Map<String, Object> policy = Map.of(
                "name",
                unique("Links"),
                "partner",
                partner,
                "repeatCount",
                0,
                "steps",
                List.of(
                        Map.of("delay", "PT10M", "targets", List.of(Map.of("kind", "PERSON", "personId", first.id()))),
                        Map.of(
                                "delay",
                                "PT10M",
                                "targets",
                                List.of(Map.of("kind", "PERSON", "personId", second.id())))));
        long policyId = given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(policy)
                .post("/api/escalation-policies")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Map<String, Object> incident = new HashMap<>();
        incident.put("partner", partner);
        incident.put("summary", summary);
        incident.put("severity", "HIGH");
        incident.put("policyId", policyId);
        long id = given().auth()
                .oauth2(Tokens.manager(partner))
                .contentType(ContentType.JSON)
                .body(incident)
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        return new Paged(partner, first, second, id);
    }

    /** The path of one action's link, as the page's own e-mail carries it. */
    private String linkInMail(Paged p, String label) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> mailsTo(mail, p.first().email(), "incident #" + p.incidentId() + ":")
                                .size()
                        == 1);
        MimeMessage m = mailsTo(mail, p.first().email(), "incident #" + p.incidentId() + ":")
                .get(0);
        Matcher links =
                LINK.matcher(GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "="));
        while (links.find()) {
            if (links.group(1).equals(label)) {
                return path(links.group(2));
            }
        }
        throw new AssertionError("no " + label + " link in the page: " + GreenMailUtil.getBody(m));
    }

    private String link(long incidentId, long personId, String action) {
        return links.forPage(incidentId, personId).stream()
                .filter(a -> a.action().equals(action))
                .map(a -> path(a.url().toString()))
                .findFirst()
                .orElseThrow();
    }

    private static String path(String url) {
        return url.substring(url.indexOf("/api/"));
    }

    private static JsonPath incident(long id) {
        return given().auth()
                .oauth2(Tokens.admin())
                .get("/api/incidents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** What a phone's browser sends: it asks for HTML. */
    private static io.restassured.specification.RequestSpecification browser() {
        return given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    private static Document html(Response r) throws Exception {
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(r.asString())));
    }

    private static String text(Document d, String xpath) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.STRING);
    }

    @Test
    void theLinkInThePageShowsAConfirmationAndAGetNeverActs() throws Exception {
        Paged p = paged("Core <switch> down");
        String ack = linkInMail(p, "Acknowledge");
        for (int i = 0; i < 2; i++) {
            Response r = browser().get(ack).then().statusCode(200).extract().response();
            Document d = html(r);
            assertEquals("Acknowledge incident " + p.incidentId(), text(d, "normalize-space(//h1)"));
            assertEquals("Core <switch> down", text(d, "//dt[.='Summary']/following-sibling::dd"));
            assertEquals(p.partner(), text(d, "//dt[.='Partner']/following-sibling::dd"));
            assertEquals("HIGH", text(d, "//dt[.='Severity']/following-sibling::dd"));
            assertEquals("triggered", text(d, "//dt[.='State']/following-sibling::dd"));
            assertTrue(
                    text(d, "//dt[.='Raised']/following-sibling::dd")
                            .matches("\\w+day \\d{1,2} \\w+ \\d{4}, \\d\\d:\\d\\d"),
                    text(d, "//dt[.='Raised']/following-sibling::dd"));
            assertEquals("post", text(d, "//form/@method"));
            assertEquals(ack, text(d, "//form/@action"));
            assertEquals("Acknowledge incident " + p.incidentId(), text(d, "normalize-space(//form/button)"));
            assertTrue(r.header("Content-Security-Policy").contains("form-action 'self'"));
            assertEquals("no-store", r.header("Cache-Control"));
        }
        assertEquals("TRIGGERED", incident(p.incidentId()).getString("status"));
    }

    @Test
    void thePostActsOnceAsThePersonTheLinkWasMadeFor() throws Exception {
        Paged p = paged("Payroll unreachable");
        String ack = linkInMail(p, "Acknowledge");
        Document done =
                html(browser().post(ack).then().statusCode(200).extract().response());
        assertEquals("Incident " + p.incidentId() + " acknowledged", text(done, "normalize-space(//h1)"));
        assertTrue(text(done, "//main").contains("Acknowledged by Pat O'Brien"));

        JsonPath i = incident(p.incidentId());
        assertEquals("ACKNOWLEDGED", i.getString("status"));
        assertEquals("Pat O'Brien", i.getString("acknowledgedBy"));
        List<Map<String, Object>> acks = i.getList("timeline.findAll { it.kind == 'ACKNOWLEDGED' }");
        assertEquals(1, acks.size());
        assertEquals("Pat O'Brien", acks.get(0).get("actor"));
        assertTrue(((String) acks.get(0).get("detail")).contains("acknowledged by Pat O'Brien from a page link"));

        // Replayed: refused, and the page says why.
        Document again =
                html(browser().post(ack).then().statusCode(409).extract().response());
        assertEquals("This link has already been used", text(again, "normalize-space(//h1)"));
        browser().get(ack).then().statusCode(409).body(containsString("already been used"));
    }

    @Test
    void anExpiredLinkIsRefusedWithGone() throws Exception {
        Paged p = paged("Expired link");
        clock.set(Instant.now().minus(Duration.ofHours(25)));
        String ack = link(p.incidentId(), p.first().id(), "acknowledge");
        clock.reset();
        Document d = html(browser().get(ack).then().statusCode(410).extract().response());
        assertEquals("This link has expired", text(d, "normalize-space(//h1)"));
        browser().post(ack).then().statusCode(410);
        assertEquals("TRIGGERED", incident(p.incidentId()).getString("status"));
    }

    @Test
    void aTamperedLinkIsNotOneThisServiceMade() throws Exception {
        Paged p = paged("Tampered link");
        String ack = link(p.incidentId(), p.first().id(), "acknowledge");
        String token = ack.substring(ack.lastIndexOf('/') + 1);
        int dot = token.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        String toResolve = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                payload.replace("acknowledge", "resolve").getBytes(StandardCharsets.UTF_8))
                + token.substring(dot);
        for (String bad : List.of(toResolve, token.substring(0, token.length() - 2) + "xx", "nonsense", "a.b")) {
            String path = "/api/incidents/actions/" + bad;
            Document d =
                    html(browser().get(path).then().statusCode(404).extract().response());
            assertEquals("This link is not valid", text(d, "normalize-space(//h1)"));
            browser().post(path).then().statusCode(404);
        }
        assertEquals("TRIGGERED", incident(p.incidentId()).getString("status"));
    }

    @Test
    void aLinkForSomeoneTheIncidentNeverPagedOrAnotherIncidentIsRefused() throws Exception {
        Paged p = paged("Wrong person");
        Paged other = paged("Another incident");
        // The second step's person has not been paged yet; the first person of the other incident never was by this
        // one.
        for (String path : List.of(
                link(p.incidentId(), p.second().id(), "acknowledge"),
                link(p.incidentId(), other.first().id(), "resolve"))) {
            Document d =
                    html(browser().get(path).then().statusCode(403).extract().response());
            assertEquals("This link is not for this incident", text(d, "normalize-space(//h1)"));
            browser().post(path).then().statusCode(403);
        }
        browser().get(link(999_999_999L, p.first().id(), "acknowledge")).then().statusCode(404);
        assertEquals("TRIGGERED", incident(p.incidentId()).getString("status"));
    }

    @Test
    void aResolvedIncidentCannotBeAcknowledgedFromAnOldLink() throws Exception {
        Paged p = paged("Already resolved");
        String ack = link(p.incidentId(), p.first().id(), "acknowledge");
        String resolve = link(p.incidentId(), p.first().id(), "resolve");
        browser().post(resolve).then().statusCode(200).body(containsString("Resolved by Pat O&#39;Brien"));
        Document d = html(browser().get(ack).then().statusCode(409).extract().response());
        assertEquals("Incident " + p.incidentId() + " is already resolved", text(d, "normalize-space(//h1)"));
        browser().post(ack).then().statusCode(409);
        assertEquals("Pat O'Brien", incident(p.incidentId()).getString("resolvedBy"));
    }

    @Test
    void escalatingFromALinkPagesTheNextStepNow() {
        Paged p = paged("Escalate me");
        String escalate = link(p.incidentId(), p.first().id(), "escalate");
        browser().post(escalate).then().statusCode(200).body(containsString("Escalated by Pat O&#39;Brien"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> mailsTo(mail, p.second().email(), "incident #" + p.incidentId() + ":")
                                .size()
                        == 1);
        JsonPath i = incident(p.incidentId());
        assertEquals(2, i.getInt("step"));
        assertEquals("TRIGGERED", i.getString("status"));
        List<String> kinds = i.getList("timeline.kind");
        assertTrue(kinds.contains("ESCALATED"), kinds.toString());
        // The second step's person was paged, so their own link works; the policy has no third step.
        browser()
                .post(link(p.incidentId(), p.second().id(), "escalate"))
                .then()
                .statusCode(409)
                .body(containsString("no further step"));
        browser()
                .post(link(p.incidentId(), p.second().id(), "acknowledge"))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/incidents/" + p.incidentId())
                .then()
                .body("acknowledgedBy", equalTo("Sid Second"));
    }

    @Test
    void aProgramFollowingALinkGetsProblemsNotPages() {
        Paged p = paged("Scripted");
        String ack = link(p.incidentId(), p.first().id(), "acknowledge");
        given().get("/api/incidents/actions/nonsense").then().spec(problem(404));
        given().post(ack).then().statusCode(200).contentType(containsString("text/html"));
        given().post(ack).then().spec(problem(409)).body("detail", containsString("works once"));
    }

    @Test
    void theConfirmationPageNeedsNoSignInButTheIncidentApiStillDoes() {
        Paged p = paged("Still private");
        browser().get("/api/incidents/" + p.incidentId()).then().statusCode(401);
        browser().get(link(p.incidentId(), p.first().id(), "resolve")).then().statusCode(200);
    }
}
