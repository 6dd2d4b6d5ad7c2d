package org.sharedict.gateway.oidc;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sharedict.gateway.testing.Accounts;
import org.sharedict.gateway.testing.InjectIssuer;
import org.sharedict.gateway.testing.Jwts;
import org.sharedict.gateway.testing.StandInIssuer;
import org.sharedict.gateway.testing.StandInIssuer.Identity;
import org.sharedict.testing.Problems;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in through a council's own OpenID Connect provider, against a stand-in issuer on a local
 * port: the whole authorization-code flow with PKCE, group-to-role mapping, and every way an ID
 * token can be wrong.
 */
@QuarkusTest
class ExternalSignInTest {

    @InjectIssuer
    StandInIssuer.Issuer issuer;

    @AfterEach
    void reset() {
        issuer.reset();
    }

    @Test
    void theSignInPageListsTheProviders() {
        given().when()
                .get("/api/auth/providers")
                .then()
                .statusCode(200)
                .body("name", hasItem("council"))
                .body("displayName", hasItem("Lincolnshire County Council"))
                .body("startUrl", hasItem("/api/auth/oidc/council/start"));
    }

    @Test
    void aCouncilAccountSignsInWithRolesFromItsGroupsAndThePartnerOfItsProvider() {
        String sub = "sub-" + Accounts.unique("a");
        String username = Accounts.unique("j.smith") + "@lincolnshire.example.gov.uk";
        issuer.next = new Identity(sub, username, username, "Jo Smith", List.of("ICT Managers", "All Staff"));
        Response callback = signIn("/admin");
        callback.then().statusCode(200).header("Cache-Control", "no-store");
        String token = callback.jsonPath().getString("accessToken");
        Map<String, Object> c = Jwts.claims(token);
        assertEquals(username, c.get("sub"));
        assertEquals(List.of("manager"), c.get("groups"));
        assertEquals("LCC", c.get("partner"));
        assertEquals("Jo Smith", c.get("name"));
        int id = callback.jsonPath().getInt("user.id");
        assertEquals("oidc:council", callback.jsonPath().getString("user.signIn"));

        // Next time the groups have changed: the same account, new roles.
        issuer.next = new Identity(sub, username, username, "Jo Smith", List.of("DR Team"));
        Response again = signIn("/");
        assertEquals(id, again.jsonPath().getInt("user.id"));
        assertEquals(
                List.of("dr-lead", "viewer"),
                Jwts.claims(again.jsonPath().getString("accessToken")).get("groups"));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("action", "SIGN_IN")
                .queryParam("actor", username)
                .when()
                .get("/api/auth/audit")
                .then()
                .body("items[0].changes", containsString("oidc:council"));
        // No password of ours works for an account of the provider.
        given().contentType("application/json")
                .body(Map.of("username", username, "password", "anything-at-all"))
                .when()
                .post("/api/auth/login")
                .then()
                .spec(Problems.problem(401));
    }

    @Test
    void aBrowserIsSentBackWithTheRefreshCookieOnly() {
        issuer.next = new Identity(
                "sub-" + Accounts.unique("b"), Accounts.unique("browser"), null, "Bee Rowser", List.of("ICT Staff"));
        Response callback = callback(authorize(start("/rota?week=2")), null);
        callback.then()
                .statusCode(302)
                .header("Location", Matchers.endsWith("/rota?week=2"))
                .header("Set-Cookie", containsString("HttpOnly"));
        String cookie = callback.getCookie("sharedict_refresh");
        String token = given().cookie("sharedict_refresh", cookie)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/auth/refresh")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
        assertEquals(List.of("engineer"), Jwts.claims(token).get("groups"));
    }

    @Test
    void onlyPathsOfThisSiteAreReturnedTo() {
        issuer.next = new Identity(
                "sub-" + Accounts.unique("c"), Accounts.unique("elsewhere"), null, "Else", List.of("ICT Staff"));
        callback(authorize(start("https://evil.example/steal")), null)
                .then()
                .statusCode(302)
                .header("Location", Matchers.not(containsString("evil")));
    }

    @Test
    void anAccountInNoMappedGroupIsRefused() {
        issuer.next = new Identity(
                "sub-" + Accounts.unique("d"), Accounts.unique("outsider"), null, "Out Sider", List.of("Finance"));
        callback(authorize(start(null)), "application/json")
                .then()
                .spec(Problems.problem(403))
                .body("detail", containsString("Finance"));
    }

