package org.sharedict.uitests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(UiContext.class)
class DrPlanIT {

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

    @Test
    void aDrLeadOpensTheRecoveryTimelineAndSeesTheMissedRto() {
        ui.signInAs(UiContext.COL_DR_LEAD);
        ui.open("#/dr/plans?partner=COL");
        ui.checkScreen("dr-plans");
        ui.follow(By.partialLinkText("COL ICT disaster recovery plan, revision"));
        ui.follow(By.linkText("Recovery timeline"));
        ui.waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-timeline")));

        List<WebElement> missed = ui.driver().findElements(By.cssSelector("#recovery-timeline .app-gantt__row--miss"));
        assertFalse(missed.isEmpty(), "the demo COL plan cannot meet its benefits RTO");
        assertTrue(
                missed.get(0).getText().contains("Revenues and benefits"),
                missed.get(0).getText());
        assertTrue(ui.driver().findElement(By.id("recovery-timeline")).getText().contains("misses RTO by"));
        WebElement svg = ui.driver().findElement(By.cssSelector("#recovery-timeline svg"));
        assertTrue(
                svg.getAttribute("role").equals("img")
                        && !svg.findElement(By.tagName("desc"))
                                .getAttribute("textContent")
                                .isBlank(),
                "the chart has a text alternative");
        assertTrue(
                ui.driver().findElement(By.id("recovery-table")).getText().contains("Misses by"),
                "and its figures as a table");
        ui.checkScreen("dr-recovery-timeline");

        ui.follow(By.linkText("Dependency graph"));
        ui.waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("dependency-list")));
        ui.checkScreen("dr-dependency-graph");
        ui.follow(By.linkText("Changes from the template"));
        assertTrue(ui.driver().getTitle().startsWith("Changes from the template"));
        ui.checkScreen("dr-changes");
    }

    @Test
    void exportingAnApprovedPlanDownloadsItsPdf() throws IOException {
        ui.signInAs(UiContext.COL_DR_LEAD);
        ui.open("#/dr/plans/" + approvedPlanOf("COL"));
        assertTrue(ui.driver()
                .findElement(By.id("activation-criteria"))
                .getText()
                .contains("A tier-1 activity is down or cannot be reached (longer than 2 hours, or no fix in sight)"));
        assertTrue(ui.mainText().contains("Who may invoke it: DR leads (dr-lead); ICT managers (manager)"));
        ui.checkScreen("dr-plan");
        ui.driver().findElement(By.id("export-pdf")).click();
        ui.waitUpTo(30)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".app-export-status"), "Downloaded"));
        Path pdf = ui.waitUpTo(30).until(d -> {
            try (Stream<Path> files = Files.list(ui.browser.downloads)) {
                return files.filter(p -> p.toString().endsWith(".pdf"))
                        .findFirst()
                        .orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        byte[] head = Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertArrayEquals("%PDF-".getBytes(), head, "the download is a PDF");
    }

    @Test
    void theLiveChecklistOfARunningPlanShowsItsStepsInRecoveryOrder() {
        PlatformApi admin =
                PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
        JsonNode open = admin.get("/api/dr/invocations?status=OPEN&partner=COL").get("items");
        long id = open.size() > 0
                ? open.get(0).get("id").asLong()
                : admin.post(
                                "/api/dr/invocations",
                                java.util.Map.of(
                                        "planId",
                                        approvedPlanOf("COL"),
                                        "reason",
                                        "Browser test: power failure",
                                        "criterion",
                                        "tier1-down"),
                                201)
                        .get("id")
                        .asLong();
        ui.signInAs(UiContext.COL_DR_LEAD);
        ui.open("#/dr/invocations/" + id);
        WebElement first = ui.driver().findElement(By.cssSelector(".app-checklist > li"));
        assertTrue(first.getText().startsWith("1. "), first.getText());
        assertFalse(ui.driver().findElements(By.cssSelector(".app-step")).isEmpty());
        ui.checkScreen("dr-invocation");
    }

    @Test
    void aDrLeadAssessesBusinessImpactAndSeesTargetsInheritedThroughDependencies() {
        long plan = approvedPlanOf("COL");
        ui.signInAs(UiContext.COL_DR_LEAD);
        ui.open("#/dr/plans/" + plan + "/impact?activity=payroll");
        assertTrue(ui.heading().contains("Business impact"), ui.heading());
        String table = ui.driver().findElement(By.id("impact-table")).getText();
        // The demo: benefits backed up daily against a 1 h RPO, restore test 14 months old.
        assertTrue(table.contains("Backups too rare for RPO"), table);
        assertTrue(table.contains("Restore test over 12 months old"), table);
        // Payroll is major on the statutory scale by 24 h, and its RTO is 24 h.
        assertTrue(
                ui.driver().findElement(By.id("impact-findings")).getText().contains("is not below the MTPD of 1 d"),
                ui.driver().findElement(By.id("impact-findings")).getText());
        WebElement chart = ui.driver().findElement(By.cssSelector("#impact-chart svg"));
        assertFalse(chart.findElements(By.tagName("rect")).isEmpty(), "the impact-over-time chart is drawn");
        assertFalse(chart.findElement(By.tagName("desc"))
                .getAttribute("textContent")
                .isBlank());
        ui.checkScreen("dr-business-impact");
        ui.checkPhone("dr-business-impact-phone");

        // Rate email: major for residents after 4 h, so the MTPD proposed is 4 h, below its 8 h RTO.
        ui.open("#/dr/plans/" + plan + "/impact?activity=email");
        int[] ratings = {2, 4, 4, 5, 5};
        for (int i = 0; i < ratings.length; i++) {
            new Select(ui.driver().findElement(By.name("SERVICE_TO_RESIDENTS-" + i)))
                    .selectByValue(String.valueOf(ratings[i]));
        }
        WebElement every = ui.driver().findElement(By.name("backupFrequencyMinutes"));
        every.clear();
        every.sendKeys("60");
        ui.press(By.id("save-impact"));
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("main"), "Microsoft 365) is assessed."));
        ui.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("impact-findings")));
        String findings = ui.driver().findElement(By.id("impact-findings")).getText();
        assertTrue(findings.contains("RTO 8 h is not below the MTPD of 4 h"), findings);

        // The recovery timeline marks what SQL Server inherits from benefits (4 h in COL's plan).
        ui.follow(By.linkText("Recovery timeline"));
        ui.waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-timeline")));
        assertFalse(ui.driver()
                .findElements(By.cssSelector("#recovery-timeline .app-gantt__inherited"))
                .isEmpty());
        String order = ui.driver().findElement(By.id("recovery-table")).getText();
        assertTrue(order.contains("4 h from Revenues and benefits"), order);

        // Someone who may not assess sees the analysis but no form.
        ui.signInAs(UiContext.LCC_VIEWER);
        ui.open("#/dr/plans/" + plan + "/impact?activity=email");
        assertTrue(ui.driver().findElements(By.id("save-impact")).isEmpty(), "a viewer cannot assess");
        assertTrue(ui.mainText().contains("RTO 8 h is not below the MTPD of 4 h"));
    }

    @Test
    void readinessShowsOnThePlansListAndExercisesLeadToActionsTrackedToClosure() {
        ui.signInAs(UiContext.COL_DR_LEAD);
        ui.open("#/dr/plans?partner=COL");
        assertTrue(ui.mainText().contains("of tier 1 exercised"), ui.mainText());
        ui.open("#/dr/plans/" + approvedPlanOf("COL") + "/exercises");
        assertTrue(ui.heading().contains("Exercises"), ui.heading());
        String main = ui.mainText();
        // The demo: a tabletop five months ago with an action past its date, a simulation three weeks ahead.
        assertTrue(main.contains("Actions overdue"), main);
        assertTrue(main.contains("Scheduled"), main);
        assertTrue(main.contains("Write the manual changeover procedure"), main);
        ui.checkScreen("dr-exercises");
        ui.checkPhone("dr-exercises-phone");
        WebElement close = ui.driver().findElement(By.cssSelector("[id^='close-action-']"));
        ui.press(By.id(close.getAttribute("id")));
        ui.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "is done."));
        assertFalse(ui.mainText().contains("Actions overdue"), "the overdue action is closed");

        ui.signInAs(UiContext.LCC_VIEWER);
        ui.open("#/dr/plans/" + approvedPlanOf("COL") + "/exercises");
        assertTrue(ui.driver().findElements(By.id("schedule-exercise")).isEmpty(), "a viewer schedules nothing");
        assertTrue(ui.driver()
                .findElements(By.cssSelector("[id^='close-action-']"))
                .isEmpty());
    }
}
