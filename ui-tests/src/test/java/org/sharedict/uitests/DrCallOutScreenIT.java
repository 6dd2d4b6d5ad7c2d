package org.sharedict.uitests;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The call-out of a running DR plan: the demo's City of Lincoln invocation paged its owner and its
 * infrastructure engineer through rota-service; the checklist shows the incident, who was named and
 * who could not be paged, and the incident links back to the checklist. The plan's page shows its
 * call tree and that last call-out in its activation section.
 */
@ExtendWith(UiContext.class)
class DrCallOutScreenIT {

    final UiContext ui = UiContext.get();

    private long openInvocationOfCol() {
        PlatformApi admin =
                PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
        JsonNode open = admin.get("/api/dr/invocations?status=OPEN&partner=COL").get("items");
        if (open.size() > 0) {
            return open.get(0).get("id").asLong();
        }
        long plan = admin.get("/api/dr/plans?partner=COL&status=APPROVED")
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        return admin.post(
                        "/api/dr/invocations",
                        Map.of("planId", plan, "reason", "Browser test: power failure", "criterion", "tier1-down"),
                        201)
                .get("id")
                .asLong();
    }

    @Test
    void thePlanPageShowsItsCallTreeAndItsLastCallOut() {
        long id = openInvocationOfCol();
        PlatformApi admin =
                PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
        long plan = admin.get("/api/dr/invocations/" + id).get("planId").asLong();
        ui.signInAs(UiContext.COL_DR_LEAD);
        ui.open("#/dr/plans/" + plan);
        ui.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("call-tree")));
        String tree = ui.driver().findElement(By.id("call-tree")).getText();
        assertTrue(tree.contains("Simon Brayford (plan owner)"), tree);
        assertTrue(tree.contains("Ravi Mistry"), tree);
        assertTrue(tree.contains("Cannot be paged"), tree);
        String notPaged = ui.driver().findElement(By.id("call-tree-not-paged")).getText();
        assertTrue(notPaged.contains("Pat Morley (COL)"), notPaged);
        assertTrue(notPaged.contains("no skills-service person"), notPaged);
        String last = ui.driver().findElement(By.id("last-call-out")).getText();
        assertTrue(last.contains("Invocation " + id), last);
        assertTrue(last.contains("Sent"), last);
        assertTrue(last.contains("Incident "), last);
        assertTrue(last.contains("Acknowledged"), last);
        ui.checkScreen("dr-plan-activation");
        ui.checkPhone("dr-plan-activation-phone");

        ui.follow(By.cssSelector("#last-call-out a[href^='#/dr/invocations/']"));
        ui.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("call-out")));
        assertTrue(ui.heading().contains("DR plan being run"), ui.heading());
    }

    @Test
    void theChecklistShowsItsCallOutAndTheIncidentLinksBack() {
        long id = openInvocationOfCol();
        ui.signInAs(UiContext.COL_DR_LEAD);
        ui.open("#/dr/invocations/" + id);
        ui.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("call-out-people")));
        String callOut = ui.driver().findElement(By.id("call-out")).getText();
        assertTrue(callOut.contains("Sent"), callOut);
        assertTrue(callOut.contains("Simon Brayford (plan owner)"), callOut);
        assertTrue(callOut.contains("Ravi Mistry"), callOut);
        // The facilities manager is a name on the plan, not a skills-service person: listed, not paged, and said so.
        assertTrue(callOut.contains("Pat Morley (COL)"), callOut);
        assertTrue(callOut.contains("not paged"), callOut);
        assertTrue(ui.driver().findElements(By.id("call-out-retry")).isEmpty(), "nothing to retry once sent");
        ui.checkScreen("dr-invocation-call-out");
        ui.checkPhone("dr-invocation-call-out-phone");

        ui.follow(By.id("call-out-incident"));
        ui.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("incident-responders")));
        String responders =
                ui.driver().findElement(By.id("incident-responders")).getText();
        assertTrue(responders.contains("Simon Brayford (owner)"), responders);
        assertTrue(responders.contains("Ravi Mistry"), responders);
        ui.checkScreen("incident-call-out");

        ui.follow(By.id("incident-external"));
        ui.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("call-out")));
        assertTrue(ui.heading().contains("DR plan being run"), ui.heading());
    }
}
