package org.sharedict.rota.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.EarlierQuartzDatabase;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A deployment that applied rota-service's own copy of the Quartz migration, before it moved to
 * platform-common's db/quartz, starts on the new layout untouched (the shared file is that copy, so
 * an older rota-service still validates the database too) and keeps its jobs in it.
 */
@QuarkusTest
@TestProfile(QuartzUpgradeTest.OnAnEarlierDatabase.class)
class QuartzUpgradeTest {

    public static class OnAnEarlierDatabase extends EarlierQuartzDatabase.Profile {
        public OnAnEarlierDatabase() {
            super(
                    "rota",
                    "-- Escalation steps, notification deliveries and shift reminders live here so that a restart or a"
                            + " second instance neither loses nor doubles one.",
                    false);
        }
    }

    @Test
    void aDatabaseThatAppliedTheServicesOwnCopyStartsAndSchedulesOnTheSharedOne() {
        EarlierQuartzDatabase.assertCarriedOver("rota");
        // Its recurring jobs: shift reminders, heartbeat checks, the outbox's delivery sweep, the prune
        // of used page links and the cover-gap mail.
        assertEquals(
                5,
                EarlierQuartzDatabase.count("rota", "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'rota'"));

        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/rotas/reminders/check")
                .then()
                .statusCode(202);
    }
}
