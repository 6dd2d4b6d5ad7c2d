package org.sharedict.uitests;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Picking a person from more people than one list holds: typing part of a name narrows the list to
 * those skills-service finds (all of them, not only the first 500 loaded), it is announced, and
 * clearing the search offers the first list again.
 */
@ExtendWith(UiContext.class)
class PersonSearchIT {

    final UiContext ui = UiContext.get();

    private List<String> offered(By select) {
        return new Select(ui.driver().findElement(select))
                .getOptions().stream()
                        .filter(o -> !o.getAttribute("value").isEmpty())
                        .map(WebElement::getText)
                        .toList();
    }

    /** Waits, reading the list afresh each time: it is rebuilt as results arrive. */
    private <T> T until(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return ui.waitUpTo(15)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    @Test
    void aManagerFindsAPersonForARotaLayerAndForLeaveByTypingPartOfTheName() {
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/rotas/new");
        By adder = By.cssSelector("select[name=add-PRIMARY]");
        int all = offered(adder).size();
        WebElement search = ui.driver()
                .findElement(By.cssSelector(
                        "input[name='search-" + ui.driver().findElement(adder).getAttribute("id") + "']"));
        search.sendKeys("Pilling");
        until(d -> offered(adder).size() < all && !offered(adder).isEmpty());
        List<String> found = offered(adder);
        assertTrue(found.stream().allMatch(t -> t.contains("Pilling")), found.toString());
        ui.waitUpTo(5).until(d -> ui.announced().contains("match"));
        new Select(ui.driver().findElement(adder)).selectByIndex(1);
        ui.driver().findElement(By.id("add-member-primary")).sendKeys(Keys.ENTER);
        ui.waitUpTo(5)
                .until(d -> d.findElement(By.cssSelector("#layer-primary .app-members"))
                        .getText()
                        .contains("Pilling"));
        ui.checkScreen("rota-edit-person-search");

        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        until(d -> offered(adder).size() == all - 1);

        ui.open("#/leave");
        By who = By.cssSelector("select[name=personId]");
        int staff = offered(who).size();
        WebElement leaveSearch = ui.driver()
                .findElement(By.cssSelector(
                        "input[name='search-" + ui.driver().findElement(who).getAttribute("id") + "']"));
        leaveSearch.sendKeys("Pilling");
        until(d -> offered(who).size() < staff);
        List<String> matches = offered(who);
        assertFalse(matches.isEmpty());
        assertTrue(matches.stream().allMatch(t -> t.contains("Pilling")), matches.toString());
        leaveSearch.sendKeys(Keys.chord(Keys.CONTROL, "a"), "zzzz-nobody");
        until(d -> offered(who).isEmpty());
        assertEquals(
                "Nobody’s name matches zzzz-nobody.",
                ui.waitUpTo(5).until(d -> ui.announced().startsWith("Nobody") ? ui.announced() : null));
        ui.checkPhone("leave-person-search-phone");
    }
}
