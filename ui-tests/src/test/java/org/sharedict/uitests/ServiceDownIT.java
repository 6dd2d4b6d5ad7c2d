package org.sharedict.uitests;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A service really down (its process stopped, then started again): the screens that read it say
 * which part cannot be shown, in words, and show the rest. The DR staffing view asks skills-service
 * who holds each skill and rota-service who is on call; the audit screen reads every service's trail.
 * Only against a platform this run started (the harness can stop a service; ./run.sh's cannot be).
 */
@ExtendWith(UiContext.class)
class ServiceDownIT {

    final UiContext ui = UiContext.get();

    private PlatformApi admin() {
        return PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
    }

    private long bostonPlan(PlatformApi admin) {
        return admin.get("/api/dr/plans?partner=BBC&status=APPROVED")
                .get("items")
                .get(0)
                .get("id")
                .asLong();
    }

    /** The service is back and every caller has noticed (the gateway's and dr-planner's circuits closed again). */
    private void startAgain(String service, long plan) {
        ui.platform.startAgain(service);
        PlatformApi admin = admin();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    JsonNode staffing = admin.get("/api/dr/plans/" + plan + "/staffing");
                    boolean skillsKnown = staffing.get("skills").isEmpty()
                            || !"UNKNOWN"
                                    .equals(staffing.get("skills")
                                            .get(0)
                                            .get("ownPartner")
                                            .get("status")
                                            .asText());
                    return skillsKnown
                            && !"UNKNOWN"
                                    .equals(staffing.get("onCallNow")
                                            .get("status")
                                            .asText())
                            && admin.status("/api/audit/" + (service.startsWith("rota") ? "rota" : "skills")) == 200;
                });
    }

    private void openStaffing(long plan) {
        ui.open("#/dr/plans/" + plan + "/staffing");
        ui.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("staffing-on-call")));
    }

    private WebElement unavailableParts() {
        return ui.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-unavailable")));
    }

    @Test
    void withTheRotaServiceDownStaffingSaysWhoIsOnCallIsUnknownAndTheAuditShowsTheOtherParts() {
        assumeTrue(ui.platform.stopsServices(), "only a platform this run started can have a service stopped");
        long plan = bostonPlan(admin());
        ui.signInAs(ui.platform.adminUsername());
        ui.platform.stop("rota-service");
        try {
            openStaffing(plan);
            String onCall = ui.driver().findElement(By.id("staffing-on-call")).getText();
            assertTrue(onCall.contains("The rota service is not answering"), onCall);
            assertTrue(onCall.contains("who is on call now cannot be shown"), onCall);
            // Who holds each skill comes from skills-service, which is up: still shown.
            assertFalse(
                    ui.driver()
                            .findElements(By.cssSelector(".app-staffing-skill table"))
                            .isEmpty(),
                    ui.mainText());
            ui.checkScreen("dr-staffing-rota-down");
            ui.checkPhone("dr-staffing-rota-down-phone");

            ui.open("#/admin/audit");
            String said = unavailableParts().getText();
            assertTrue(said.contains("Rotas, incidents and paging"), said);
            assertTrue(said.contains("the rota and incidents service is not answering"), said);
            assertFalse(said.contains("DR plans"), "only the part that is down: " + said);
            assertFalse(
                    ui.driver()
                            .findElements(By.cssSelector("#audit-entries tbody tr"))
                            .isEmpty(),
                    "the other parts are shown");
            ui.checkScreen("admin-audit-part-down");
        } finally {
            startAgain("rota-service", plan);
        }
    }

    @Test
    void withTheSkillsServiceDownStaffingSaysWhoHoldsTheSkillsAndWhoIsOnCallAreUnknown() {
        assumeTrue(ui.platform.stopsServices(), "only a platform this run started can have a service stopped");
        long plan = bostonPlan(admin());
        // Signed in first: the screen after signing in reads skills-service.
        ui.signInAs(ui.platform.adminUsername());
        PlatformApi api = admin();
        ui.platform.stop("skills-service");
        try {
            // skills-service keeps leave (issue 15, one leave record): rota-service answers from its copy
            // while that is under 30 s old, then 503 rather than name someone who may be away.
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> api.status("/api/oncall?partner=BBC") == 503);
            openStaffing(plan);
            WebElement skill = ui.driver().findElement(By.cssSelector(".app-staffing-skill"));
            assertTrue(skill.getText().contains("The skills service is not answering"), skill.getText());
            assertTrue(
                    ui.driver()
                            .findElements(By.cssSelector(".app-staffing-skill table"))
                            .isEmpty(),
                    "no list of holders that would look complete");
            String onCall = ui.driver().findElement(By.id("staffing-on-call")).getText();
            assertTrue(onCall.contains("cannot be shown"), "no on-call names without leave: " + onCall);
            assertFalse(onCall.contains("Primary"), "no on-call names without leave: " + onCall);
            ui.checkScreen("dr-staffing-skills-down");

            ui.open("#/admin/audit");
            String said = unavailableParts().getText();
            assertTrue(said.contains("People, skills and mutual aid"), said);
            assertFalse(said.contains("Rotas"), "only the part that is down: " + said);
        } finally {
            startAgain("skills-service", plan);
        }
    }
}
