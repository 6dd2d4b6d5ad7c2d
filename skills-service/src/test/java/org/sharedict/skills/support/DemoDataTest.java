package org.sharedict.skills.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo data ./run.sh loads (local-run/src/main/resources/demo) goes in through this
 * service's API as it is, and shows what the demo is meant to show.
 */
@QuarkusTest
class DemoDataTest {

    private static final Path DEMO = Path.of("..", "local-run", "src", "main", "resources", "demo");

    @Test
    void demoPartnersTaxonomyAndStaffLoadThroughTheApiAndShowRisksStalenessAndExpiry() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (JsonNode p : json.readTree(DEMO.resolve("partners.json").toFile())) {
            given().auth()
                    .oauth2(Tokens.admin())
                    .contentType(ContentType.JSON)
                    .body(p.toString())
                    .when()
                    .post("/api/partners")
                    .then()
                    .statusCode(201);
        }
        JsonNode taxonomy = json.readTree(DEMO.resolve("skills-taxonomy.json").toFile());
        for (JsonNode c : taxonomy.path("categories")) {
            given().auth()
                    .oauth2(Tokens.admin())
                    .contentType(ContentType.JSON)
                    .body(c.toString())
                    .when()
                    .post("/api/skills/categories")
                    .then()
                    .statusCode(201);
        }
        for (JsonNode s : taxonomy.path("skills")) {
            given().auth()
                    .oauth2(Tokens.admin())
                    .contentType(ContentType.JSON)
                    .body(s.toString())
                    .when()
                    .post("/api/skills")
                    .then()
                    .statusCode(201);
        }
        assertTrue(taxonomy.path("skills").size() >= 60, "a realistic taxonomy has 60 to 100 skills");

        String csv = withDates(Files.readString(DEMO.resolve("people.csv")), TestClock.today());
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv")
                .body(csv)
                .when()
                .post("/api/people/import")
                .then()
                .statusCode(200)
                .body("created", greaterThan(55));

        // One ICT manager per partner, found the way rota-service looks for escalation targets.
        for (JsonNode p : json.readTree(DEMO.resolve("partners.json").toFile())) {
            given().auth()
                    .oauth2(Tokens.viewer("X"))
                    .when()
                    .get("/api/people?partner=" + p.path("code").asText() + "&manager=true")
                    .then()
                    .body("totalItems", equalTo(1));
        }
        // Real-world aliases: "MS SQL" is SQL Server; "xenapp" is Citrix.
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/experts?skill=MS SQL&excludePartner=BBC")
                .then()
                .body("skills[0].skill", equalTo("MSSQL"))
                .body("totalItems", greaterThan(2));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/experts?skill=xenapp&minLevel=4")
                .then()
                .body("items.person.name", hasItem("Natalie Stamford"));
        JsonPath risk = given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/reports/skills/key-person-risk")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> single = risk.getList("partnership.skill");
        assertTrue(single.containsAll(List.of("IBM_I", "SYSTMONE", "STORM")), single.toString());
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/reports/skills/stale")
                .then()
                .body("totalItems", greaterThan(3));
        // Expiring and expired certifications both exist.
        long person = given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/people?email=lauren.tebbutt@lincolnshire.example.gov.uk")
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/people/" + person + "/certifications")
                .then()
                .body("valid", hasItem(false));
        // People on leave show as unavailable.
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/people?email=chloe.steep@lincoln.example.gov.uk")
                .then()
                .body("items[0].available", equalTo(false));
        // Their "away until" is a leave period, the one record rota-service's rotas follow too.
        long away = given().auth()
                .oauth2(Tokens.viewer("X"))
                .when()
                .get("/api/people?email=robert.kettering@e-lindsey.example.gov.uk")
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        given().auth()
                .oauth2(Tokens.viewer("X"))
                .queryParam("person", away)
                .when()
                .get("/api/people/leave")
                .then()
                .statusCode(200)
                .body("reason", org.hamcrest.Matchers.contains("Training course"));
    }

    private static String withDates(String csv, LocalDate today) {
        Matcher m = Pattern.compile("today([+-]\\d+)").matcher(csv);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, today.plusDays(Long.parseLong(m.group(1))).toString());
        }
        m.appendTail(out);
        return out.toString();
    }
}
