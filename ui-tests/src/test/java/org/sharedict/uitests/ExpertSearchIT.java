package org.sharedict.uitests;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(UiContext.class)
class ExpertSearchIT {

    final UiContext ui = UiContext.get();

    private void search(String... terms) {
        ui.open("#/experts");
        WebElement input = ui.driver().findElement(By.id("skill-term"));
        for (String t : terms) {
            input.sendKeys(t);
            ui.driver().findElement(By.id("add-skill")).click();
        }
        ui.driver().findElement(By.id("search-button")).click();
    }

    @Test
    void aManagerFindsAnExpertAtAnotherPartnerWithHowToContactThem() {
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/experts");
        ui.driver().findElement(By.id("skill-term")).sendKeys("citr");
        WebElement suggestion = ui.waitUpTo(10)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#skill-suggestions button")));
        assertTrue(suggestion.getText().contains("Citrix"), suggestion.getText());
        // Keyboard only: down into the suggestions, down to the one wanted, Enter.
        ui.driver().findElement(By.id("skill-term")).sendKeys(Keys.ARROW_DOWN);
        for (int i = 0;
                i < 8 && !ui.driver().switchTo().activeElement().getText().contains("Citrix Virtual Apps");
                i++) {
            ui.driver().switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        }
        ui.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        ui.waitUpTo(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chosen-skills"), "CITRIX"));
        ui.driver().findElement(By.id("search-button")).click();

        ui.waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("results-heading")));
        List<WebElement> cards = ui.driver().findElements(By.cssSelector(".app-expert"));
        assertFalse(cards.isEmpty(), "someone at another partner holds Citrix in the demo data");
        for (WebElement card : cards) {
            assertFalse(
                    card.findElement(By.cssSelector(".app-expert__partner"))
                            .getText()
                            .contains("Boston Borough Council"),
                    "'other partners only' leaves out the asker's own partner");
        }
        WebElement first = cards.get(0);
        assertTrue(first.getText().contains("Citrix Virtual Apps and Desktops"));
        assertTrue(
                first.findElement(By.cssSelector(".app-contact a[href^='tel:']"))
                        .getText()
                        .matches("[0-9 +()-]+"),
                "click-to-call");
        assertFalse(
                first.findElements(By.cssSelector(".app-contact a[href^='mailto:']"))
                        .isEmpty(),
                "click-to-email");
        assertTrue(
                ui.driver().getCurrentUrl().contains("skill=CITRIX"),
                "the search is in the address, so it can be shared");
        ui.checkScreen("find-an-expert");

        String name = first.findElement(By.cssSelector(".govuk-summary-card__title a"))
                .getText();
        ui.follow(By.cssSelector(".app-expert .govuk-summary-card__title a"));
        assertEquals(name, ui.heading().lines().reduce((a, b) -> b).orElse(""));
        assertTrue(ui.driver().findElement(By.tagName("main")).getText().contains("Citrix Virtual Apps and Desktops"));
        ui.checkScreen("person-profile");
    }

    @Test
    void aSharedOrBookmarkedSearchOpensWhateverItsSpellingAndOrder() {
        ui.signInAs(UiContext.BBC_MANAGER);
        // Spellings the app itself does not write: %20 for a space, another order, the default level.
        // The screen rewrites the address while it renders; the page must still be shown.
        String[][] links = {
            {"#/experts?skill=Citrix%20Virtual%20Apps%20and%20Desktops", "skill=Citrix+Virtual+Apps+and+Desktops"},
            {"#/experts?minLevel=2&skill=CITRIX", "skill=CITRIX&minLevel=2"},
            {"#/experts?skill=CITRIX&minLevel=1", "skill=CITRIX"},
        };
        for (String[] link : links) {
            ui.visit(link[0]);
            ui.waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("results-heading")));
            assertFalse(ui.driver().findElements(By.cssSelector(".app-expert")).isEmpty(), link[0]);
            assertTrue(
                    ui.driver()
                            .findElement(By.id("chosen-skills"))
                            .getText()
                            .contains(link[0].contains("CITRIX") ? "CITRIX" : "Citrix Virtual Apps"),
                    link[0]);
            assertTrue(
                    ui.driver().getCurrentUrl().endsWith("#/experts?" + link[1]),
                    ui.driver().getCurrentUrl());
        }
        // The same within the app, where following a link changes only the hash.
        WebElement before = ui.driver().findElement(By.id("results-heading"));
        ui.script(
                "location.hash = arguments[0]", "#/experts?minLevel=1&skill=Citrix%20Virtual%20Apps%20and%20Desktops");
        ui.waitUpTo(20).until(ExpectedConditions.stalenessOf(before));
        ui.waitForScreen();
        ui.waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("results-heading")));
        assertTrue(
                ui.driver().getCurrentUrl().endsWith("#/experts?skill=Citrix+Virtual+Apps+and+Desktops"),
                ui.driver().getCurrentUrl());
        assertEquals("Find an expert – Shared ICT Support", ui.driver().getTitle());
    }

    @Test
    void anAliasAndATypoAreUnderstoodAndSaidSo() {
        ui.signInAs(UiContext.BBC_MANAGER);
        search("XenApp", "citirx");
        ui.waitUpTo(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "Searched for"));
        String said = ui.driver().findElement(By.id("results")).getText();
        assertTrue(said.contains("“XenApp” as Citrix Virtual Apps and Desktops (another name for it)"), said);
        assertTrue(said.contains("“citirx” as Citrix Virtual Apps and Desktops (spelling corrected)"), said);
    }

    @Test
    void anUnknownSkillIsExplainedNextToTheField() {
        ui.signInAs(UiContext.BBC_MANAGER);
        search("qqxxzzqq");
        WebElement summary = ui.waitUpTo(15)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
        assertTrue(summary.getText().contains("There is a problem"));
        assertTrue(summary.getText().contains("qqxxzzqq"), summary.getText());
        assertFalse(
                summary.getText().toLowerCase().contains("request id"),
                "a request ID is for server faults only: " + summary.getText());
        assertFalse(
                ui.driver()
                        .findElements(By.cssSelector("[data-field=skill].govuk-form-group--error .govuk-error-message"))
                        .isEmpty(),
                "the API's errors[].field is shown at the skill field");
        ui.checkScreen("find-an-expert-error");
    }
}
