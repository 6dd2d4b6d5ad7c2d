package org.sharedict.uitests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The faults a new user met in their first hour (issue 18), each shown gone in the browser. */
@ExtendWith(UiContext.class)
class FirstHourIT {

    final UiContext ui = UiContext.get();

    private PlatformApi admin() {
        return PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
    }

    /** Words of table cells that the layout broke across two lines (long addresses may wrap anywhere: .app-break). */
    @SuppressWarnings("unchecked")
    private List<String> wordsCutInTables() {
        return (List<String>) ui.script("""
                const cut = [];
                document.querySelectorAll('main td, main th').forEach((cell) => {
                  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                  let n;
                  while ((n = walker.nextNode())) {
                    if (n.parentElement.closest('.app-break')) continue;
                    const re = /\\S+/g;
                    let m;
                    while ((m = re.exec(n.data))) {
                      const r = document.createRange();
                      r.setStart(n, m.index);
                      r.setEnd(n, m.index + m[0].length);
                      const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
                      if (lines.size > 1) cut.push(m[0]);
                    }
                  }
                });
                return cut;""");
    }

    @Test
    void aViewerIsNotOfferedIncidentActionsTheyMayNotTake() {
        String summary =
                "Boston file server unreachable " + UUID.randomUUID().toString().substring(0, 8);
        long id = admin().post("/api/incidents", Map.of("partner", "BBC", "summary", summary, "severity", "HIGH"), 201)
                .get("id")
                .asLong();
        ui.signInAs(UiContext.LCC_VIEWER);
        ui.open("#/incidents");
        assertTrue(ui.driver().findElements(By.id("raise-incident")).isEmpty(), "no Raise for a viewer");
        assertFalse(ui.mainText().contains("Raise an incident"), ui.mainText());
        ui.open("#/incidents/" + id);
        assertTrue(ui.heading().contains(summary));
        assertTrue(ui.driver().findElements(By.id("acknowledge")).isEmpty(), "no Acknowledge");
        assertTrue(ui.driver().findElements(By.id("resolve")).isEmpty(), "no Resolve");
        assertTrue(
                ui.driver().findElements(By.cssSelector("textarea[name=message]")).stream()
                        .noneMatch(WebElement::isDisplayed),
                "no Add note");
        assertTrue(ui.mainText().contains("Only the organisation’s engineers and managers"), ui.mainText());
        ui.checkScreen("incident-viewer");
    }

    @Test
    void anIncidentWithLongAddressesAndTheIncidentListFitAPhone() {
        // The demo's escalating incident pages people by e-mail: its timeline is full of long addresses.
        PlatformApi admin = admin();
        JsonNodes.Item escalating = JsonNodes.first(
                admin.get("/api/incidents?status=TRIGGERED&size=50&sort=createdAt")
                        .get("items"),
                i -> i.get("summary").asText().contains("Council website"));
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/incidents/" + escalating.id());
        ui.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-timeline"), "@"));
        ui.checkPhone("incident-escalating-phone");
        ui.open("#/incidents");
        ui.driver().manage().window().setSize(new Dimension(Browser.PHONE_WIDTH, 900));
        try {
            ui.waitUpTo(5)
                    .until(d -> ((Number) ui.script("return window.innerWidth")).intValue() <= Browser.PHONE_WIDTH);
            assertEquals(List.of(), wordsCutInTables(), "words cut across lines in the incidents table");
        } finally {
            ui.driver().manage().window().setSize(new Dimension(Browser.WIDTH, 1000));
        }
        ui.checkPhone("incidents-phone");
    }

    @Test
    void theSkillsMapsRowLabelsAreWhole() {
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/skills-map?minLevel=5");
        @SuppressWarnings("unchecked")
        List<String> clipped = (List<String>)
                ui.script("return [...document.querySelectorAll('.app-heatmap text.app-chart__label[text-anchor=end]')]"
                        + ".filter((t) => t.getBBox().x < 0).map((t) => t.textContent)");
        assertFalse(ui.driver()
                .findElements(By.cssSelector(".app-heatmap text.app-chart__label[text-anchor=end]"))
                .isEmpty());
        assertEquals(List.of(), clipped, "labels running off the chart's left edge");
    }

    @Test
    void aRefusalIsSaidOnceInWordsForPeople() {
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/experts?skill=quantumfluxcapacitor");
        WebElement summary = ui.waitUpTo(15)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
        String text = summary.getText();
        assertEquals(1, text.split("quantumfluxcapacitor", -1).length - 1, "the problem is said once: " + text);
        assertFalse(text.contains("/api/") || text.contains("GET "), "nothing written for programmers: " + text);
        assertFalse(text.toLowerCase().contains("request id"), text);
    }

