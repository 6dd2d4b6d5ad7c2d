package org.sharedict.uitests;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The copy-holder register and the findings and actions of an exercise, by keyboard, at desk and phone width. */
@ExtendWith(UiContext.class)
class DrCopiesAndActionsIT {

    final UiContext ui = UiContext.get();

    private long approvedPlanOf(String partner) {
        PlatformApi admin =
                PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
        return admin.get("/api/dr/plans?partner=" + partner + "&status=APPROVED")
                .get("items")
                .get(0)
                .get("id")
                .asLong();
    }

    private void type(String name, String text) {
        WebElement field = ui.driver().findElement(By.name(name));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void aDrLeadKeepsTheRegisterOfWhoHoldsTheOfflineCopies() {
        long plan = approvedPlanOf("COL");
        ui.signInAs(UiContext.COL_DR_LEAD);
        ui.open("#/dr/plans/" + plan + "/copies");
        assertTrue(ui.heading().contains("Copy holders"), ui.heading());
        String register = ui.driver().findElement(By.id("copy-register")).getText();
        // The demo: COL's DR lead at work and at home, and Boston's DR lead, none acknowledged yet.
        assertTrue(register.contains("DR lead, COL (home)"), register);
        assertTrue(register.contains("Not acknowledged"), register);
        ui.checkScreen("dr-copy-holders");
        ui.checkPhone("dr-copy-holders-phone");

        // A wrong address is refused next to its field.
        type("name", "Sam Carter");
        type("email", "sam.carter at home");
        ui.press(By.id("add-copy-holder"));
        assertTrue(ui.errorSummary().contains("E-mail address"), ui.errorSummary());

        String address = "sam.carter." + System.nanoTime() + "@home.example.net";
        type("email", address);
        type("note", "printed, at home");
        ui.driver().findElement(By.name("note")).sendKeys(Keys.ENTER);
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("main"), "Sam Carter holds a copy. Revision"));
        assertTrue(ui.driver().findElement(By.id("copy-register")).getText().contains(address));
        ui.checkScreen("dr-copy-holders-added");

        WebElement remove = ui.driver().findElements(By.cssSelector("[id^='remove-holder-']")).stream()
                .filter(b -> b.getText().contains("Sam Carter"))
                .findFirst()
                .orElseThrow();
        ui.press(By.id(remove.getAttribute("id")));
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("main"), "Sam Carter no longer holds a copy."));

        // Another partner's user sees neither the addresses nor the form.
        ui.signInAs(UiContext.LCC_VIEWER);
        ui.open("#/dr/plans/" + plan + "/copies");
        assertTrue(ui.mainText().contains("Only users of COL see who holds its plan"), ui.mainText());
        assertTrue(ui.driver().findElements(By.id("add-copy-holder")).isEmpty());
    }

    @Test
    void findingsOfAnExerciseBecomeActionsWithAnOwnerAndADueDateAndOverdueOnesAreReported() {
        long plan = approvedPlanOf("COL");
        ui.signInAs(UiContext.COL_DR_LEAD);
        ui.open("#/dr/plans/" + plan + "/exercises");
        WebElement add = ui.driver().findElement(By.cssSelector("[id^='add-action-']"));
        String exercise = add.getAttribute("id").substring("add-action-".length());
        WebElement details = add.findElement(By.xpath("ancestor::details"));
        details.findElement(By.tagName("summary")).sendKeys(Keys.ENTER);
        String action = "Test the generator changeover " + System.nanoTime();
        WebElement description = details.findElement(By.name("description"));
        description.sendKeys(action);
        details.findElement(By.name("owner")).sendKeys("Facilities manager");
        details.findElement(By.name("dueDate"))
                .sendKeys(LocalDate.now().minusDays(3).toString());
        ui.press(By.id("add-action-" + exercise));
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("main"), "The action is added for Facilities manager."));
        String overdue = ui.driver().findElement(By.id("overdue-actions")).getText();
        assertTrue(overdue.contains(action), overdue);
        ui.checkScreen("dr-exercise-actions");
        ui.checkPhone("dr-exercise-actions-phone");

        WebElement close = ui.driver().findElements(By.cssSelector("[id^='close-action-" + exercise + "-']")).stream()
                .reduce((first, last) -> last)
                .orElseThrow();
        ui.press(By.id(close.getAttribute("id")));
        ui.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "is done."));
        assertTrue(
                ui.driver().findElements(By.id("overdue-actions")).isEmpty()
                        || !ui.driver()
                                .findElement(By.id("overdue-actions"))
                                .getText()
                                .contains(action),
                "a closed action is no longer overdue");

        // Recording results: the findings are kept, one a line.
        WebElement record = ui.driver().findElement(By.id("record-results-" + exercise));
        record.findElement(By.xpath("ancestor::details"))
                .findElement(By.tagName("summary"))
                .sendKeys(Keys.ENTER);
        WebElement findings = record.findElement(By.xpath("ancestor::form")).findElement(By.name("findings"));
        findings.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\nNobody had the supplier's out-of-hours number");
        ui.press(By.id("record-results-" + exercise));
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("main"), "The results are recorded."));
        assertTrue(ui.mainText().contains("Nobody had the supplier's out-of-hours number"));

        ui.signInAs(UiContext.LCC_VIEWER);
        ui.open("#/dr/plans/" + plan + "/exercises");
        assertTrue(
                ui.driver().findElements(By.cssSelector("[id^='add-action-']")).isEmpty(), "a viewer adds no action");
        assertTrue(ui.driver()
                .findElements(By.cssSelector("[id^='record-results-']"))
                .isEmpty());
    }
}
