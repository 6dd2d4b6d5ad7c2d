package org.sharedict.uitests;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit trail between two days (UK days, both included); a "to" before the "from" is said at its field. */
@ExtendWith(UiContext.class)
class AuditDatesIT {

    final UiContext ui = UiContext.get();

    private void filter() {
        WebElement before = ui.driver().findElement(By.cssSelector("main h1"));
        ui.press(By.id("filter-audit"));
        ui.waitUpTo(15).until(ExpectedConditions.stalenessOf(before));
        ui.waitForScreen();
    }

    @Test
    void anAdminNarrowsTheTrailToDaysAndIsToldWhenTheDaysAreTheWrongWayRound() {
        // Yesterday to tomorrow by the UK clock holds this run's sign-ins whatever the time of day.
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        ui.signInAs(ui.platform.adminUsername());
        ui.open("#/admin/audit");
        ui.setValue(By.cssSelector("input[name=from]"), today.plusDays(1).toString());
        ui.setValue(By.cssSelector("input[name=to]"), today.minusDays(1).toString());
        filter();
        String summary = ui.errorSummary();
        assertTrue(summary.contains("To (day, included)"), summary);
        WebElement to = ui.driver().findElement(By.cssSelector("[data-field=to]"));
        assertTrue(to.getAttribute("class").contains("govuk-form-group--error"), "said at the field");
        ui.checkScreen("admin-audit-dates-refused");

        ui.setValue(By.cssSelector("input[name=from]"), today.minusDays(1).toString());
        ui.setValue(By.cssSelector("input[name=to]"), today.plusDays(1).toString());
        filter();
        assertTrue(
                ui.driver().getCurrentUrl().contains("from=" + today.minusDays(1)),
                ui.driver().getCurrentUrl());
        List<WebElement> rows = ui.driver().findElements(By.cssSelector("#audit-entries tbody tr"));
        assertFalse(rows.isEmpty(), "this run's sign-ins are in the days asked for");
        assertTrue(
                ui.driver().findElements(By.cssSelector(".govuk-error-summary")).isEmpty());
        ui.checkPhone("admin-audit-dates-phone");
    }
}
