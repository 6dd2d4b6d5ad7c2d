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
                                        "planId", approvedPlanOf("COL"), "reason", "Browser test: power failure"),
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
}
