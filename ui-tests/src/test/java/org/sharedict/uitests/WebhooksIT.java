package org.sharedict.uitests;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A manager subscribes a system to their partner's incident events, by keyboard, sees the secret once,
 * edits the subscription and rotates its secret.
 */
@ExtendWith(UiContext.class)
class WebhooksIT {

    final UiContext ui = UiContext.get();

    @Test
    void aManagerSubscribesSeesTheSecretOnceSendsATestCallAndDeletesIt() {
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/incidents");
        ui.follow(By.linkText("Lifecycle webhooks"));
        ui.waitForHeading("Lifecycle webhooks");
        ui.checkScreen("webhooks-empty");

        String name = "Service desk " + UUID.randomUUID().toString().substring(0, 8);
        WebElement url = ui.driver().findElement(By.cssSelector("input[name=url]"));
        url.sendKeys("https://desk.example.gov.uk/hooks/sharedict");
        ui.driver().findElement(By.cssSelector("input[name=description]")).sendKeys(name);
        // Escalated is off by default; the keyboard turns it on.
        WebElement escalated = ui.driver().findElement(By.cssSelector("input[name='event-incident.escalated']"));
        escalated.sendKeys(Keys.SPACE);
        assertTrue(escalated.isSelected());
        ui.press(By.id("subscribe"));

        WebElement secret =
                ui.waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("webhook-secret")));
        assertTrue(secret.getText().startsWith("whsec_"), secret.getText());
        String firstSecret = secret.getText();
        ui.waitUpTo(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhooks"), name));
        String events = ui.driver().findElement(By.id("webhooks")).getText();
        assertTrue(events.contains("triggered, acknowledged, escalated, resolved"), events);
        ui.checkScreen("webhooks");
        ui.driver().manage().window().setSize(new org.openqa.selenium.Dimension(Browser.PHONE_WIDTH, 900));
        ui.waitUpTo(5).until(d -> ((Number) ui.script("return window.innerWidth")).intValue() <= Browser.PHONE_WIDTH);
        Object wide = ui.script(
                "return [...document.querySelectorAll('body *')]"
                        + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                        + ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')");
        ui.driver().manage().window().setSize(new org.openqa.selenium.Dimension(Browser.WIDTH, 1000));
        assertEquals("", wide, "nothing is wider than a phone's screen");
        ui.checkPhone("webhooks-phone");

        WebElement card = ui.driver()
                .findElement(By.xpath(
                        "//div[contains(@class,'govuk-summary-card')][.//h3[normalize-space()='" + name + "']]"));
        String cardId = card.getAttribute("id");
        ui.press(By.id(cardId + "-test"));
        ui.waitUpTo(15)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id(cardId + "-calls"), "test call"));

        // The secret is not shown again once the screen is left.
        ui.open("#/webhooks");
        ui.waitUpTo(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhooks"), name));
        assertTrue(ui.driver().findElements(By.id("webhook-secret")).isEmpty());

        // Edit, by keyboard: a new name, and events switched off; the card says so.
        ui.press(By.id(cardId + "-edit"));
        WebElement newName = ui.waitUpTo(10)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("input[name='" + cardId + "-description']")));
        newName.clear();
        newName.sendKeys(name + " paused");
        WebElement sending = ui.driver().findElement(By.cssSelector("input[name='" + cardId + "-enabled']"));
        assertTrue(sending.isSelected());
        sending.sendKeys(Keys.SPACE);
        ui.checkScreen("webhooks-edit");
        ui.press(By.id(cardId + "-save"));
        ui.waitUpTo(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id(cardId + "-state"), "Off"));
        assertTrue(ui.driver().findElement(By.id(cardId)).getText().contains(name + " paused"));

        // A new secret, after a warning, shown once.
        ui.press(By.id(cardId + "-rotate"));
        ui.press(By.id(cardId + "-rotate-confirm"));
        WebElement rotated =
                ui.waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(By.id(cardId + "-secret")));
        assertTrue(rotated.getText().startsWith("whsec_"), rotated.getText());
        assertNotEquals(firstSecret, rotated.getText());

        ui.press(By.id(cardId + "-delete"));
        ui.press(By.xpath("//button[normalize-space()='Yes, delete this subscription']"));
        ui.waitUpTo(15).until(ExpectedConditions.invisibilityOfElementLocated(By.id(cardId)));
    }

    @Test
    void anEngineerIsNotOfferedWebhooks() {
        ui.signInAs(UiContext.BBC_ENGINEER);
        ui.open("#/incidents");
        assertTrue(ui.driver().findElements(By.linkText("Lifecycle webhooks")).isEmpty());
        ui.open("#/webhooks");
        assertEquals(0, ui.driver().findElements(By.id("subscribe")).size());
        assertTrue(ui.mainText().contains("Only ICT managers"), ui.mainText());
        ui.checkScreen("webhooks-not-allowed");
    }
}
