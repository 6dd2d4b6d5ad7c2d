package org.sharedict.dr.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;

/** Builds templates and plans through the API, as a DR lead or admin would. */
public final class Fixtures {

    private Fixtures() {}

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> step(String key, String title, int minutes, String skill, String ownerRole) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("key", key);
        s.put("title", title);
        s.put("instructions", "Follow the runbook for " + title.toLowerCase() + ".");
        s.put("durationMinutes", minutes);
        s.put("skill", skill);
        s.put("ownerRole", ownerRole);
        return s;
    }

    public static Map<String, Object> activity(
            String key,
            String name,
            String category,
            int tier,
            int rto,
            List<String> dependsOn,
            List<Map<String, Object>> steps) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("key", key);
        a.put("name", name);
        a.put("category", category);
        a.put("tier", tier);
        a.put("rtoMinutes", rto);
        a.put("rpoMinutes", 60);
        a.put("dependsOn", dependsOn);
        a.put("steps", steps);
        return a;
    }

    /**
     * Power → network → directory → email and payroll. Payroll needs 30+45+60+240 = 375 minutes
     * against an RTO of 240, so it misses.
     */
    public static List<Map<String, Object>> councilActivities() {
        List<Map<String, Object>> as = new ArrayList<>();
        as.add(activity(
                "power",
                "Data centre power",
                "FACILITY",
                1,
                60,
                List.of(),
                List.of(step("generator", "Start the generator", 30, "DATA_CENTRE", "Facilities manager"))));
        as.add(activity(
                "network",
                "Core network",
                "NETWORK",
                1,
                120,
                List.of("power"),
                List.of(step("core-switch", "Bring up the core switches", 45, "NETWORKING", "Network engineer"))));
        as.add(activity(
                "directory",
                "Active Directory",
                "PLATFORM",
                1,
                240,
                List.of("network"),
                List.of(step(
                        "dc", "Start the domain controllers", 60, "ACTIVE_DIRECTORY", "Infrastructure engineer"))));
        as.add(activity(
                "email",
                "Email",
                "SYSTEM",
                2,
                480,
                List.of("directory"),
                List.of(step("exchange", "Mount the mailbox databases", 120, "EXCHANGE", "Infrastructure engineer"))));
        Map<String, Object> payroll = activity(
                "payroll",
                "Payroll",
                "BUSINESS_SERVICE",
                2,
                240,
                List.of("directory"),
                List.of(
                        step("restore-db", "Restore the payroll database", 180, "SQL_SERVER", null),
                        step("check", "Check the last pay run", 60, "PAYROLL", "Payroll lead")));
        payroll.put("mtpdMinutes", 1440);
        as.add(payroll);
        return as;
    }

    /** Creates a template with one published version of {@code activities}; returns its id. */
    public static long publishedTemplate(List<Map<String, Object>> activities) {
        long id = ((Number) given().auth()
                        .oauth2(Tokens.admin())
                        .contentType(ContentType.JSON)
                        .body(Map.of("code", unique("T"), "name", "Generic council DR plan"))
                        .when()
                        .post("/api/dr/templates")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        int number = given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("notes", "first", "content", Map.of("activities", activities)))
                .when()
                .post("/api/dr/templates/" + id + "/versions")
                .then()
                .statusCode(201)
                .extract()
                .path("number");
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/dr/templates/" + id + "/versions/" + number + "/publish")
                .then()
                .statusCode(200);
        return id;
    }

    /** Publishes the next version of a template with {@code activities}; returns its number. */
    public static int publishNextVersion(long templateId, List<Map<String, Object>> activities) {
        int number = given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("content", Map.of("activities", activities)))
                .when()
                .post("/api/dr/templates/" + templateId + "/versions")
                .then()
                .statusCode(201)
                .extract()
                .path("number");
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/dr/templates/" + templateId + "/versions/" + number + "/publish")
                .then()
                .statusCode(200);
        return number;
    }

    public static long plan(String partner, long templateId) {
        return plan(partner, templateId, Tokens.drLead(partner));
    }

    public static long plan(String partner, long templateId, String token) {
        Map<String, Object> body = new HashMap<>();
        body.put("partner", partner);
        body.put("name", partner + " ICT recovery plan");
        body.put("templateId", templateId);
        body.put("ownerName", "Dana Lead");
        body.put("ownerEmail", "dr.lead@" + partner.toLowerCase() + ".example.gov.uk");
        body.put(
                "specifics",
                Map.of(
                        "owners",
                        List.of(
                                Map.of("role", "Network engineer", "name", "Nia Network", "personId", 11),
                                Map.of("role", "Infrastructure engineer", "name", "Ian Infra", "personId", 12),
                                Map.of("role", "Facilities manager", "name", "Fay Facilities"))));
        return ((Number) given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .when()
                        .post("/api/dr/plans")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    public static int version(long planId) {
        return given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/dr/plans/" + planId)
                .then()
                .statusCode(200)
                .extract()
                .path("version");
    }

    /** Submits as the partner's DR lead (the author) and approves as another DR lead of the partner. */
    public static void approve(String partner, long planId) {
        given().auth()
                .oauth2(Tokens.drLead(partner))
                .when()
                .post("/api/dr/plans/" + planId + "/submit")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.as("second-lead-" + partner)
                        .partner(partner)
                        .roles("dr-lead")
                        .token())
                .contentType(ContentType.JSON)
                .body(Map.of("note", "checked at the DR board"))
                .when()
                .post("/api/dr/plans/" + planId + "/approve")
                .then()
                .statusCode(200);
    }
}
