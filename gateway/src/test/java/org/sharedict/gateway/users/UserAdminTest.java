package org.sharedict.gateway.users;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.sharedict.gateway.testing.Accounts;
import org.sharedict.gateway.testing.Backends;
import org.sharedict.gateway.testing.InjectBackends;
import org.sharedict.gateway.testing.Jwts;
import org.sharedict.testing.ConcurrentEdits;
import org.sharedict.testing.Problems;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Users and roles: admins manage everyone, managers their own partner's users; input is checked field by field. */
@QuarkusTest
class UserAdminTest {

    @InjectBackends
    Backends.Servers backends;

    @BeforeEach
    void people() {
        stubPerson(21, "BBC");
        stubPerson(22, "LCC");
        backends.skills.stubFor(get(urlEqualTo("/api/people/404404"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404}")));
        backends.skills.stubFor(get(urlEqualTo("/api/people/503503"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(4_000).withBody("{}")));
    }

    @Test
    void anAdminCreatesReadsChangesAndDeletesAUser() {
        String name = Accounts.unique("nia");
        Map<String, Object> body = user(name, "BBC", List.of("engineer"));
        body.put("personId", 21);
        int id = given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/users")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/users/"))
                .header("ETag", "\"0\"")
                .body("username", equalTo(name))
                .body("partner", equalTo("BBC"))
                .body("personId", equalTo(21))
                .body("roles", equalTo(List.of("engineer")))
                .body("$", not(Matchers.hasKey("passwordHash")))
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("q", name)
                .when()
                .get("/api/users")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1));

