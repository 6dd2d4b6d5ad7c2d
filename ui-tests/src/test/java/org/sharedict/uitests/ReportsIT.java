package org.sharedict.uitests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reports: a chart beside its table, the same rows as a CSV file, at desktop and phone widths. */
@ExtendWith(UiContext.class)
class ReportsIT {

    final UiContext ui = UiContext.get();

    /** The CSV the section's button downloads, read once it is whole. */
    private List<String> downloadCsv(String section, String prefix) {
        ui.driver().findElement(By.id(section + "-csv")).sendKeys(Keys.ENTER);
        Path file = ui.waitUpTo(30).until(d -> {
            try (Stream<Path> files = Files.list(ui.browser.downloads)) {
                return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                                && p.toString().endsWith(".csv"))
                        .filter(p -> {
                            try {
                                return Files.readString(p, StandardCharsets.UTF_8)
                                        .endsWith("\r\n");
                            } catch (IOException e) {
                                return false;
                            }
                        })
                        .findFirst()
                        .orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Files.delete(file);
            assertTrue(text.startsWith("\ufeff"), "a byte-order mark, so spreadsheets read UTF-8");
            return List.of(text.substring(1).split("\r\n"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chart, its table and the table's rows; at desktop width the table is beside the chart. */
    private int chartBesideTable(String section) {
        WebElement chart = ui.driver().findElement(By.cssSelector("#" + section + " .app-report__chart svg[role=img]"));
        WebElement table = ui.driver().findElement(By.cssSelector("#" + section + " .app-report__table table"));
        assertFalse(
                chart.findElement(By.tagName("desc"))
                        .getAttribute("textContent")
                        .isBlank(),
                "the chart describes its key figures");
        assertTrue(
                table.getLocation().getX()
                        > chart.getLocation().getX() + chart.getSize().getWidth() - 5,
                "the table is beside the chart: chart at " + chart.getLocation() + " " + chart.getSize() + ", table at "
                        + table.getLocation());
        return table.findElements(By.cssSelector("tbody tr")).size();
    }

    @Test
    void onCallHoursPerPartnerAndPersonWithTheOutOfHoursPartAsChartTableAndCsv() {
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/reports");
        assertTrue(ui.heading().contains("On-call hours"), ui.heading());
        int partners = chartBesideTable("hours-partners");
        assertTrue(partners > 0, "the demo rotas had people on call in the last 30 days");
        List<String> csv = downloadCsv("hours-partners", "on-call-hours-per-partner-");
        assertEquals("Partner,People,Primary hours,Secondary hours,Out-of-hours hours,Total hours", csv.get(0));
        assertEquals(partners + 1, csv.size(), "a CSV row for every table row");
        int people = chartBesideTable("hours-people");
        assertEquals(
                people + 1,
                downloadCsv("hours-people", "on-call-hours-per-person-").size());
        ui.checkScreen("report-hours");
        ui.checkPhone("report-hours-phone");
    }

    @Test
    void fairnessAndResponseTimes() {
        ui.signInAs(UiContext.COL_DR_LEAD);
        ui.open("#/reports/fairness");
        assertTrue(ui.heading().contains("Fairness"), ui.heading());
        WebElement section = ui.driver().findElement(By.cssSelector("main section[id^=fairness-]"));
        String id = section.getAttribute("id");
        int rows = chartBesideTable(id);
        assertTrue(rows > 1, "a pooled rota has several partners");
        List<String> csv = downloadCsv(id, "fairness-");
        assertTrue(csv.get(0).startsWith("Partner,Covered by the rota,Members"), csv.get(0));
        assertEquals(rows + 1, csv.size());
        ui.checkScreen("report-fairness");
        ui.checkPhone("report-fairness-phone");

        ui.follow(By.linkText("Response times"));
        assertTrue(ui.heading().contains("Response times"), ui.heading());
        int periods = chartBesideTable("response-times");
        assertTrue(periods > 0, "the demo's incidents are counted");
        assertTrue(ui.driver()
                .findElement(By.cssSelector("#response-times table"))
                .getText()
                .contains("Boston Borough Council"));
        List<String> times = downloadCsv("response-times", "response-times-month-");
        assertTrue(times.get(0).startsWith("Partner,Period,Incidents,Acknowledged,Resolved,MTTA (min)"), times.get(0));
        assertEquals(periods + 1, times.size());
        ui.checkScreen("report-response-times");
        ui.checkPhone("report-response-times-phone");
    }
}
