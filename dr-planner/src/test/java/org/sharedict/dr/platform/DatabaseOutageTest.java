package org.sharedict.dr.platform;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.DatabaseFaultProxy;
import org.sharedict.testing.DatabaseOutages;
import org.sharedict.testing.InjectDatabaseProxy;
import org.sharedict.testing.Problems;
import org.sharedict.testing.TcpFaultProxy;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;

/** dr-planner with its database (Quartz's job store included) behind a fault proxy: killed, frozen, and back. */
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

    private static Response plans() {
        return given().auth().oauth2(Tokens.admin()).when().get("/api/dr/plans");
    }

    private static Response reviewCheck() {
        return given().auth().oauth2(Tokens.admin()).when().post("/api/dr/reviews/check");
    }

    @AfterEach
    void databaseBack() {
        database.pass();
    }

    @Test
    void aKilledDatabaseIsA503AndTheSchedulerWorksWhenItIsBack() {
        DatabaseOutages.killedThenBack(database, DatabaseOutageTest::plans);
        reviewCheck().then().statusCode(202);
    }

    @Test
    void aFrozenDatabaseIsA503WithinBoundsAndTheSchedulerWorksWhenItResumes() {
        DatabaseOutages.frozenThenBack(database, DatabaseOutageTest::plans);
        reviewCheck().then().statusCode(202);
    }

    @Test
    void schedulingDuringAnOutageIsA503() {
        reviewCheck().then().statusCode(202);
        database.kill();
        DatabaseOutages.timed(DatabaseOutageTest::reviewCheck).then().spec(Problems.databaseUnavailable());
    }
}
