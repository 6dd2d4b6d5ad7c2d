package org.sharedict.uitests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Monitoring intake: a manager makes an integration key, a script uses it, planned work is suppressed, not paged. */
@ExtendWith(UiContext.class)
class MonitoringIT {

    final UiContext ui = UiContext.get();

    /** What a monitoring script does: POST JSON to the key's URL, no user, no session. */
    private int postAlert(String url, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    @Test
    void aManagerCreatesAKeyAScriptUsesItAndPlannedWorkIsSuppressed() throws Exception {
        String name = "PRTG at the Municipal Buildings "
                + UUID.randomUUID().toString().substring(0, 6);
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/incidents");
        ui.press(By.linkText("Monitoring intake"));
        ui.waitForHeading("Monitoring intake");

        WebElement create = ui.driver().findElement(By.xpath("//summary[contains(., 'Create an integration key')]"));
        create.sendKeys(Keys.ENTER);
        ui.driver()
                .findElement(By.cssSelector("#keys ~ details input[name=name]"))
                .sendKeys(name);
        ui.driver()
                .findElement(By.cssSelector("#keys ~ details input[name=service]"))
                .sendKeys("Library network");
        ui.press(By.id("create-key"));
        WebElement key = ui.waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key")));
        assertEquals("new-key", ui.driver().switchTo().activeElement().getAttribute("id"), "focus moves to the key");
        assertTrue(key.getAttribute("value").startsWith("rik_"));
        assertTrue(ui.driver()
                .findElement(By.id("new-url-events"))
                .getAttribute("value")
                .endsWith("/events"));
        String events = ui.platform.baseUrl() + "/api/intake/" + key.getAttribute("value") + "/events";
        ui.checkScreen("monitoring-key-created");

        assertEquals(202, postAlert(events, "{\"action\": \"resolve\", \"dedupKey\": \"prtg-never-raised\"}"));

        ui.open("#/monitoring");
        ui.driver()
                .findElement(By.xpath("//summary[contains(., 'maintenance window')]"))
                .sendKeys(Keys.ENTER);
        ui.driver()
                .findElement(By.cssSelector("#maintenance ~ details input[name=reason]"))
                .sendKeys("Router swap");
        ui.press(By.id("start-maintenance"));
        ui.waitUpTo(15)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("maintenance-table"), "Router swap"));

        assertEquals(
                202,
                postAlert(
                        events,
                        "{\"action\": \"trigger\", \"dedupKey\": \"prtg-42\", \"summary\": \"Library router down\"}"));
        ui.press(By.id("suppressed-alerts"));
        ui.waitUpTo(15)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("alerts-table"), "Library router down"));
        assertTrue(ui.mainText().contains("Suppressed"));
        assertTrue(ui.mainText().contains(name), "the key is listed, with its last alert");
        ui.checkScreen("monitoring");
        ui.checkPhone("monitoring-phone");
    }

    @Test
    void anEngineerIsToldMonitoringIsForManagers() {
        ui.signInAs(UiContext.BBC_ENGINEER);
        ui.open("#/monitoring");
        assertTrue(ui.mainText().contains("Only ICT managers"), ui.mainText());
        assertTrue(ui.driver().findElements(By.id("create-key")).isEmpty());
        ui.checkScreen("monitoring-engineer");
    }
}