    /** What a browser's navigation asks for. */
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aBrowserWhoseSignInFailsIsSentToTheAppsSignInPageWithTheReason() {
        issuer.next = new Identity(
                "sub-" + Accounts.unique("g"), Accounts.unique("outsider"), null, "Out Sider", List.of("Finance"));
        callback(authorize(start("/#/oncall")), BROWSER)
                .then()
                .statusCode(303)
                .header("Location", Matchers.endsWith("/#/sign-in?councilError=no-access&provider=council"))
                .header("Set-Cookie", Matchers.nullValue());
        given().redirects()
                .follow(false)
                .accept(BROWSER)
                .queryParam("code", "x")
                .queryParam("state", "made-up")
                .when()
                .get("/api/auth/oidc/council/callback")
                .then()
                .statusCode(303)
                .header("Location", Matchers.endsWith("/#/sign-in?councilError=expired&provider=council"));
        String state = java.util.regex.Pattern.compile("[?&]state=([^&]+)")
                .matcher(start(null))
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);
        given().redirects()
                .follow(false)
                .accept(BROWSER)
                .urlEncodingEnabled(false)
                .when()
                .get("/api/auth/oidc/council/callback?error=access_denied&state=" + state)
                .then()
                .statusCode(303)
                .header("Location", Matchers.endsWith("/#/sign-in?councilError=not-signed-in&provider=council"));
    }

    @Test
    void anIdTokenSignedWithAnotherKeyOrForAnotherClientOrSignInIsRefused() {
        issuer.next = new Identity(
                "sub-" + Accounts.unique("e"), Accounts.unique("forged"), null, "Forged", List.of("ICT Managers"));
        issuer.signWithUnknownKey = true;
        callback(authorize(start(null)), "application/json").then().spec(Problems.problem(401));
        issuer.signWithUnknownKey = false;
        issuer.forcedAudience = "some-other-client";
        callback(authorize(start(null)), "application/json").then().spec(Problems.problem(401));
        issuer.forcedAudience = null;
        issuer.forcedNonce = "a-nonce-from-another-sign-in";
        callback(authorize(start(null)), "application/json")
                .then()
                .spec(Problems.problem(401))
                .body("detail", containsString("nonce"));
    }

    @Test
    void aCallbackWorksOnceAndOnlyWithItsOwnState() {
        issuer.next = new Identity(
                "sub-" + Accounts.unique("f"), Accounts.unique("replay"), null, "Re Play", List.of("ICT Staff"));
        URI back = authorize(start(null));
        callback(back, "application/json").then().statusCode(200);
        callback(back, "application/json").then().spec(Problems.problem(400));
        given().accept("application/json")
                .queryParam("code", "x")
                .queryParam("state", "made-up")
                .when()
                .get("/api/auth/oidc/council/callback")
                .then()
                .spec(Problems.problem(400));
        given().accept("application/json")
                .queryParam("code", "x")
                .when()
                .get("/api/auth/oidc/council/callback")
                .then()
                .spec(Problems.invalidField("state"));
        given().redirects()
                .follow(false)
                .when()
                .get("/api/auth/oidc/nobody/start")
                .then()
                .spec(Problems.problem(404));
    }

    /** The gateway's redirect to the provider. */
    private String start(String returnTo) {
        var req = given().redirects().follow(false);
        if (returnTo != null) {
            req = req.queryParam("returnTo", returnTo);
        }
        String location = req.when()
                .get("/api/auth/oidc/council/start")
                .then()
                .statusCode(302)
                .extract()
                .header("Location");
        assertTrue(location.startsWith(issuer.url() + "/authorize?"), location);
        assertTrue(location.contains("code_challenge_method=S256") && location.contains("nonce="), location);
        return location;
    }

    /** The provider signs the user in and sends the browser back with a code. */
    private URI authorize(String location) {
        String back = given().redirects()
                .follow(false)
                .urlEncodingEnabled(false)
                .when()
                .get(location)
                .then()
                .statusCode(302)
                .extract()
                .header("Location");
        assertTrue(back.contains("/api/auth/oidc/council/callback?code="), back);
        return URI.create(back);
    }

    private Response callback(URI back, String accept) {
        var req = given().redirects().follow(false).urlEncodingEnabled(false);
        if (accept != null) {
            req = req.accept(accept);
        }
        return req.when().get(back.getRawPath() + "?" + back.getRawQuery());
    }

    private Response signIn(String returnTo) {
        return callback(authorize(start(returnTo)), "application/json");
    }
}
