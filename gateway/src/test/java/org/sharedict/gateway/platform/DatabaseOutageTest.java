package org.sharedict.gateway.platform;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sharedict.gateway.testing.Accounts;
import org.sharedict.testing.DatabaseFaultProxy;
import org.sharedict.testing.DatabaseOutages;
import org.sharedict.testing.InjectDatabaseProxy;
import org.sharedict.testing.Problems;
import org.sharedict.testing.TcpFaultProxy;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;

/** The gateway with its own database (users, sessions, API keys) behind a fault proxy: killed, frozen, and back. */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ThroughFaultProxy.class)
class DatabaseOutageTest {

    public static class ThroughFaultProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseFaultProxy.class));
        }
    }

    @InjectDatabaseProxy
    TcpFaultProxy database;

    private static Response users() {
        return given().auth().oauth2(Tokens.admin()).when().get("/api/users");
    }

    private static Response signIn(String username) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Accounts.PASSWORD))
                .when()
                .post("/api/auth/login");
    }

    @AfterEach
    void databaseBack() {
        database.pass();
    }

    @Test
    void aKilledDatabaseIsA503WithRetryAfterAndReadinessDownUntilItIsBack() {
        DatabaseOutages.killedThenBack(database, DatabaseOutageTest::users);
    }

    @Test
    void aFrozenDatabaseIsA503WithinBoundsNotAHangAndRecovers() {
        DatabaseOutages.frozenThenBack(database, DatabaseOutageTest::users);
    }

    @Test
    void signInAndApiKeysDuringAnOutageAre503AndSignInWorksAfter() {
        String name = Accounts.unique("outage");
        Accounts.create(name, "BBC", List.of("viewer"));
        signIn(name).then().statusCode(200);
        for (Runnable outage : List.<Runnable>of(database::kill, database::freeze)) {
            outage.run();
            DatabaseOutages.timed(() -> signIn(name)).then().spec(Problems.databaseUnavailable());
            DatabaseOutages.timed(() -> given().header("X-Api-Key", "sik_abcdefghijkl_" + "s".repeat(32))
                            .when()
                            .get("/api/oncall"))
                    .then()
                    .spec(Problems.databaseUnavailable());
            database.pass();
            Awaitility.await()
                    .atMost(DatabaseOutages.RECOVERY_WITHIN)
                    .until(() -> signIn(name).statusCode() == 200);
        }
    }
}
