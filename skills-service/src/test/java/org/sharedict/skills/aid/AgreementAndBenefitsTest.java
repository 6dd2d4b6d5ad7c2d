package org.sharedict.skills.aid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.MailServer;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.sharedict.skills.aid.AidParties.post;
import static org.sharedict.testing.Problems.invalidField;
import static org.sharedict.testing.Problems.problem;

/** The partnership agreement's rules, and the benefits report that prices help at agency rates. */
@QuarkusTest
@QuarkusTestResource(MailServer.class)
class AgreementAndBenefitsTest {

    private static Map<String, Object> agreement(boolean directUrgent, Map<String, Long> rates) {
        Map<String, Object> a = new HashMap<>();
        a.put("rateBasis", rates.isEmpty() ? "HOUR" : "DAY");
        a.put("flatRatePence", rates.isEmpty() ? 3500 : null);
        a.put("partnerRates", rates);
        a.put("minutesPerDay", 450);
        a.put("outOfHoursMultiplier", 1.5);
        a.put("agencyDayRatePence", 45000);
        a.put("netting", true);
        a.put("directAcceptUrgent", directUrgent);
        a.put("directAcceptOutOfHours", true);
        return a;
    }

    private static long version() {
        return given().auth()
                .oauth2(Tokens.viewer("BBC"))
                .when()
                .get("/api/aid/agreement")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("version");
    }

    private static void put(Map<String, Object> body) {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + version() + "\"")
                .body(body)
                .when()
                .put("/api/aid/agreement")
                .then()
                .statusCode(200);
    }

    @Test
    void onlyAdminsChangeTheAgreementAndItDecidesWhoMayAcceptDirectly() {
        AidParties p = AidParties.create();
        given().auth()
                .oauth2(p.helpingManagerToken())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + version() + "\"")
                .body(agreement(true, Map.of()))
                .when()
                .put("/api/aid/agreement")
                .then()
                .spec(problem(403));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(agreement(true, Map.of()))
                .when()
                .put("/api/aid/agreement")
                .then()
                .spec(problem(428));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + version() + "\"")
                .body(agreement(true, Map.of("NOPE" + p.helping(), 30000L)))
                .when()
                .put("/api/aid/agreement")
                .then()
                .spec(invalidField("partnerRates"));
        Map<String, Object> tooBig = agreement(true, Map.of());
        tooBig.put("outOfHoursMultiplier", 9);
        given().auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + version() + "\"")
                .body(tooBig)
                .when()
                .put("/api/aid/agreement")
                .then()
                .spec(invalidField("outOfHoursMultiplier"));
        try {
            put(agreement(false, Map.of(p.helping(), 30000L)));
            given().auth()
                    .oauth2(Tokens.viewer(p.other()))
                    .when()
                    .get("/api/aid/agreement")
                    .then()
                    .body("rateBasis", equalTo("DAY"))
                    .body("partnerRates." + p.helping(), equalTo(30000))
                    .body("directAcceptUrgent", equalTo(false));
            long id = p.ask(p.request("URGENT", false, true));
            given().auth()
                    .oauth2(p.helperToken())
                    .when()
                    .get("/api/aid/requests/" + id)
                    .then()
                    .body("actions", org.hamcrest.Matchers.not(hasItem("accept")));
            post(p.helperToken(), "/api/aid/requests/" + id + "/accept", null).spec(problem(403));
            // Out-of-hours requests are still the person's to accept.
            long ooh = p.ask(p.request("ROUTINE", true, true));
            post(p.helperToken(), "/api/aid/requests/" + ooh + "/accept", null).statusCode(200);
            // A day (450 minutes) at the helping partner's day rate.
            long time = post(
                            p.helperToken(),
                            "/api/aid/requests/" + ooh + "/time",
                            Map.of("workedOn", "2026-06-15", "hours", 7.5, "outOfHours", false))
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id");
            post(p.askingManagerToken(), "/api/aid/requests/" + ooh + "/time/" + time + "/confirm", null)
                    .statusCode(200);
            given().auth()
                    .oauth2(p.askingManagerToken())
                    .when()
                    .get("/api/aid/statements/" + p.asking() + "/" + p.helping() + "?from=2026-06-01&to=2026-06-30")
                    .then()
                    .statusCode(200)
                    .body("received.chargePence", equalTo(30000));
        } finally {
            put(agreement(true, Map.of()));
        }
    }

    @Test
    void benefitsCountAgencyDaysAvoidedAndSkillsOnlyAvailableElsewhere() {
        AidParties p = AidParties.create();
        long id = p.ask(p.request("ROUTINE", false, true));
        post(p.helpingManagerToken(), "/api/aid/requests/" + id + "/approve", null)
                .statusCode(200);
        long time = post(
                        p.helperToken(),
                        "/api/aid/requests/" + id + "/time",
                        Map.of("workedOn", "2026-06-15", "hours", 7.5, "outOfHours", false))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        post(p.askingManagerToken(), "/api/aid/requests/" + id + "/time/" + time + "/confirm", null)
                .statusCode(200);
        given().auth()
                .oauth2(p.askingManagerToken())
                .when()
                .get("/api/aid/benefits?from=2026-06-01&to=2026-06-30")
                .then()
                .statusCode(200)
                .body("agencyDayRatePence", equalTo(45000))
                .body("partners", hasSize(1))
                .body("partners[0].scope", equalTo(p.asking()))
                .body("partners[0].requestsMade", equalTo(1))
                .body("partners[0].requestsAnswered", equalTo(1))
                .body("partners[0].helpReceivedHours", equalTo(7.5f))
                .body("partners[0].agencyDaysAvoided", equalTo(1.0f))
                .body("partners[0].cashableSavingsPence", equalTo(45000))
                .body("partners[0].chargedPence", equalTo(26250))
                .body("partners[0].skillsOnlyElsewhere.skill", contains(p.skill()))
                .body("partners[0].skillsOnlyElsewhere[0].heldBy", equalTo(List.of(p.helping())))
                .body("partners[0].skillsOnlyElsewhere[0].singlePersonInPartnership", equalTo(true))
                .body("partnership.scope", equalTo("PARTNERSHIP"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/aid/benefits?from=2026-06-01&to=2026-06-30&format=csv")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString(p.asking() + ",1,0,1,1,"));
    }
}