    @Test
    void namesAreShownWhereCodesWere() throws Exception {
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/experts?skill=citrix&skill=vmware&match=any");
        ui.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".app-results")));
        List<String> missing =
                ui.driver().findElements(By.xpath("//p[starts-with(normalize-space(), 'Does not hold:')]")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertFalse(missing.isEmpty(), "someone holds one of the two");
        assertTrue(
                missing.stream().noneMatch(t -> t.matches(".*\\b(VMWARE|CITRIX)\\b.*")), "skills by name: " + missing);

        ui.signInAs(ui.platform.adminUsername());
        ui.open("#/admin/partners");
        String partners = ui.mainText();
        assertTrue(partners.contains("NHS") && !partners.contains("Nhs"), "NHS, not Nhs");
        ui.open("#/admin/api-keys");
        String caption = ui.driver().findElement(By.cssSelector("main caption")).getText();
        assertTrue(caption.matches("1 API key|\\d+ API keys") && !caption.equals("1 API keys"), caption);
    }

    @Test
    void aPlansExportsAreNamedOnceAndThePrintablePagePrintsStyled() throws Exception {
        PlatformApi admin = admin();
        long plan = admin.get("/api/dr/plans?partner=COL&status=APPROVED")
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        ui.signInAs(UiContext.COL_DR_LEAD);
        ui.open("#/dr/plans/" + plan);
        ui.press(By.id("export-pdf"));
        ui.waitUpTo(30)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".app-export-status"), "Downloaded"));
        String status =
                ui.driver().findElement(By.cssSelector(".app-export-status")).getText();
        assertTrue(status.matches("(?s)Downloaded [a-z0-9-]+-revision-\\d+\\.pdf.*"), status);
        assertFalse(status.toLowerCase().contains("col-col"), status);
        ui.waitUpTo(30).until(d -> {
            try (Stream<Path> files = Files.list(ui.browser.downloads)) {
                return files.anyMatch(f -> f.getFileName().toString().endsWith(".pdf")
                        && f.getFileName().toString().contains("-revision-"));
            } catch (java.io.IOException e) {
                return false;
            }
        });

        String app = ui.driver().getWindowHandle();
        ui.driver().findElement(By.id("export-html")).click();
        ui.waitUpTo(15).until(d -> d.getWindowHandles().size() > 1);
        String printable = ui.driver().getWindowHandles().stream()
                .filter(h -> !h.equals(app))
                .findFirst()
                .orElseThrow();
        try {
            ui.driver().switchTo().window(printable);
            ui.waitUpTo(20)
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("h1"), "Disaster recovery plan"));
            String font = String.valueOf(ui.script("return getComputedStyle(document.body).fontFamily"));
            String rule = String.valueOf(
                    ui.script("return getComputedStyle(document.querySelector('h2')).borderBottomStyle"));
            assertTrue(font.contains("Arial"), "the export's own styles apply: body font " + font);
            assertEquals("solid", rule, "section headings are ruled as in the PDF");
        } finally {
            ui.driver().close();
            ui.driver().switchTo().window(app);
        }
    }

    @Test
    void onARotaOnlyManagersAreOfferedOverridesAndImposedSwapsAndOnlyItsMembersAskForSwaps() {
        long rota = JsonNodes.first(
                        admin().get("/api/rotas?size=50").get("items"),
                        r -> r.get("name").asText().startsWith("Lincolnshire councils"))
                .id();
        ui.signInAs(UiContext.BBC_ENGINEER); // an engineer who is not on this rota
        ui.open("#/rotas/" + rota);
        assertFalse(ui.mainText().contains("Create an override"), "overrides are for managers");
        assertFalse(ui.mainText().contains("Ask for a swap"), "asking for a swap is for the rota's members");
        assertFalse(ui.mainText().contains("Impose a swap"), "imposing a swap is for managers");
        assertTrue(
                ui.driver()
                        .findElements(By.xpath("//main//button[normalize-space()='Remove']"))
                        .isEmpty(),
                "nothing to remove");

        ui.signInAs(UiContext.DEMO_ENGINEER); // first on the rota
        ui.open("#/rotas/" + rota);
        assertFalse(ui.mainText().contains("Create an override"));
        assertTrue(ui.mainText().contains("Ask for a swap"), "a member asks another for a swap");
        assertFalse(ui.mainText().contains("Impose a swap"), "a member does not impose one");

        ui.signInAs(UiContext.BBC_MANAGER); // Boston is one of the rota's partners
        ui.open("#/rotas/" + rota);
        assertTrue(ui.mainText().contains("Create an override") && ui.mainText().contains("Impose a swap"));
    }

    @Test
    void theDemoEngineerHasShiftsInTheNextFourWeeks() {
        ui.signInAs(UiContext.DEMO_ENGINEER);
        ui.open("#/my-shifts");
        String text = ui.mainText();
        assertFalse(text.contains("You have no shifts in the next 4 weeks"), text);
        assertTrue(text.matches("(?s).*\\d+ shifts in the next 4 weeks.*"), text);
    }
}
