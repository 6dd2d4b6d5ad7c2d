package org.sharedict.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sharedict.system.PartnershipStoryIT.as;
import static org.sharedict.system.PartnershipStoryIT.login;

/**
 * One leave record, through the gateway with both real services: leave entered on a skills-service
 * profile makes rota-service's on-call answer skip that person (within rota-service's copy's age,
 * 30 s by default); leave entered on the rota leave screen shows on the skills-service profile at
 * once; with skills-service stopped, rota-service answers who is on call with a 503, not a guess.
 */
@ExtendWith(PlatformExtension.class)
class OneLeaveRecordIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void leaveEnteredOnEitherSideIsTheSameFactAndUnknownLeaveIsA503(Platform platform) {
        RestAssured.baseURI = platform.gateway().toString();
        String admin = login("admin", platform.adminPassword()).getString("accessToken");
        as(admin)
                .body(Map.of("code", "LEAVEDC", "name", "Leave District Council", "type", "DISTRICT_COUNCIL"))
                .post("/api/partners")
                .then()
                .statusCode(201);
        long ann = person(admin, "Ann Leave", "ann.leave@leavedc.example.gov.uk");
        long bob = person(admin, "Bob Leave", "bob.leave@leavedc.example.gov.uk");
        LocalDate today = LocalDate.now(LONDON);
        as(admin)
                .body(Map.of(
                        "name", "Leave DC round the clock",
                        "partners", List.of("LEAVEDC"),
                        "coverage", "ALWAYS",
                        "rotationLength", "P1D",
                        "handoffTime", "09:00",
                        "startDate", today.minusDays(8).toString(),
                        "layers", List.of(Map.of("layer", "PRIMARY", "members", List.of(ann, bob)))))
                .post("/api/rotas")
                .then()
                .statusCode(201);
        long onCall = onCallNow(admin);
        long other = onCall == ann ? bob : ann;

        // Entered in skills-service: the person on call now is away until the day after tomorrow.
        int version = given().auth()
                .oauth2(admin)
                .get("/api/people/" + onCall)
                .then()
                .statusCode(200)
                .extract()
                .path("version");
        as(admin)
                .body(Map.of(
                        "helpOtherPartners",
                        true,
                        "helpHoursPerMonth",
                        4,
                        "outOfHours",
                        true,
                        "unavailableUntil",
                        today.plusDays(2).toString(),
                        "unavailableReason",
                        "Annual leave",
                        "version",
                        version))
                .put("/api/people/" + onCall + "/availability")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertEquals(other, onCallNow(admin), "the person away is skipped"));
        given().auth()
                .oauth2(admin)
                .queryParam("partner", "LEAVEDC")
                .get("/api/oncall")
                .then()
                .body("primary.reason", equalTo("LEAVE_COVER"))
                .body("primary.scheduledPersonId", equalTo((int) onCall));
        given().auth()
                .oauth2(admin)
                .queryParam("personId", onCall)
                .get("/api/rotas/leave")
                .then()
                .statusCode(200)
                .body("reason", contains("Annual leave"));

        // Entered in rota-service: the other person's profile shows them away at once.
        Instant back = today.plusDays(3).atStartOfDay(LONDON).toInstant();
        as(admin)
                .body(Map.of(
                        "personId",
                        other,
                        "start",
                        Instant.now().minusSeconds(60).toString(),
                        "end",
                        back.toString(),
                        "reason",
                        "Course"))
                .post("/api/rotas/leave")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(admin)
                .get("/api/people/" + other)
                .then()
                .statusCode(200)
                .body("available", equalTo(false))
                .body("unavailableUntil", equalTo(today.plusDays(3).toString()))
                .body("unavailableReason", equalTo("Course"));
        given().auth()
                .oauth2(admin)
                .queryParam("person", other)
                .get("/api/people/leave")
                .then()
                .statusCode(200)
                .body("end", contains(back.toString()));

        // skills-service down: rota-service cannot know who is away, so it says so.
        platform.stop("skills-service");
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> given().auth()
                            .oauth2(login("admin", platform.adminPassword()).getString("accessToken"))
                            .queryParam("partner", "LEAVEDC")
                            .get("/api/oncall")
                            .then()
                            .statusCode(503)
                            .contentType("application/problem+json")
                            .body("type", equalTo("urn:sharedict:problem:dependency-unavailable")));
        } finally {
            platform.startAgain("skills-service");
        }
    }

    private static long onCallNow(String token) {
        return given().auth()
                .oauth2(token)
                .queryParam("partner", "LEAVEDC")
                .get("/api/oncall")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("primary.personId");
    }

    private static long person(String token, String name, String email) {
        return as(token)
                .body(Map.of(
                        "partner",
                        "LEAVEDC",
                        "name",
                        name,
                        "email",
                        email,
                        "mobile",
                        "07700 900777",
                        "helpOtherPartners",
                        true,
                        "outOfHours",
                        true))
                .post("/api/people")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }
}
