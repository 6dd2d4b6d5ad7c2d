package org.sharedict.gateway.auth;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sharedict.gateway.testing.Accounts;
import org.sharedict.gateway.testing.TestClock;
import org.sharedict.testing.Problems;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The audit trail between two days, which are London days: an entry at 00:30 BST belongs to that day, not the UTC one before. */
@QuarkusTest
class AuditFilterTest {

    @Inject
    TestClock clock;

    @AfterEach
    void clockRunsAgain() {
        clock.reset();
    }

    private static io.restassured.response.ValidatableResponse audit(String actor, String from, String to) {
        return given().auth()
                .oauth2(Tokens.admin())
                .queryParam("actor", actor)
                .queryParam("from", from)
                .queryParam("to", to)
                .when()
                .get("/api/auth/audit")
                .then();
    }

    @Test
    void fromAndToAreWholeLondonDaysBothIncluded() {
        String user = Accounts.unique("audit");
        Accounts.create(user, "BBC", List.of("viewer"));
        clock.stop();
        // 23:30 UTC on 1 June is 00:30 on 2 June in London (BST).
        clock.advance(java.time.Duration.between(clock.instant(), Instant.parse("2031-06-01T23:30:00Z")));
        SignInTest.login(user, Accounts.PASSWORD).then().statusCode(200);

        audit(user, "2031-06-02", "2031-06-02").statusCode(200).body("items.action", hasItem("SIGN_IN"));
        audit(user, "2031-06-02", null).statusCode(200).body("items.action", hasItem("SIGN_IN"));
        audit(user, null, "2031-06-01").statusCode(200).body("totalItems", equalTo(0));
        audit(user, "2031-06-03", null).statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aDayThatIsNoDateOrToBeforeFromIsRefusedNamingIt() {
        audit("anyone", "2031-06-02", "2031-06-01").spec(Problems.problem(400)).body("errors[0].field", equalTo("to"));
        audit("anyone", "yesterday", null).spec(Problems.problem(400)).body("errors[0].field", equalTo("from"));
        audit("anyone", null, "0001-01-01").spec(Problems.problem(400)).body("errors[0].field", equalTo("to"));
    }
}
