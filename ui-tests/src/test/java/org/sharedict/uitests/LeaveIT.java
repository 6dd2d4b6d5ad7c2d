package org.sharedict.uitests;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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

/**
 * Booking leave: one's own, a manager for their staff, nobody else's; cancelling it. Leave is one
 * record: booked on the rota leave screen it shows on the person's profile, and an "away until" on a
 * profile shows on the rota leave screen.
 */
@ExtendWith(UiContext.class)
class LeaveIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    final UiContext ui = UiContext.get();

    private PlatformApi admin() {
        return PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
    }

    private static List<Long> leaveOf(PlatformApi api, long personId) {
        List<Long> ids = new ArrayList<>();
        api.get("/api/rotas/leave?personId=" + personId)
                .forEach(l -> ids.add(l.get("id").asLong()));
        return ids;
    }

    @Test
    void anEngineerBooksTheirOwnLeaveSeesItListedAndCancelsIt() {
        PlatformApi admin = admin();
        JsonNode me = admin.get("/api/people?partner=BBC&size=1&sort=name")
                .get("items")
                .get(0);
        long person = me.get("id").asLong();
        // Months ahead, so it is listed whatever today is, and clear of leave another test books.
        LocalDate first = LocalDate.now(LONDON).plusDays(120);
        LocalDate last = first.plusDays(4);

        ui.signInAs(UiContext.BBC_ENGINEER);
        ui.open("#/leave");
        assertTrue(
                ui.driver()
                        .findElements(By.cssSelector("select[name=personId]"))
                        .isEmpty(),
                "an engineer books only their own leave: no one to choose");
        ui.setValue(By.cssSelector("input[name=start]"), last.toString());
        ui.setValue(By.cssSelector("input[name=end]"), first.toString());
        ui.driver().findElement(By.id("book-leave")).sendKeys(Keys.ENTER);
        ui.errorSummary();
        WebElement endGroup = ui.driver().findElement(By.cssSelector("[data-field=end]"));
        assertTrue(
                endGroup.getText().contains("The last day must be the same as or after the first day"),
                endGroup.getText());

        ui.setValue(By.cssSelector("input[name=start]"), first.toString());
        ui.setValue(By.cssSelector("input[name=end]"), last.toString());
        ui.driver().findElement(By.cssSelector("input[name=reason]")).sendKeys("Annual leave (browser tests)");
        ui.driver().findElement(By.id("book-leave")).sendKeys(Keys.ENTER);
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"),
                        "Leave is booked for " + me.get("name").asText()));
        assertEquals(1, leaveOf(admin, person).size(), "the leave is recorded once");
        WebElement row = ui.driver()
                .findElement(By.xpath("//table[@id='leave-list']//tr[contains(., 'Annual leave (browser tests)')]"));
        assertTrue(row.getText().contains("(5 days)"), row.getText());
        ui.checkScreen("leave");
        ui.checkPhone("leave-phone");

        row.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Cancel')]"))
                .sendKeys(Keys.ENTER);
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"), "is cancelled"));
        assertEquals(List.of(), leaveOf(admin, person));
    }

    @Test
    void aManagerBooksLeaveForTheirStaffAndADrLeadIsOfferedNone() {
        PlatformApi admin = admin();
        JsonNode staff = admin.get("/api/people?partner=BBC&size=2&sort=name")
                .get("items")
                .get(1);
        long person = staff.get("id").asLong();
        LocalDate first = LocalDate.now(LONDON).plusDays(150);

        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/leave");
        Select who = new Select(ui.driver().findElement(By.cssSelector("select[name=personId]")));
        List<String> offered =
                who.getOptions().stream().map(o -> o.getAttribute("value")).toList();
        List<String> boston = new ArrayList<>();
        admin.get("/api/people?partner=BBC&size=500")
                .get("items")
                .forEach(p -> boston.add(p.get("id").asText()));
        assertTrue(boston.containsAll(offered), "a manager is offered only their own partner's people: " + offered);
        who.selectByValue(String.valueOf(person));
        ui.setValue(By.cssSelector("input[name=start]"), first.toString());
        ui.setValue(By.cssSelector("input[name=end]"), first.toString());
        ui.driver().findElement(By.id("book-leave")).sendKeys(Keys.ENTER);
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"),
                        "Leave is booked for " + staff.get("name").asText()));
        List<Long> booked = leaveOf(admin, person);
        assertEquals(1, booked.size());

        ui.signInAs(UiContext.COL_DR_LEAD);
        ui.open("#/leave");
        assertTrue(
                ui.driver().findElements(By.id("book-leave")).isEmpty(),
                "a DR lead without a person of their own books no leave");
        assertTrue(
                ui.driver()
                        .findElements(By.xpath("//main//button[starts-with(normalize-space(), 'Cancel')]"))
                        .isEmpty(),
                "nor cancels anyone's");
        assertTrue(
                ui.driver()
                        .findElement(By.id("leave-list"))
                        .getText()
                        .contains(staff.get("name").asText()),
                "but sees who is away");
        assertFalse(ui.driver().findElement(By.tagName("main")).getText().contains("Book leave"));
        ui.checkScreen("leave-read-only");

        admin.delete("/api/rotas/leave/" + booked.get(0), 204);
    }

    @Test
    void leaveBookedOnTheRotaScreenShowsOnTheProfileAndAwayUntilOnAProfileShowsOnTheRotaScreen() {
        PlatformApi admin = admin();
        JsonNode me = admin.get("/api/people?partner=BBC&size=1&sort=name")
                .get("items")
                .get(0);
        long person = me.get("id").asLong();
        LocalDate first = LocalDate.now(LONDON).plusDays(200);

        ui.signInAs(UiContext.BBC_ENGINEER);
        ui.open("#/leave");
        ui.setValue(By.cssSelector("input[name=start]"), first.toString());
        ui.setValue(By.cssSelector("input[name=end]"), first.plusDays(1).toString());
        ui.driver().findElement(By.cssSelector("input[name=reason]")).sendKeys("Course (one record)");
        ui.driver().findElement(By.id("book-leave")).sendKeys(Keys.ENTER);
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"), "Leave is booked"));
        ui.driver()
                .findElement(By.xpath("//table[@id='leave-list']//a[@href='#/people/" + person + "']"))
                .sendKeys(Keys.ENTER);
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("person-leave"), "Course (one record)"));
        ui.checkScreen("person-leave");
        List<Long> booked = leaveOf(admin, person);
        assertEquals(1, booked.size());
        admin.delete("/api/rotas/leave/" + booked.get(0), 204);

        // The other way: an "away until" entered on a profile is on the rota leave screen.
        JsonNode other = admin.get("/api/people?partner=BBC&size=3&sort=name")
                .get("items")
                .get(2);
        long otherId = other.get("id").asLong();
        java.util.Map<String, Object> away = new java.util.HashMap<>();
        away.put("helpOtherPartners", other.get("helpOtherPartners").asBoolean());
        away.put("helpHoursPerMonth", other.get("helpHoursPerMonth").asInt());
        away.put("outOfHours", other.get("outOfHours").asBoolean());
        away.put("unavailableUntil", LocalDate.now(LONDON).plusDays(2).toString());
        away.put("unavailableReason", "Off sick (one record)");
        away.put("version", other.get("version").asLong());
        JsonNode changed = admin.put("/api/people/" + otherId + "/availability", away, 200);
        try {
            // rota-service's copy of skills-service's leave is at most 30 s old.
            ui.waitUpTo(90).until(d -> {
                ui.open("#/leave");
                return d.findElement(By.id("leave-list")).getText().contains("Off sick (one record)");
            });
            ui.checkScreen("leave-from-profile");
        } finally {
            away.put("unavailableUntil", null);
            away.put("unavailableReason", null);
            away.put("version", changed.get("version").asLong());
            admin.put("/api/people/" + otherId + "/availability", away, 200);
        }
    }
}
