package org.sharedict.uitests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/** The screens the other tests do not walk through: each renders, passes axe and is pictured. */
@ExtendWith(UiContext.class)
class EveryScreenIT {

    final UiContext ui = UiContext.get();

    private PlatformApi admin() {
        return PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
    }

    /** A rota to show: the demo's first, or one made here from Boston's people. */
    private long aRota(PlatformApi admin) {
        JsonNode rotas = admin.get("/api/rotas?size=1").get("items");
        if (rotas.size() > 0) {
            return rotas.get(0).get("id").asLong();
        }
        List<Long> members = new ArrayList<>();
        admin.get("/api/people?partner=BBC&size=3&sort=name")
                .get("items")
                .forEach(p -> members.add(p.get("id").asLong()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Boston out of hours (browser tests)");
        body.put("partners", List.of("BBC"));
        body.put("coverage", "OUT_OF_HOURS");
        body.put("rotationLength", "P1W");
        body.put("handoffTime", "09:00");
        body.put("handoffDay", "MONDAY");
        body.put("startDate", "2026-01-05");
        body.put("layers", List.of(Map.of("layer", "PRIMARY", "members", members)));
        return admin.post("/api/rotas", body, 201).get("id").asLong();
    }

    @Test
    void theSkillsMapDrawsCoverageAndKeyPersonRisksWithTables() {
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/skills-map");
        assertFalse(
                ui.driver().findElements(By.cssSelector(".app-heatmap rect")).isEmpty(), "the heat map is drawn");
        assertFalse(
                ui.driver().findElements(By.cssSelector(".app-bars rect")).isEmpty(),
                "the key-person risk chart is drawn");
        assertTrue(ui.driver().findElement(By.tagName("main")).getText().contains("Key-person risks"));
        ui.checkScreen("skills-map");
    }

    @Test
    void aManagerChangesTheLevelOfOneOfTheirStaffsSkills() {
        PlatformApi admin = admin();
        long person = admin.get("/api/people?partner=BBC&size=1&sort=name")
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/people");
        ui.checkScreen("people");
        ui.open("#/people/" + person + "/edit");
        WebElement level = ui.waitUpTo(10)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#skills-editor select")));
        String skill = level.getAttribute("id").substring("level-".length());
        String chosen = level.getAttribute("value").equals("5") ? "4" : "5";
        level.sendKeys(chosen);
        level.findElement(By.xpath("ancestor::tr//button[normalize-space()='Save']"))
                .click();
        ui.waitUpTo(10)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#skills-editor, .govuk-notification-banner--success")));
        ui.waitUpTo(10)
                .until(d -> admin.get("/api/people/" + person + "/skills/" + skill)
                        .get("level")
                        .asText()
                        .equals(chosen));
        ui.checkScreen("person-edit");
    }

    @Test
    void onCallAndARotaTimelineRender() {
        long rota = aRota(admin());
        ui.signInAs(UiContext.BBC_ENGINEER);
        ui.open("#/oncall");
        assertTrue(ui.driver().findElement(By.tagName("main")).getText().contains("Boston Borough Council"));
        ui.checkScreen("on-call");
        ui.phoneScreenshot("on-call-phone");
        ui.open("#/rotas/" + rota);
        ui.waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rota-timeline svg")));
        ui.checkScreen("rota");
        ui.open("#/my-shifts");
        ui.waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("calendar-feed")));
        ui.checkScreen("my-shifts");
    }

    @Test
    void adminScreensRender() {
        ui.signInAs(ui.platform.adminUsername());
        for (String section : List.of("partners", "users", "api-keys")) {
            ui.open("#/admin/" + section);
            assertTrue(
                    ui.driver()
                            .findElements(By.cssSelector(".govuk-error-summary"))
                            .isEmpty(),
                    () -> ui.driver().findElement(By.tagName("main")).getText());
            ui.checkScreen("admin-" + section);
        }
    }

    @Test
    void theSkipLinkMovesFocusToTheMainContentAndTheStatementIsPublished() {
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.load("#/accessibility");
        ui.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement skip = ui.driver().switchTo().activeElement();
        assertEquals("skip-link", skip.getAttribute("id"), "the skip link is the first thing the keyboard reaches");
        skip.sendKeys(Keys.ENTER);
        assertEquals("main-content", ui.driver().switchTo().activeElement().getAttribute("id"));
        assertTrue(ui.driver().getCurrentUrl().endsWith("#/accessibility"), "the skip link does not change the route");
        ui.checkScreen("accessibility");
    }
}
