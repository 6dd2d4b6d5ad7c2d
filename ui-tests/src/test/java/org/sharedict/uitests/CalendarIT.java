package org.sharedict.uitests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The working-hours calendar and bank holidays: everyone reads them, partnership admins change them. */
@ExtendWith(UiContext.class)
class CalendarIT {

    private static final String NAME = "Partnership away day (browser tests)";

    final UiContext ui = UiContext.get();

    private PlatformApi admin() {
        return PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
    }

    private static JsonNode holiday(PlatformApi api, String date) {
        for (JsonNode h : api.get("/api/calendar/bank-holidays?year=" + date.substring(0, 4))) {
            if (h.get("date").asText().equals(date)) {
                return h;
            }
        }
        return null;
    }

    private WebElement row(String text) {
        return ui.driver().findElement(By.xpath("//table[@id='holidays-table']//tr[contains(., \"" + text + "\")]"));
    }

    @Test
    void anAdminAddsChangesAndRemovesABankHoliday() {
        PlatformApi admin = admin();
        ui.signInAs(ui.platform.adminUsername());
        ui.open("#/calendar?year=2029");
        assertTrue(ui.heading().contains("Working hours and bank holidays"));
        assertFalse(ui.driver().findElements(By.id("save-hours")).isEmpty(), "an admin may change the working day");

        // A date that already has a bank holiday is refused, and said at the date field.
        ui.setValue(By.cssSelector("input[name=date]"), "2029-12-25");
        ui.driver().findElement(By.cssSelector("input[name=name]")).sendKeys(NAME);
        ui.driver().findElement(By.id("save-holiday")).sendKeys(Keys.ENTER);
        ui.errorSummary();
        assertTrue(ui.driver()
                .findElement(By.cssSelector("[data-field=date]"))
                .getAttribute("class")
                .contains("govuk-form-group--error"));

        ui.setValue(By.cssSelector("input[name=date]"), "2029-06-15");
        ui.driver().findElement(By.id("save-holiday")).sendKeys(Keys.ENTER);
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"), NAME + " on 15 June 2029 is added."));
        assertTrue(row(NAME).getText().contains("Friday"), row(NAME).getText());
        ui.checkScreen("calendar");
        ui.checkPhone("calendar-phone");

        // Change: the form takes the holiday, focus goes to its name.
        row(NAME)
                .findElement(By.xpath(".//button[starts-with(normalize-space(), 'Change')]"))
                .sendKeys(Keys.ENTER);
        WebElement name = ui.driver().switchTo().activeElement();
        assertEquals("name", name.getAttribute("name"));
        assertTrue(
                ui.driver().findElement(By.id("holiday-form-title")).getText().contains("Change " + NAME));
        name.sendKeys(" renamed");
        ui.driver().findElement(By.id("save-holiday")).sendKeys(Keys.ENTER);
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"), "is saved."));
        assertEquals(NAME + " renamed", holiday(admin, "2029-06-15").get("name").asText());

        row(NAME + " renamed")
                .findElement(By.xpath(".//button[starts-with(normalize-space(), 'Remove')]"))
                .sendKeys(Keys.ENTER);
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"), "is removed."));
        assertEquals(null, holiday(admin, "2029-06-15"));
    }

    @Test
    void anAdminChangesTheWorkingDayAndAnEndBeforeItsStartIsSaidAtItsField() {
        PlatformApi admin = admin();
        JsonNode before = admin.get("/api/calendar");
        String start = before.get("dayStart").asText().substring(0, 5);
        String end = before.get("dayEnd").asText().substring(0, 5);
        String later = java.time.LocalTime.parse(end).plusMinutes(1).toString();
        ui.signInAs(ui.platform.adminUsername());
        ui.open("#/calendar");
        try {
            ui.setValue(By.cssSelector("input[name=dayEnd]"), start);
            ui.driver().findElement(By.id("save-hours")).sendKeys(Keys.ENTER);
            assertTrue(ui.errorSummary().contains("Working day ends"), "the refusal names the field");
            assertTrue(ui.driver()
                    .findElement(By.cssSelector("[data-field=dayEnd]"))
                    .getAttribute("class")
                    .contains("govuk-form-group--error"));

            ui.setValue(By.cssSelector("input[name=dayEnd]"), later);
            ui.driver().findElement(By.id("save-hours")).sendKeys(Keys.ENTER);
            ui.waitUpTo(20)
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".govuk-notification-banner--success"),
                            "Working hours are now " + start + " to " + later + "."));
            assertEquals(
                    later, admin.get("/api/calendar").get("dayEnd").asText().substring(0, 5));
        } finally {
            // The working day as it was: low-urgency pages elsewhere in the run wait for it.
            JsonNode now = admin.get("/api/calendar");
            admin.put(
                    "/api/calendar",
                    java.util.Map.of(
                            "dayStart",
                            start,
                            "dayEnd",
                            end,
                            "version",
                            now.get("version").asLong()),
                    200);
        }
    }

    @Test
    void aManagerReadsTheCalendarButIsOfferedNoChange() {
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/calendar?year=2027");
        assertTrue(ui.driver().findElement(By.id("holidays-table")).getText().contains("Christmas Day"));
        assertTrue(ui.driver().findElements(By.id("save-hours")).isEmpty(), "no change of working hours");
        assertTrue(ui.driver().findElements(By.id("save-holiday")).isEmpty(), "no bank holiday to add");
        assertTrue(
                ui.driver()
                        .findElements(By.cssSelector("#holidays-table button"))
                        .isEmpty(),
                "no Change or Remove");
        ui.checkScreen("calendar-read-only");
    }
}
