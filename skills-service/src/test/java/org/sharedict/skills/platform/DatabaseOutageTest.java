package org.sharedict.skills.platform;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.DatabaseFaultProxy;
import org.sharedict.testing.DatabaseOutages;
import org.sharedict.testing.InjectDatabaseProxy;
import org.sharedict.testing.TcpFaultProxy;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.sharedict.testing.Problems.databaseUnavailable;

/** skills-service with its database behind a fault proxy: killed, frozen, and back. */
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

    private static Response people() {
        return given().auth().oauth2(Tokens.admin()).when().get("/api/people?q=anyone");
    }

    private static Response newPartner() {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body("{\"code\":\"OUT" + System.nanoTime() % 100_000_000
                        + "\",\"name\":\"Outage DC\",\"type\":\"DISTRICT_COUNCIL\"}")
                .when()
                .post("/api/partners");
    }

    @AfterEach
    void databaseBack() {
        database.pass();
    }

    @Test
    void aKilledDatabaseIsA503WithRetryAfterAndReadinessDownUntilItIsBack() {
        DatabaseOutages.killedThenBack(database, DatabaseOutageTest::people);
    }

    @Test
    void aFrozenDatabaseIsA503WithinBoundsNotAHangAndRecovers() {
        DatabaseOutages.frozenThenBack(database, DatabaseOutageTest::people);
    }

    @Test
    void writesDuringAnOutageAre503Too() {
        newPartner().then().statusCode(201);
        database.kill();
        DatabaseOutages.timed(DatabaseOutageTest::newPartner).then().spec(databaseUnavailable());
        database.freeze();
        DatabaseOutages.timed(DatabaseOutageTest::newPartner).then().spec(databaseUnavailable());
        database.pass();
        Awaitility.await()
                .atMost(DatabaseOutages.RECOVERY_WITHIN)
                .until(() -> newPartner().statusCode() == 201);
    }
}
