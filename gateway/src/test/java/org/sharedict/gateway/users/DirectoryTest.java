package org.sharedict.gateway.users;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.sharedict.gateway.testing.Accounts;
import org.sharedict.gateway.testing.Backends;
import org.sharedict.gateway.testing.InjectBackends;
import org.sharedict.testing.Problems;
import org.sharedict.testing.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** The directory dr-planner asks for a plan's approvers: a partner's users by role, with their addresses. */
@QuarkusTest
class DirectoryTest {

    @InjectBackends
    Backends.Servers backends;

    /** A partner of its own for each test, known to the skills-service stand-in (users are checked against it). */
    private String partner() {
        String code = ("D" + UUID.randomUUID().toString().replace("-", "").substring(0, 7)).toUpperCase(Locale.ROOT);
        backends.skills.stubFor(get(urlEqualTo("/api/partners/" + code))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"" + code + "\",\"name\":\"" + code + " council\"}")));
        return code;
    }

    @Test
    void listsTheEnabledUsersOfThePartnerWithTheRolesAndTheAdmins() {
        String p = partner();
        String lead = Accounts.unique("lead");
        String manager = Accounts.unique("mgr");
        String engineer = Accounts.unique("eng");
        String gone = Accounts.unique("gone");
        String elsewhere = Accounts.unique("else");
        String admin = Accounts.unique("adm");
        Accounts.create(lead, p, List.of("dr-lead", "engineer"));
        Accounts.create(manager, p, List.of("manager"));
        Accounts.create(engineer, p, List.of("engineer"));
        disable(Accounts.create(gone, p, List.of("dr-lead")), gone, p);
        Accounts.create(elsewhere, partner(), List.of("dr-lead"));
        long adminId = Accounts.create(admin, null, List.of("admin"));
        try {
            given().auth()
                    .oauth2(Tokens.as("someone").partner(p).roles("dr-lead").token())
                    .queryParam("partner", p.toLowerCase(Locale.ROOT))
                    .queryParam("role", "dr-lead", "admin")
                    .when()
                    .get("/api/users/directory")
                    .then()
                    .statusCode(200)
                    .body("username", hasItems(lead, admin))
                    .body("username", not(hasItem(manager)))
                    .body("username", not(hasItem(engineer)))
                    .body("username", not(hasItem(gone)))
                    .body("username", not(hasItem(elsewhere)))
                    .body("find { it.username == '" + lead + "' }.email", equalTo(lead + "@example.gov.uk"))
                    .body("find { it.username == '" + lead + "' }.name", equalTo("Test " + lead))
                    .body("find { it.username == '" + lead + "' }.partner", equalTo(p))
                    .body("find { it.username == '" + lead + "' }.roles", equalTo(List.of("dr-lead", "engineer")))
                    .body("find { it.username == '" + admin + "' }.partner", equalTo(null));

            given().auth()
                    .oauth2(Tokens.admin())
                    .queryParam("partner", p)
                    .queryParam("role", "manager")
                    .when()
                    .get("/api/users/directory")
                    .then()
                    .statusCode(200)
                    .body("username", equalTo(List.of(manager)));
        } finally {
            // Other tests count on the partnership's one enabled admin (UserAdminTest: the last admin stays).
            given().auth()
                    .oauth2(Tokens.admin())
                    .when()
                    .delete("/api/users/" + adminId)
                    .then()
                    .statusCode(204);
        }
    }

    @Test
    void onlyThePartnersLeadsAndManagersAndAdminsReadIt() {
        String p = partner();
        given().auth()
                .oauth2(Tokens.as("lead").partner(partner()).roles("dr-lead").token())
                .queryParam("partner", p)
                .queryParam("role", "dr-lead")
                .when()
                .get("/api/users/directory")
                .then()
                .spec(Problems.problem(403));
        given().auth()
                .oauth2(Tokens.as("eng").partner(p).roles("engineer").token())
                .queryParam("partner", p)
                .queryParam("role", "dr-lead")
                .when()
                .get("/api/users/directory")
                .then()
                .spec(Problems.problem(403));
        given().queryParam("partner", p)
                .queryParam("role", "dr-lead")
                .when()
                .get("/api/users/directory")
                .then()
                .spec(Problems.problem(401));
    }

    @Test
    void badParametersAreNamed() {
        // query string → the parameter the 400 names
        Map<String, String> cases = Map.of(
                "role=dr-lead", "partner",
                "partner=not%20a%20code&role=dr-lead", "partner",
                "partner=BBC", "role",
                "partner=BBC&role=viewer", "role");
        cases.forEach((query, field) -> given().auth()
                .oauth2(Tokens.admin())
                .urlEncodingEnabled(false)
                .when()
                .get("/api/users/directory?" + query)
                .then()
                .spec(Problems.invalidField(field)));
    }

    private static void disable(long id, String username, String partner) {
        Map<String, Object> body = new HashMap<>();
        body.put("displayName", "Test " + username);
        body.put("email", username + "@example.gov.uk");
        body.put("partner", partner);
        body.put("roles", List.of("dr-lead"));
        body.put("enabled", false);
        body.put("version", 0);
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/users/" + id)
                .then()
                .statusCode(200);
    }
}
