package org.sharedict.skills.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.sharedict.platform.audit.AuditEntry;
import org.sharedict.testing.ConcurrentEdits;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

@QuarkusTest
class PartnerResourceTest {

    private static String newCode() {
        return "T"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    private static Map<String, Object> partner(String code) {
        return Map.of(
                "code",
                code,
                "name",
                "Test District Council",
                "type",
                "DISTRICT_COUNCIL",
                "serviceDeskPhone",
                "01205 314 200",
                "email",
                "ict@example.gov.uk");
    }

    private String create(String code) {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(partner(code))
                .when()
                .post("/api/partners")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .header("Location", notNullValue());
        return code;
    }

    @Test
    void adminCreatesPartnerAndEveryoneCanReadIt() {
        String code = create(newCode());
        given().auth()
                .oauth2(Tokens.viewer("XYZ"))
                .when()
                .get("/api/partners/" + code.toLowerCase())
                .then()
                .statusCode(200)
                .body("name", equalTo("Test District Council"))
                .body("version", equalTo(0));
    }

    @Test
    void everyApiPathNeedsAToken() {
        given().when().get("/api/partners").then().spec(problem(401)).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void tokensSignedWithAnotherKeyOrExpiredAreRefused() {
        given().auth()
                .oauth2(Tokens.as("mallory")
                        .roles("admin")
                        .signedWithUnknownKey()
                        .token())
                .when()
                .get("/api/partners")
                .then()
                .spec(problem(401));
        given().auth()
                .oauth2(Tokens.as("late")
                        .roles("admin")
                        .issuedAt(Instant.now().minus(Duration.ofHours(2)))
                        .expiresIn(Duration.ofMinutes(5))
                        .token())
                .when()
                .get("/api/partners")
                .then()
                .spec(problem(401));
    }

    @Test
    void aTokenRememberedAsVerifiedIsStillRefusedOnceItExpires() {
        // Services remember a verified token (RememberedTokens); its expiry must still hold.
        String token = Tokens.as("brief")
                .roles("admin")
                .issuedAt(Instant.now().minusSeconds(60))
                .expiresIn(Duration.ofSeconds(63))
                .token();
        double verifiedBefore = tokens("verified");
        double rememberedBefore = tokens("remembered");
        given().auth().oauth2(token).when().get("/api/partners").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/partners").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/partners").then().statusCode(200);
        assertEquals(1, tokens("verified") - verifiedBefore, "the signature is checked once");
        assertEquals(2, tokens("remembered") - rememberedBefore);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() ->
                        given().auth().oauth2(token).when().get("/api/partners").statusCode() == 401);
        given().auth().oauth2(token).when().get("/api/partners").then().spec(problem(401));
    }

    private static double tokens(String check) {
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(l -> l.startsWith("sharedict_tokens_total{") && l.contains("check=\"" + check + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void managersCannotCreatePartners() {
        given().auth()
                .oauth2(Tokens.manager("BOS"))
                .contentType(ContentType.JSON)
                .body(partner(newCode()))
                .when()
                .post("/api/partners")
                .then()
                .spec(problem(403));
    }

    @Test
    void invalidPartnerIsRefusedNamingTheFields() {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", "x", "name", "", "type", "DISTRICT_COUNCIL", "email", "not-an-email"))
                .when()
                .post("/api/partners")
                .then()
                .spec(invalidField("code"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("email"));
    }

    @Test
    void unknownEnumAndMalformedJsonAreBadRequests() {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"code\":\"ABC\",\"name\":\"A\",\"type\":\"PARISH\"}")
                .when()
                .post("/api/partners")
                .then()
                .spec(invalidField("type"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"code\":")
                .when()
                .post("/api/partners")
                .then()
                .spec(problem(400));
    }

    @Test
    void duplicateCodeIsAConflict() {
        String code = create(newCode());
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(partner(code))
                .when()
                .post("/api/partners")
                .then()
                .spec(problem(409))
                .body("errors[0].field", equalTo("code"));
    }

    @Test
    void staleEditIsRejectedAndNothingChanges() {
        String code = create(newCode());
        Map<String, Object> update = Map.of("name", "Renamed", "type", "DISTRICT_COUNCIL");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(update)
                .when()
                .put("/api/partners/" + code)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("name", "Lost update", "type", "DISTRICT_COUNCIL"))
                .when()
                .put("/api/partners/" + code)
                .then()
                .spec(problem(412))
                .body("currentVersion", equalTo(1));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "No version", "type", "DISTRICT_COUNCIL"))
                .when()
                .put("/api/partners/" + code)
                .then()
                .spec(problem(428));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/partners/" + code)
                .then()
                .body("name", equalTo("Renamed"));
    }

    /** The edit matches what is stored, so nothing would be flushed; the version must be checked all the same. */
    @Test
    void aStaleEditThatChangesNothingRacingAnotherEditIsRefused() {
        String code = create(newCode());
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(partner(code))
                .when()
                .put("/api/partners/" + code)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"");
        ConcurrentEdits.whileAnotherEditIsUncommitted(
                        "partner",
                        "UPDATE partner SET name = 'Renamed meanwhile', version = version + 1 WHERE code = '" + code
                                + "'",
                        () -> given().auth()
                                .oauth2(Tokens.admin())
                                .contentType(ContentType.JSON)
                                .header("If-Match", "\"0\"")
                                .body(partner(code))
                                .when()
                                .put("/api/partners/" + code)
                                .then())
                .spec(problem(412))
                .body("currentVersion", equalTo(1));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/partners/" + code)
                .then()
                .body("name", equalTo("Renamed meanwhile"));
    }

    @Test
    void managerEditsOnlyTheirOwnPartner() {
        String code = create(newCode());
        Map<String, Object> update = Map.of("name", "Mine now", "type", "DISTRICT_COUNCIL", "version", 0);
        given().auth()
                .oauth2(Tokens.manager("OTHER"))
                .contentType(ContentType.JSON)
                .body(update)
                .when()
                .put("/api/partners/" + code)
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.manager(code))
                .contentType(ContentType.JSON)
                .body(update)
                .when()
                .put("/api/partners/" + code)
                .then()
                .statusCode(200)
                .body("name", equalTo("Mine now"));
    }

    @Test
    void writesAreAudited() {
        String code = create(newCode());
        AuditEntry entry = QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.<AuditEntry>find("entityType = ?1 and entityId = ?2", "partner", code)
                        .firstResult());
        assertEquals("CREATE", entry.action);
        assertEquals("admin", entry.actor);
    }

    @Test
    void unknownSortAndBadPageAreBadRequests() {
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/partners?sort=salary")
                .then()
                .spec(invalidField("sort"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/partners?size=0")
                .then()
                .spec(invalidField("size"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/partners?page=abc")
                .then()
                .spec(problem(400));
    }

    @Test
    void missingPartnerIs404Problem() {
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/partners/NOPE")
                .then()
                .spec(problem(404));
    }
}
