package org.sharedict.dr.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import org.sharedict.testing.EarlierQuartzDatabase;
import org.sharedict.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A deployment that applied dr-planner's own copy of the Quartz migration, before it moved to
 * platform-common's db/quartz (a different checksum: its comment line differed), starts on the new
 * layout and keeps scheduling its review check.
 */
@QuarkusTest
@TestProfile(QuartzUpgradeTest.OnAnEarlierDatabase.class)
class QuartzUpgradeTest {

    public static class OnAnEarlierDatabase extends EarlierQuartzDatabase.Profile {
        public OnAnEarlierDatabase() {
            super(
                    "dr",
                    "-- The review-reminder job lives here so that a restart or a second instance neither"
                            + " loses nor doubles a run.",
                    true);
        }
    }

    @Test
    void aDatabaseThatAppliedTheServicesOwnCopyStartsAndSchedulesOnTheSharedOne() {
        EarlierQuartzDatabase.assertCarriedOver("dr");
        // Its recurring jobs: the plan-review check and the copy and exercise reminders.
        assertEquals(
                2, EarlierQuartzDatabase.count("dr", "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'dr'"));

        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .post("/api/dr/reviews/check")
                .then()
                .statusCode(202);
    }
}
