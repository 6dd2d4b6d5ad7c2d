package org.sharedict.uitests;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The report charts fit a phone: each is drawn to the width of the screen (its viewBox scaled down),
 * not cut off inside a region to scroll sideways, which the page-width check of checkPhone allows.
 */
@ExtendWith(UiContext.class)
class ReportChartsPhoneIT {

    final UiContext ui = UiContext.get();

    @Test
    void everyReportChartFitsA390PxScreen() {
        ui.signInAs(UiContext.BBC_MANAGER);
        for (String report : List.of("#/reports", "#/reports/fairness", "#/reports/response-times")) {
            ui.open(report);
            try {
                ui.driver().manage().window().setSize(new Dimension(Browser.PHONE_WIDTH, 900));
                ui.waitUpTo(5)
                        .until(d -> ((Number) ui.script("return window.innerWidth")).intValue() <= Browser.PHONE_WIDTH);
                Object wide = ui.script("return [...document.querySelectorAll('.app-report__chart')]"
                        + ".filter(c => c.scrollWidth > c.clientWidth + 1 || c.querySelector('svg').getBoundingClientRect().right > window.innerWidth)"
                        + ".map(c => c.getAttribute('aria-label') + ': ' + c.scrollWidth + ' > ' + c.clientWidth)");
                Object charts = ui.script("return document.querySelectorAll('.app-report__chart svg').length");
                assertFalse(((Number) charts).intValue() == 0, report + " draws its charts");
                assertEquals(List.of(), wide, report + ": charts wider than the phone");
            } finally {
                ui.driver().manage().window().setSize(new Dimension(Browser.WIDTH, 1000));
            }
        }
    }
}
