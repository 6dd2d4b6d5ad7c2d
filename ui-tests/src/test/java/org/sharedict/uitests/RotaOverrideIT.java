package org.sharedict.uitests;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A manager puts someone else on call for a day with the rota's override form, is told at the field when the period is backwards, and removes it. */
@ExtendWith(UiContext.class)
class RotaOverrideIT {

    final UiContext ui = UiContext.get();

    private static long rotaCoveringBoston(PlatformApi admin) {
        for (JsonNode r : admin.get("/api/rotas?size=100").get("items")) {
            for (JsonNode p : r.get("partners")) {
                if (p.asText().equals("BBC")) {
                    return r.get("id").asLong();
                }
            }
        }
        throw new IllegalStateException("the demo data has no rota covering BBC");
    }

    private void submitOverride() {
        ui.press(By.id("create-override"));
    }

    @Test
    void aManagerCreatesAnOverrideAndRemovesIt() {
        PlatformApi admin =
                PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
        long rota = rotaCoveringBoston(admin);
        String reason = "Covering a funeral (browser test " + System.nanoTime() + ")";
        // A Tuesday two weeks on, by the UK calendar: in the future whatever the time of day the test runs.
        LocalDate day = LocalDate.now(ZoneId.of("Europe/London"))
                .plusWeeks(2)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));

        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/rotas/" + rota + "?from=" + day);
        ui.driver().findElement(By.cssSelector("input[name=reason]")).sendKeys(reason);
        ui.setValue(By.cssSelector("input[name=start]"), day + "T18:00");
        ui.setValue(By.cssSelector("input[name=end]"), day + "T08:00");
        submitOverride();
        String summary = ui.errorSummary();
        assertTrue(summary.contains("Until") || summary.contains("From"), "said at a field of the form: " + summary);
        ui.checkScreen("rota-override-refused");

        ui.setValue(By.cssSelector("input[name=end]"), day.plusDays(1) + "T08:00");
        WebElement before = ui.driver().findElement(By.cssSelector("main h1"));
        submitOverride();
        ui.waitUpTo(20).until(ExpectedConditions.stalenessOf(before));
        ui.waitForScreen();
        ui.waitUpTo(10)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"), "The override is saved."));
        WebElement row = ui.driver()
                .findElement(By.xpath(
                        "//table[.//th[normalize-space()='Reason']]//tr[td[normalize-space()='" + reason + "']]"));
        ui.checkScreen("rota-override");
        ui.checkPhone("rota-override-phone");

        long count = countWithReason(admin, rota, reason);
        assertEquals(1, count, "the override is stored once");
        before = ui.driver().findElement(By.cssSelector("main h1"));
        row.findElement(By.xpath(".//button[normalize-space()='Remove']")).sendKeys(org.openqa.selenium.Keys.ENTER);
        ui.waitUpTo(20).until(ExpectedConditions.stalenessOf(before));
        ui.waitForScreen();
        assertEquals(0, countWithReason(admin, rota, reason), "and removed");
        assertTrue(!ui.mainText().contains(reason));
    }

    private static long countWithReason(PlatformApi admin, long rota, String reason) {
        JsonNode all = admin.get("/api/rotas/" + rota + "/overrides");
        JsonNode items = all.isArray() ? all : all.get("items");
        long n = 0;
        for (JsonNode o : items) {
            if (reason.equals(o.path("reason").asText())) {
                n++;
            }
        }
        return n;
    }
}
