package org.sharedict.skills.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;

/**
 * Test data made through the API itself. Every test makes its own partners and skills with
 * unique codes, so tests sharing the database never see each other's data.
 */
public final class Fixtures {

    private Fixtures() {}

    public static String unique(String prefix) {
        return prefix
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    public static String partner() {
        String code = unique("P");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Partner " + code, "type", "DISTRICT_COUNCIL"))
                .when()
                .post("/api/partners")
                .then()
                .statusCode(201);
        return code;
    }

    public static String category() {
        String code = unique("CAT_");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Category " + code))
                .when()
                .post("/api/skills/categories")
                .then()
                .statusCode(201);
        return code;
    }

    /** A skill with a unique code and name; {@code aliases} should be unique too (use {@link #unique}). */
    public static String skill(String category, String name, String... aliases) {
        String code = unique("S_");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name, "category", category, "aliases", List.of(aliases)))
                .when()
                .post("/api/skills")
                .then()
                .statusCode(201);
        return code;
    }

    public static Map<String, Object> personBody(String partner, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("partner", partner);
        body.put("name", name);
        body.put("jobTitle", "Infrastructure Engineer");
        body.put("team", "Infrastructure");
        body.put("email", unique("p").toLowerCase() + "@test.example.gov.uk");
        body.put("workPhone", "01632 960123");
        body.put("mobile", "07700 900123");
        body.put("site", "Municipal Buildings");
        body.put("helpOtherPartners", true);
        body.put("helpHoursPerMonth", 8);
        body.put("outOfHours", true);
        return body;
    }

    public static long person(String partner, String name) {
        return person(personBody(partner, name));
    }

    public static long person(Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/people")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    public static void holds(long person, String skill, int level, boolean verified) {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("skill", skill, "level", level, "verified", verified))
                .when()
                .post("/api/people/" + person + "/skills")
                .then()
                .statusCode(201);
    }

    public static long certification(long person, String skill, String name, String expires) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("issuer", "Test Issuer");
        body.put("skill", skill);
        body.put("expires", expires);
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/people/" + person + "/certifications")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /**
     * Time passes for a person's skills: through the CSV import, as a spreadsheet of older records
     * sets it, {@code skill} at {@code level} was last confirmed on {@code day}. The import dates
     * the person's profile that day too; {@link #profileConfirmedOn} sets it apart.
     */
    public static void skillConfirmedOn(Map<String, Object> person, String skill, int level, LocalDate day) {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv")
                .body("partner,name,email,last_confirmed,skills\n" + person.get("partner") + "," + person.get("name")
                        + "," + person.get("email") + "," + day + "," + skill + ":" + level + "\n")
                .when()
                .post("/api/people/import")
                .then()
                .statusCode(200);
    }

    /** The person's profile (not their skills) as last confirmed on {@code day}, through an edit. */
    public static void profileConfirmedOn(long id, Map<String, Object> person, LocalDate day) {
        int version = given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/people/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("version");
        Map<String, Object> edit = new HashMap<>(person);
        edit.put("lastConfirmed", day.toString());
        edit.put("version", version);
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(edit)
                .when()
                .put("/api/people/" + id)
                .then()
                .statusCode(200);
    }
}
