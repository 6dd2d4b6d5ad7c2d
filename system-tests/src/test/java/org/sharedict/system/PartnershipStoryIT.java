package org.sharedict.system;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One day in the partnership, through the gateway only, with all four services running as they
 * do in production: Boston's ICT manager signs in, finds a Citrix expert at another council,
 * Boston's monitoring raises an incident with its API key and the on-call engineer is paged by
 * e-mail and acknowledges, and the DR lead checks the plan's recovery order.
 */
@ExtendWith(PlatformExtension.class)
class PartnershipStoryIT {

    static final String PASSWORD = "story-password-2026";
    static Platform platform;
    static long tom;
    static long planId;

    @BeforeAll
    static void seedThroughTheGateway(Platform p) {
        platform = p;
        RestAssured.baseURI = p.gateway().toString();
        String admin = login("admin", p.adminPassword()).getString("accessToken");

        as(admin)
                .body(Map.of("code", "BBC", "name", "Boston Borough Council", "type", "BOROUGH_COUNCIL"))
                .post("/api/partners")
                .then()
                .statusCode(201);
        as(admin)
                .body(Map.of("code", "LCC", "name", "Lincolnshire County Council", "type", "COUNTY_COUNCIL"))
                .post("/api/partners")
                .then()
                .statusCode(201);
        as(admin)
                .body(Map.of("code", "END_USER", "name", "End-user computing", "description", "Virtual desktops"))
                .post("/api/skills/categories")
                .then()
                .statusCode(201);
        as(admin)
                .body(Map.of(
                        "code",
                        "CITRIX",
                        "name",
                        "Citrix Virtual Apps and Desktops",
                        "category",
                        "END_USER",
                        "aliases",
                        List.of("XenApp", "XenDesktop")))
                .post("/api/skills")
                .then()
                .statusCode(201);
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        String csv =
                "partner,name,email,job_title,team,work_phone,mobile,site,manager,help_other_partners,help_hours_per_month,"
                        + "out_of_hours,unavailable_until,unavailable_reason,last_confirmed,skills,certifications\n"
                        + "BBC,Harriet Dunmore,harriet.dunmore@boston.example.gov.uk,Head of ICT,ICT,01632 960020,07700 900100,"
                        + "Municipal Buildings,yes,yes,8,no,,," + today + ",,\n"
                        + "BBC,Tom Ashworth,tom.ashworth@boston.example.gov.uk,Infrastructure Engineer,Infrastructure,01632 960021,"
                        + "07700 900101,Municipal Buildings,no,yes,4,yes,,," + today + ",CITRIX:2,\n"
                        + "LCC,Daniel Okafor,daniel.okafor@lincolnshire.example.gov.uk,Citrix Engineer,End user computing,01632 960321,"
                        + "07700 900321,County Offices,no,yes,8,yes,,," + today + ",CITRIX:4:verified,\n";
        given().auth()
                .oauth2(admin)
                .contentType("text/csv")
                .body(csv)
                .post("/api/people/import")
                .then()
                .statusCode(200);
        long harriet = person(admin, "harriet.dunmore@boston.example.gov.uk");
        tom = person(admin, "tom.ashworth@boston.example.gov.uk");

        user(admin, "harriet.dunmore", "Harriet Dunmore", "BBC", List.of("manager"), harriet);
        user(admin, "tom.ashworth", "Tom Ashworth", "BBC", List.of("engineer"), tom);
        user(admin, "dr.lead.bbc", "Boston DR lead", "BBC", List.of("dr-lead"), null);

        // Boston's round-the-clock rota with Tom on the primary layer, and the policy that pages it.
        long rota = as(admin)
                .body(Map.of(
                        "name",
                        "Boston round the clock",
                        "partners",
                        List.of("BBC"),
                        "coverage",
                        "ALWAYS",
                        "rotationLength",
                        "P1W",
                        "handoffTime",
                        "09:00",
                        "startDate",
                        LocalDate.parse(today).minusDays(8).toString(),
                        "layers",
                        List.of(Map.of("layer", "PRIMARY", "members", List.of(tom)))))
                .post("/api/rotas")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long policy = as(admin)
                .body(Map.of(
                        "name",
                        "Boston escalation",
                        "partner",
                        "BBC",
                        "steps",
                        List.of(Map.of(
                                "delay",
                                "PT10M",
                                "targets",
                                List.of(Map.of("kind", "ROTA_LAYER", "rotaId", rota, "layer", "PRIMARY"))))))
                .post("/api/escalation-policies")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        as(admin)
                .body(Map.of("policyId", policy))
                .put("/api/escalation-policies/defaults/BBC")
                .then()
                .statusCode(200);

        // The partnership's DR template, and Boston's plan from it.
        long template = as(admin)
                .body(Map.of("code", "LINCS-E2E", "name", "Generic council DR plan"))
                .post("/api/dr/templates")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        as(admin)
                .body(Map.of(
                        "notes",
                        "first",
                        "content",
                        Map.of(
                                "activities",
                                List.of(
                                        activity(
                                                "email",
                                                "Email",
                                                "SYSTEM",
                                                2,
                                                480,
                                                List.of("directory"),
                                                "exchange",
                                                "Mount the mailbox databases",
                                                120),
                                        activity(
                                                "network",
                                                "Core network",
                                                "NETWORK",
                                                1,
                                                120,
                                                List.of("power"),
                                                "core",
                                                "Bring up the core switches",
                                                45),
                                        activity(
                                                "directory",
                                                "Active Directory",
                                                "PLATFORM",
                                                1,
                                                240,
                                                List.of("network"),
                                                "dc",
                                                "Start the domain controllers",
                                                60),
                                        activity(
                                                "power",
                                                "Data centre power",
                                                "FACILITY",
                                                1,
                                                60,
                                                List.of(),
                                                "generator",
                                                "Start the generator",
                                                30)))))
                .post("/api/dr/templates/" + template + "/versions")
                .then()
                .statusCode(201);
        as(admin)
                .post("/api/dr/templates/" + template + "/versions/1/publish")
                .then()
                .statusCode(200);
        String lead = login("dr.lead.bbc", PASSWORD).getString("accessToken");
        planId = as(lead).body(Map.of(
                        "partner",
                        "BBC",
                        "name",
                        "Boston ICT recovery plan",
                        "templateId",
                        template,
                        "ownerName",
                        "Boston DR lead",
                        "ownerEmail",
                        "dr.lead@boston.example.gov.uk"))
                .post("/api/dr/plans")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    void aManagerFindsAnExpertElsewhereMonitoringPagesTheOnCallEngineerAndTheDrLeadChecksTheRecoveryOrder()
            throws Exception {
        // Boston's ICT manager signs in: a token of the contract, with her partner and person.
        JsonPath signedIn = login("harriet.dunmore", PASSWORD);
        String manager = signedIn.getString("accessToken");
        assertEquals("BBC", signedIn.getString("user.partner"));

        // Who can fix Citrix tonight, at another council? (an alias, as people type it)
        String requestId = "e2e-" + UUID.randomUUID();
        JsonPath experts = given().auth()
                .oauth2(manager)
                .header("X-Request-Id", requestId)
                .queryParam("skill", "xenapp")
                .queryParam("excludePartner", "BBC")
                .when()
                .get("/api/experts")
                .then()
                .statusCode(200)
                .header("X-Request-Id", requestId)
                .body("items.person.partner", everyItem(not(equalTo("BBC"))))
                .extract()
                .jsonPath();
        assertEquals("Daniel Okafor", experts.getString("items[0].person.name"));
        assertEquals("LCC", experts.getString("items[0].person.partner"));
        // The request ID went from the gateway into skills-service's log.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> platform.log("skills-service").contains(requestId)
                        && platform.log("gateway").contains(requestId));

        // Who is on call for Boston now?
        given().auth()
                .oauth2(manager)
                .queryParam("partner", "BBC")
                .when()
                .get("/api/oncall")
                .then()
                .statusCode(200)
                .body("covered", equalTo(true))
                .body("primary.name", equalTo("Tom Ashworth"));

        // Boston's monitoring gets a key from its manager and raises an incident with it.
        String key = given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Boston network monitoring",
                        "partner",
                        "BBC",
                        "permissions",
                        List.of("incidents:write")))
                .when()
                .post("/api/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        String summary =
                "Core switch stack unreachable " + UUID.randomUUID().toString().substring(0, 6);
        long incident = given().header("X-Api-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("summary", summary, "severity", "HIGH", "dedupKey", "core-switch"))
                .when()
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .body("partner", equalTo("BBC"))
                .extract()
                .jsonPath()
                .getLong("id");
        given().header("X-Api-Key", key).when().get("/api/rotas").then().statusCode(403);

        // Tom is paged: the e-mail arrives at the SMTP server.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> pagedTom(summary));
        given().auth()
                .oauth2(manager)
                .when()
                .get("/api/incidents/" + incident)
                .then()
                .statusCode(200)
                .body("timeline.kind", hasItem("STEP_NOTIFIED"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(manager)
                        .when()
                        .get("/api/incidents/" + incident)
                        .then()
                        .body("timeline.kind", hasItem("NOTIFICATION_SENT")));

        // Tom signs in and acknowledges: the escalation stops.
        String engineer = login("tom.ashworth", PASSWORD).getString("accessToken");
        given().auth()
                .oauth2(engineer)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/incidents/" + incident + "/acknowledge")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));

        // The DR lead checks the plan's recovery order: what everything depends on comes first.
        String lead = login("dr.lead.bbc", PASSWORD).getString("accessToken");
        List<String> order = given().auth()
                .oauth2(lead)
                .when()
                .get("/api/dr/plans/" + planId + "/analysis")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("recoveryOrder.key", String.class);
        assertEquals(List.of("power", "network", "directory", "email"), order);
    }

    /** The accept link in the mutual-aid e-mail to {@code to} about the request, or null before it arrives. */
    private static String acceptLink(String to, long request) throws Exception {
        for (MimeMessage m : platform.mail().getReceivedMessages()) {
            boolean toThem = Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().contains(to));
            if (toThem && m.getSubject().startsWith("[Mutual aid #" + request + "]")) {
                java.util.regex.Matcher x = java.util.regex.Pattern.compile("(https?://\\S+/api/links/[A-Za-z0-9_.-]+)")
                        .matcher(m.getContent().toString());
                if (x.find()) {
                    return x.group(1);
                }
            }
        }
        return null;
    }

    private static boolean pagedTom(String summary) throws Exception {
        for (MimeMessage m : platform.mail().getReceivedMessages()) {
            boolean toTom = Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().contains("tom.ashworth@boston.example.gov.uk"));
            String text = m.getSubject() + " " + com.icegreen.greenmail.util.GreenMailUtil.getBody(m);
            if (toTom && text.contains(summary.substring(0, 20))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Boston asks Lincolnshire's Citrix engineer for help; the time given is priced on the statement
     * between them, and the out-of-hours cover Boston gave Lincolnshire comes from the real
     * rota-service (Tom also covers a Lincolnshire rota), folded in by skills-service with the
     * manager's own token and priced at the out-of-hours rate.
     */
    @Test
    void aManagerAsksForHelpTheEngineerAcceptsFromTheEmailAndTheStatementChargesRotaCover() {
        String manager = login("harriet.dunmore", PASSWORD).getString("accessToken");
        String admin = login("admin", platform.adminPassword()).getString("accessToken");
        long daniel = person(admin, "daniel.okafor@lincolnshire.example.gov.uk");
        long request = as(manager)
                .body(Map.of(
                        "helperPersonId",
                        daniel,
                        "skills",
                        List.of("CITRIX"),
                        "title",
                        "Citrix farm will not launch desktops",
                        "reason",
                        "Our Citrix engineer is on leave",
                        "expectedHours",
                        4,
                        "urgency",
                        "URGENT",
                        "outOfHours",
                        false,
                        "onSite",
                        false))
                .post("/api/aid/requests")
                .then()
                .statusCode(201)
                .body("helperPartner", equalTo("LCC"))
                .extract()
                .jsonPath()
                .getLong("id");
        String path = "/api/aid/requests/" + request;
        // Daniel was asked for by name and it is urgent: his copy of the e-mail carries a signed link
        // to accept it himself, which works through the gateway without signing in.
        String accept = await().atMost(Duration.ofSeconds(60))
                .until(() -> acceptLink("daniel.okafor@lincolnshire.example.gov.uk", request), l -> l != null);
        org.junit.jupiter.api.Assertions.assertTrue(accept.startsWith(platform.gateway() + "/api/links/"), accept);
        String link = accept.substring(platform.gateway().toString().length());
        given().accept("text/html")
                .get(link)
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Citrix farm will not launch desktops"));
        as(manager).get(path).then().body("status", equalTo("REQUESTED"));
        given().accept("text/html")
                .contentType(ContentType.URLENC)
                .post(link)
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("accepted by Daniel Okafor"));
        as(manager).get(path).then().body("status", equalTo("ACCEPTED"));
        // Access tokens live 30 seconds; the e-mail may have taken some of them.
        manager = login("harriet.dunmore", PASSWORD).getString("accessToken");
        admin = login("admin", platform.adminPassword()).getString("accessToken");
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        as(admin)
                .body(Map.of(
                        "name",
                        "Lincolnshire nights, covered from Boston",
                        "partners",
                        List.of("LCC"),
                        "coverage",
                        "OUT_OF_HOURS",
                        "rotationLength",
                        "P1W",
                        "handoffTime",
                        "09:00",
                        "startDate",
                        LocalDate.parse(today).minusDays(8).toString(),
                        "layers",
                        List.of(Map.of("layer", "PRIMARY", "members", List.of(tom)))))
                .post("/api/rotas")
                .then()
                .statusCode(201);
        long time = as(admin)
                .body(Map.of("workedOn", today, "hours", 2, "outOfHours", false))
                .post(path + "/time")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        as(manager).post(path + "/time/" + time + "/confirm").then().statusCode(200);
        String from = LocalDate.parse(today).minusDays(7).toString();
        JsonPath statement = as(manager)
                .get("/api/aid/statements/BBC/LCC?from=" + from + "&to=" + today)
                .then()
                .statusCode(200)
                .body("received.chargePence", equalTo(7000))
                .body("helpNetPence", equalTo(-7000))
                .body("cover.status", equalTo("KNOWN"))
                .body("cover.receivedHours", equalTo(0))
                .body("cover.lines[0].rota", equalTo("Lincolnshire nights, covered from Boston"))
                // A week of Lincolnshire's nights outweighs two hours of Citrix help: Lincolnshire pays.
                .body("payer", equalTo("LCC"))
                .extract()
                .jsonPath();
        org.junit.jupiter.api.Assertions.assertTrue(
                statement.getDouble("cover.givenHours") > 0, "Boston's people covered Lincolnshire's nights");
        org.junit.jupiter.api.Assertions.assertEquals(
                statement.getLong("netPence"), -7000 + statement.getLong("cover.netPence"), "help and cover netted");
    }

    static JsonPath login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .when()
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static long person(String token, String email) {
        return given().auth()
                .oauth2(token)
                .queryParam("email", email)
                .when()
                .get("/api/people")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("items[0].id");
    }

    static void user(String token, String username, String name, String partner, List<String> roles, Long personId) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", name);
        body.put("partner", partner);
        body.put("roles", roles);
        body.put("password", PASSWORD);
        if (personId != null) {
            body.put("personId", personId);
        }
        as(token).body(body).post("/api/users").then().statusCode(201);
    }

    static Map<String, Object> activity(
            String key,
            String name,
            String category,
            int tier,
            int rto,
            List<String> dependsOn,
            String step,
            String title,
            int minutes) {
        return Map.of(
                "key",
                key,
                "name",
                name,
                "category",
                category,
                "tier",
                tier,
                "rtoMinutes",
                rto,
                "rpoMinutes",
                60,
                "dependsOn",
                dependsOn,
                "steps",
                List.of(Map.of("key", step, "title", title, "durationMinutes", minutes)));
    }
}
