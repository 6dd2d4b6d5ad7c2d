package org.sharedict.uitests;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(UiContext.class)
class IncidentIT {

    final UiContext ui = UiContext.get();

    @Test
    void anEngineerRaisesAndAcknowledgesAnIncidentAndTheTimelineSaysSo() {
        ui.signInAs(UiContext.BBC_ENGINEER);
        ui.open("#/incidents");
        ui.driver().findElement(By.cssSelector("details summary")).click();
        String summary = "Core switch stack down at the Municipal Buildings "
                + UUID.randomUUID().toString().substring(0, 8);
        ui.driver().findElement(By.cssSelector("input[name=summary]")).sendKeys(summary);
        ui.driver().findElement(By.id("raise-incident")).click();

        ui.waitUpTo(15).until(ExpectedConditions.elementToBeClickable(By.id("acknowledge")));
        assertTrue(ui.heading().contains(summary));
        assertTrue(ui.driver().findElement(By.id("incident-live")).getText().contains("Not acknowledged"));
        ui.driver().findElement(By.id("acknowledge")).click();

        ui.waitUpTo(15)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("incident-timeline"), "Acknowledged by " + UiContext.BBC_ENGINEER));
        String state = ui.driver().findElement(By.id("incident-live")).getText();
        assertTrue(state.contains("Acknowledged"), state);
        assertTrue(
                ui.driver().findElements(By.id("acknowledge")).isEmpty(),
                "an acknowledged incident cannot be acknowledged again");
        ui.checkScreen("incident");
        ui.phoneScreenshot("incident-phone");
    }

    @Test
    void anIncidentRaisedElsewhereAppearsInTheListWithoutAReload() {
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/incidents");
        ui.script("window.__notReloaded = true");
        String summary = "Monitoring: VPN concentrator unreachable "
                + UUID.randomUUID().toString().substring(0, 8);
        PlatformApi admin =
                PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
        admin.post("/api/incidents", Map.of("partner", "BBC", "summary", summary, "severity", "CRITICAL"), 201);

        ui.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("open-incidents"), summary));
        assertEquals(
                Boolean.TRUE,
                ui.script("return window.__notReloaded === true"),
                "the list updated itself, the page was not reloaded");
        ui.checkScreen("incidents");
    }
}