        Map<String, Object> change = Map.of(
                "displayName",
                "Nia Network",
                "partner",
                "BBC",
                "roles",
                List.of("engineer", "dr-lead"),
                "enabled",
                true,
                "personId",
                21);
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(change)
                .when()
                .put("/api/users/" + id)
                .then()
                .spec(Problems.problem(428));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"7\"")
                .body(change)
                .when()
                .put("/api/users/" + id)
                .then()
                .spec(Problems.problem(412));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(change)
                .when()
                .put("/api/users/" + id)
                .then()
                .statusCode(200)
                .body("roles", equalTo(List.of("engineer", "dr-lead")))
                .body("displayName", equalTo("Nia Network"));

        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .delete("/api/users/" + id)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/users/" + id)
                .then()
                .spec(Problems.problem(404));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("entityType", "user")
                .queryParam("entityId", Integer.toString(id))
                .when()
                .get("/api/auth/audit")
                .then()
                .statusCode(200)
                .body("items.action", hasItem("CREATE"))
                .body("items.action", hasItem("UPDATE"))
                .body("items.action", hasItem("DELETE"));
    }

    /** An edit that matches what is stored, racing another edit: the version it names is checked against the other's. */
    @Test
    void aStaleEditThatChangesNothingRacingAnotherEditIsRefused() {
        String name = Accounts.unique("una");
        int id = create(Tokens.admin(), user(name, "BBC", List.of("engineer")))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> unchanged =
                Map.of("displayName", "Test " + name, "partner", "BBC", "roles", List.of("engineer"), "enabled", true);
        ConcurrentEdits.whileAnotherEditIsUncommitted(
                        "app_user",
                        "UPDATE app_user SET display_name = 'Renamed meanwhile', version = version + 1 WHERE id = "
                                + id,
                        () -> given().auth()
                                .oauth2(Tokens.admin())
                                .contentType(ContentType.JSON)
                                .header("If-Match", "\"0\"")
                                .body(unchanged)
                                .when()
                                .put("/api/users/" + id)
                                .then())
                .spec(Problems.problem(412))
                .body("currentVersion", equalTo(1));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/users/" + id)
                .then()
                .body("displayName", equalTo("Renamed meanwhile"));
    }

    @Test
    void badUserInputNamesTheFieldAndWritesNothing() {
        String name = Accounts.unique("bad");
        create(Tokens.admin(), user("x", "BBC", List.of("viewer"))).then().spec(Problems.invalidField("username"));
        create(Tokens.admin(), user(name, null, List.of("viewer"))).then().spec(Problems.invalidField("partner"));
        create(Tokens.admin(), user(name, "BBC", List.of("admin"))).then().spec(Problems.invalidField("partner"));
        create(Tokens.admin(), user(name, "BBC", List.of("superuser"))).then().spec(Problems.invalidField("roles"));
        create(Tokens.admin(), user(name, "BBC", List.of())).then().spec(Problems.invalidField("roles"));
        create(Tokens.admin(), user(name, "NOPE", List.of("viewer")))
                .then()
                .spec(Problems.invalidField("partner"))
                .body("errors[0].message", containsString("no partner"));
        Map<String, Object> weak = user(name, "BBC", List.of("viewer"));
        weak.put("password", "password");
        create(Tokens.admin(), weak).then().spec(Problems.invalidField("password"));
        Map<String, Object> email = user(name, "BBC", List.of("viewer"));
        email.put("email", "not-an-email");
        create(Tokens.admin(), email).then().spec(Problems.invalidField("email"));
        Map<String, Object> nobody = user(name, "BBC", List.of("viewer"));
        nobody.put("personId", 404404);
        create(Tokens.admin(), nobody).then().spec(Problems.invalidField("personId"));
        Map<String, Object> elsewhere = user(name, "BBC", List.of("viewer"));
        elsewhere.put("personId", 22);
        create(Tokens.admin(), elsewhere)
                .then()
                .spec(Problems.invalidField("personId"))
                .body("errors[0].message", containsString("belongs to LCC"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"username\": [")
                .when()
                .post("/api/users")
                .then()
                .spec(Problems.problem(400));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("q", name)
                .when()
                .get("/api/users")
                .then()
                .body("totalItems", equalTo(0));

        Accounts.create(name, "BBC", List.of("viewer"));
        create(Tokens.admin(), user(name.toUpperCase(), "BBC", List.of("viewer")))
                .then()
                .spec(Problems.problem(409))
                .body("errors[0].field", equalTo("username"));
    }

    @Test
    void whenSkillsServiceCannotSayWhoAPersonIsTheAnswerIs503AndNothingIsWritten() {
        String name = Accounts.unique("waiting");
        Map<String, Object> body = user(name, "BBC", List.of("viewer"));
        body.put("personId", 503503);
        create(Tokens.admin(), body)
                .then()
                .spec(Problems.problem(503))
                .body("type", equalTo("urn:sharedict:problem:dependency-unavailable"));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("q", name)
                .when()
                .get("/api/users")
                .then()
                .body("totalItems", equalTo(0));
    }

    @Test
    void aManagerManagesOnlyTheirOwnPartnersUsersAndCannotMakeAdmins() {
        String manager = Tokens.manager("BBC");
        String own = Accounts.unique("own");
        int id = create(manager, user(own, "BBC", List.of("engineer")))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        create(manager, user(Accounts.unique("other"), "LCC", List.of("engineer")))
                .then()
                .spec(Problems.problem(403));
        create(manager, user(Accounts.unique("boss"), null, List.of("admin")))
                .then()
                .spec(Problems.problem(403));

        given().auth()
                .oauth2(manager)
                .when()
                .get("/api/users")
                .then()
                .statusCode(200)
                .body("items.partner", everyItem(equalTo("BBC")));
        given().auth()
                .oauth2(manager)
                .queryParam("partner", "LCC")
                .when()
                .get("/api/users")
                .then()
                .spec(Problems.problem(403));
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("displayName", "Moved", "partner", "LCC", "roles", List.of("engineer"), "enabled", true))
                .when()
                .put("/api/users/" + id)
                .then()
                .spec(Problems.problem(403));
        long lcc = Accounts.create(Accounts.unique("lcc"), "LCC", List.of("viewer"));
        given().auth().oauth2(manager).when().get("/api/users/" + lcc).then().spec(Problems.problem(403));
        given().auth().oauth2(manager).when().delete("/api/users/" + lcc).then().spec(Problems.problem(403));
        int admin = given().auth()
                .oauth2(Tokens.admin())
                .queryParam("q", "admin")
                .queryParam("role", "admin")
                .when()
                .get("/api/users")
                .then()
                .extract()
                .path("items[0].id");
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/users/" + admin + "/password")
                .then()
                .spec(Problems.invalidField("password"));
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.JSON)
                .body(Map.of("password", "a-long-new-passphrase"))
                .when()
                .post("/api/users/" + admin + "/password")
                .then()
                .spec(Problems.problem(403));
    }

    @Test
    void onlyAdminsAndManagersReachUsers() {
        given().auth()
                .oauth2(Tokens.engineer("BBC"))
                .when()
                .get("/api/users")
                .then()
                .spec(Problems.problem(403));
        given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .contentType(ContentType.JSON)
                .body(user(Accounts.unique("v"), "BBC", List.of("viewer")))
                .when()
                .post("/api/users")
                .then()
                .spec(Problems.problem(403));
        given().when().get("/api/users").then().spec(Problems.problem(401));
    }

    @Test
    void changingAUsersRolesEndsTheirSessions() {
        String name = Accounts.unique("promoted");
        long id = Accounts.create(name, "BBC", List.of("viewer"));
        String token = Accounts.accessToken(name);
        given().auth().oauth2(token).when().get("/api/auth/me").then().statusCode(200);
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("displayName", "Promoted", "partner", "BBC", "roles", List.of("manager"), "enabled", true))
                .when()
                .put("/api/users/" + id)
                .then()
                .statusCode(200);
        given().auth().oauth2(token).when().get("/api/auth/me").then().spec(Problems.problem(401));
        Assertions.assertEquals(
                List.of("manager"), Jwts.claims(Accounts.accessToken(name)).get("groups"));
    }

    @Test
    void theLastAdminCannotBeRemoved() {
        int admin = given().auth()
                .oauth2(Tokens.admin())
                .queryParam("q", "admin")
                .queryParam("role", "admin")
                .when()
                .get("/api/users")
                .then()
                .extract()
                .path("items[0].id");
        given().auth()
                .oauth2(Tokens.as("another-admin").roles("admin").token())
                .when()
                .delete("/api/users/" + admin)
                .then()
                .spec(Problems.problem(409))
                .body("detail", containsString("last enabled admin"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .delete("/api/users/" + admin)
                .then()
                .spec(Problems.problem(409))
                .body("detail", containsString("yourself"));
    }

    private void stubPerson(int id, String partner) {
        backends.skills.stubFor(get(urlEqualTo("/api/people/" + id))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"id\":" + id + ",\"partner\":\"" + partner + "\",\"name\":\"Person " + id + "\"}")));
    }

    static Map<String, Object> user(String username, String partner, List<String> roles) {
        Map<String, Object> b = new HashMap<>();
        b.put("username", username);
        b.put("displayName", "Test " + username);
        b.put("partner", partner);
        b.put("roles", roles);
        b.put("password", Accounts.PASSWORD);
        return b;
    }

    static Response create(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/users");
    }
}
