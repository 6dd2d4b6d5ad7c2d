package org.sharedict.uitests;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Escalation policies: a manager writes one step by step, makes it their partner's default, deletes it; others only read. */
@ExtendWith(UiContext.class)
class EscalationIT {

    private static final String CARD = "//div[contains(@class, 'govuk-summary-card')]";

    final UiContext ui = UiContext.get();

    private PlatformApi admin() {
        return PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
    }

    private static JsonNode policyNamed(PlatformApi api, String name) {
        for (JsonNode p : api.get("/api/escalation-policies")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private static long defaultOf(PlatformApi api, String partner) {
        for (JsonNode d : api.get("/api/escalation-policies/defaults")) {
            if (d.get("partner").asText().equals(partner)) {
                return d.get("policyId").asLong();
            }
        }
        return -1;
    }

    private void choose(String id, String value) {
        new Select(ui.driver().findElement(By.id(id))).selectByValue(value);
    }

    @Test
    void aManagerWritesAPolicyStepByStepMakesItTheDefaultAndDeletesIt() {
        PlatformApi admin = admin();
        JsonNode rota = admin.get("/api/rotas?partner=BBC&size=1&sort=name")
                .get("items")
                .get(0);
        long before = defaultOf(admin, "BBC");
        String name = "Boston escalation " + UUID.randomUUID().toString().substring(0, 8);

        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/escalation");
        assertFalse(ui.driver()
                .findElements(By.xpath(CARD + "[.//h3[normalize-space()='Partnership standard escalation']]"))
                .isEmpty());
        assertTrue(
                ui.driver()
                        .findElements(
                                By.xpath(
                                        CARD
                                                + "[.//h3[normalize-space()='Partnership standard escalation']]//a[contains(@href, '/edit')]"))
                        .isEmpty(),
                "a manager is not offered to edit a partnership-wide policy");
        ui.follow(By.id("new-policy"));
        assertEquals(
                1,
                new Select(ui.driver().findElement(By.cssSelector("select[name=partner]")))
                        .getOptions()
                        .size(),
                "a manager writes policies for their own partner only");
        ui.driver().findElement(By.cssSelector("input[name=name]")).sendKeys(name);
        // Step 1 pages the rota's primary; step 2 the managers and a webhook, added with the keyboard.
        choose("step-0-target-0-rota", rota.get("id").asText());
        ui.driver().findElement(By.id("step-1-add-target")).sendKeys(Keys.ENTER);
        assertEquals(
                "step-1-target-1-kind",
                ui.driver().switchTo().activeElement().getAttribute("id"),
                "focus moves to the new target");
        choose("step-1-target-1-kind", "WEBHOOK");
        ui.waitUpTo(5).until(ExpectedConditions.presenceOfElementLocated(By.id("step-1-target-1-url")));
        assertEquals(
                "step-1-target-1-kind",
                ui.driver().switchTo().activeElement().getAttribute("id"),
                "focus stays on the choice just made");
        ui.driver().findElement(By.id("step-1-target-1-url")).sendKeys("teams channel");
        // Steps change places by keyboard, focus going with the step moved; and back again.
        ui.driver().findElement(By.id("step-1-earlier")).sendKeys(Keys.ENTER);
        assertEquals("step-0-later", ui.driver().switchTo().activeElement().getAttribute("id"));
        assertEquals(
                "PARTNER_MANAGER",
                new Select(ui.driver().findElement(By.id("step-0-target-0-kind")))
                        .getFirstSelectedOption()
                        .getAttribute("value"));
        ui.waitUpTo(5).until(d -> ui.announced().contains("Step 2 is now step 1."));
        ui.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        assertEquals("step-1-earlier", ui.driver().switchTo().activeElement().getAttribute("id"));
        assertEquals(
                "teams channel",
                ui.driver().findElement(By.id("step-1-target-1-url")).getAttribute("value"),
                "what was typed moves with its step");
        WebElement repeat = ui.driver().findElement(By.cssSelector("input[name=repeatCount]"));
        repeat.clear();
        repeat.sendKeys("1");
        ui.driver().findElement(By.id("save-policy")).sendKeys(Keys.ENTER);
        String said = ui.errorSummary();
        assertFalse(said.contains("request ID"), said);
        WebElement urlGroup = ui.driver().findElement(By.cssSelector("[data-field='steps[1].targets[1].url']"));
        assertTrue(
                urlGroup.getAttribute("class").contains("govuk-form-group--error"),
                "the refusal is shown at the webhook's field");
        ui.checkScreen("escalation-edit");
        ui.checkPhone("escalation-edit-phone");

        WebElement url = ui.driver().findElement(By.id("step-1-target-1-url"));
        url.clear();
        url.sendKeys("https://chat.example.gov.uk/hooks/boston-ict");
        // Severity decides who: the managers are paged in step 2 for critical incidents only.
        choose("step-1-target-0-severity", "CRITICAL");
        ui.driver().findElement(By.id("save-policy")).sendKeys(Keys.ENTER);
        ui.waitForHeading("Escalation policies");
        ui.waitUpTo(10)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"), name + " is created."));
        JsonNode made = policyNamed(admin, name);
        assertEquals("BBC", made.get("partner").asText());
        assertEquals(1, made.get("repeatCount").asInt());
        assertEquals(2, made.get("steps").size());
        assertEquals(
                "ROTA_LAYER",
                made.get("steps").get(0).get("targets").get(0).get("kind").asText());
        assertEquals(2, made.get("steps").get(1).get("targets").size());
        assertEquals(
                "CRITICAL",
                made.get("steps")
                        .get(1)
                        .get("targets")
                        .get(0)
                        .get("minSeverity")
                        .asText());
        long id = made.get("id").asLong();
        String card = ui.driver().findElement(By.id("policy-" + id)).getText();
        assertTrue(
                card.contains("Page the primary on call of " + rota.get("name").asText()), card);
        assertTrue(card.contains("start again from step 1 (1 more time)"), card);
        assertTrue(card.contains("(for critical incidents only)"), card);

        // Made Boston's default, it cannot be deleted: the refusal is said in words.
        new Select(ui.driver().findElement(By.cssSelector("select[name=policyId]"))).selectByValue(String.valueOf(id));
        ui.driver().findElement(By.id("save-default")).sendKeys(Keys.ENTER);
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"), "now follow " + name));
        assertEquals(id, defaultOf(admin, "BBC"));
        assertTrue(ui.driver().findElement(By.id("defaults-table")).getText().contains(name));
        ui.checkScreen("escalation-policies");
        ui.checkPhone("escalation-policies-phone");
        ui.driver().findElement(By.id("delete-policy-" + id)).sendKeys(Keys.ENTER);
        ui.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        assertTrue(ui.errorSummary().contains("default"), "a default policy is not deleted, and the page says why");

        admin.put("/api/escalation-policies/defaults/BBC", Map.of("policyId", before), 200);
        ui.open("#/escalation");
        ui.driver().findElement(By.id("delete-policy-" + id)).sendKeys(Keys.ENTER);
        ui.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"), name + " is deleted."));
        assertEquals(404, admin.status("/api/escalation-policies/" + id));
    }

    @Test
    void aDrLeadReadsThePoliciesButIsOfferedNoChange() {
        ui.signInAs(UiContext.COL_DR_LEAD);
        ui.open("#/escalation");
        assertFalse(
                ui.driver()
                        .findElements(By.cssSelector("#policies .govuk-summary-card"))
                        .isEmpty(),
                "the policies are listed");
        assertTrue(ui.driver().findElements(By.id("new-policy")).isEmpty(), "no Create");
        assertTrue(
                ui.driver()
                        .findElements(By.cssSelector("#policies a[href$='/edit']"))
                        .isEmpty(),
                "no Edit");
        assertTrue(ui.driver().findElements(By.cssSelector("#policies button")).isEmpty(), "no Delete");
        assertTrue(ui.driver().findElements(By.id("save-default")).isEmpty(), "no change of default");
        ui.checkScreen("escalation-read-only");
        ui.open("#/escalation/new");
        assertEquals("You cannot change this policy", ui.heading());
    }
}
