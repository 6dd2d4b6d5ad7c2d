package org.sharedict.skills.aid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.sharedict.skills.support.Fixtures;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;

/**
 * Two partners of a help request and a third who is party to nothing: each with a manager on
 * the staff (so they get the e-mails) and, at the helping partner, an engineer to ask for by name.
 */
record AidParties(
        String asking,
        String helping,
        String other,
        long askingManager,
        String askingManagerEmail,
        long helpingManager,
        String helpingManagerEmail,
        long helper,
        String helperEmail,
        String skill) {

    static AidParties create() {
        String asking = Fixtures.partner();
        String helping = Fixtures.partner();
        String other = Fixtures.partner();
        Map<String, Object> am = manager(asking, "Asha Asking");
        Map<String, Object> hm = manager(helping, "Hal Helping");
        Map<String, Object> h = Fixtures.personBody(helping, "Hana Helper");
        Fixtures.person(manager(other, "Otto Other"));
        String skill = Fixtures.skill(Fixtures.category(), Fixtures.unique("Citrix NetScaler "));
        long helper = Fixtures.person(h);
        Fixtures.holds(helper, skill, 4, true);
        return new AidParties(
                asking,
                helping,
                other,
                Fixtures.person(am),
                (String) am.get("email"),
                Fixtures.person(hm),
                (String) hm.get("email"),
                helper,
                (String) h.get("email"),
                skill);
    }

    private static Map<String, Object> manager(String partner, String name) {
        Map<String, Object> body = Fixtures.personBody(partner, name);
        body.put("manager", true);
        return body;
    }

    String askingManagerToken() {
        return Tokens.as("mgr-" + asking.toLowerCase())
                .partner(asking)
                .roles("manager")
                .person(askingManager)
                .token();
    }

    String helpingManagerToken() {
        return Tokens.as("mgr-" + helping.toLowerCase())
                .partner(helping)
                .roles("manager")
                .person(helpingManager)
                .token();
    }

    String helperToken() {
        return Tokens.as("eng-" + helping.toLowerCase())
                .partner(helping)
                .roles("engineer")
                .person(helper)
                .token();
    }

    String otherManagerToken() {
        return Tokens.manager(other);
    }

    Map<String, Object> request(String urgency, boolean outOfHours, boolean named) {
        Map<String, Object> b = new HashMap<>();
        b.put("helperPartner", helping);
        if (named) {
            b.put("helperPersonId", helper);
        }
        b.put("skills", List.of(skill));
        b.put("title", "Firewall rules for the new housing system");
        b.put("reason", "Our only firewall engineer is on long-term sick leave");
        b.put("neededFrom", "2026-06-22");
        b.put("neededTo", "2026-06-26");
        b.put("expectedHours", 7.5);
        b.put("urgency", urgency);
        b.put("outOfHours", outOfHours);
        b.put("onSite", false);
        return b;
    }

    long ask(Map<String, Object> body) {
        return given().auth()
                .oauth2(askingManagerToken())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/aid/requests")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    static ValidatableResponse post(String token, String path, Object body) {
        var spec = given().auth().oauth2(token);
        if (body != null) {
            spec = spec.contentType(ContentType.JSON).body(body);
        }
        return spec.when().post(path).then();
    }
}
