package org.sharedict.uitests;

import java.time.LocalDate;
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

/**
 * The DR screens that write: a template version authored and published by an admin (a cycle shown
 * at the fields that make it), a draft plan customised by its DR lead (and not offered to a
 * viewer), a plan moved onto a newer template version conflict by conflict, and staffing per skill.
 */
@ExtendWith(UiContext.class)
class DrAuthoringIT {

    final UiContext ui = UiContext.get();

    private PlatformApi admin() {
        return PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
    }

    private long demoTemplate(PlatformApi admin) {
        for (JsonNode t : admin.get("/api/dr/templates?size=50").get("items")) {
            if (t.get("code").asText().equals("LINCS-COUNCIL")) {
                return t.get("id").asLong();
            }
        }
        throw new IllegalStateException("the demo template LINCS-COUNCIL is missing");
    }

    /** A fresh COL draft on version 1 of the demo template (version 2 is published), with the given customisation. */
    private long colDraftOnVersion1(PlatformApi admin, String name, Map<String, Object> customisation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partner", "COL");
        body.put("name", name + " " + System.nanoTime());
        body.put("templateId", demoTemplate(admin));
        body.put("templateVersion", 1);
        body.put("reviewDate", LocalDate.of(2030, 1, 31).toString());
        body.put("ownerName", "Lincoln DR lead (tests)");
        body.put("ownerEmail", "dr.lead@lincoln.example");
        JsonNode plan = admin.post("/api/dr/plans", body, 201);
        long id = plan.get("id").asLong();
        if (customisation != null) {
            Map<String, Object> c = new LinkedHashMap<>(customisation);
            c.put("version", plan.get("version").asLong());
            admin.put("/api/dr/plans/" + id + "/customisation", c, 200);
        }
        return id;
    }

    private static Map<String, Object> activity(String key, String name, List<String> dependsOn) {
        return Map.of(
                "key",
                key,
                "name",
                name,
                "category",
                "SYSTEM",
                "tier",
                1,
                "rtoMinutes",
                240,
                "dependsOn",
                dependsOn,
                "steps",
                List.of(Map.of("key", "restore", "title", "Restore " + name, "durationMinutes", 60)));
    }

    private WebElement field(String dataField) {
        return ui.driver()
                .findElement(By.cssSelector(
                        "[data-field=\"" + dataField + "\"] input, [data-field=\"" + dataField + "\"] textarea"));
    }

    private void openActivity(String key) {
        WebElement details = ui.driver().findElement(By.cssSelector("details[data-key=\"" + key + "\"]"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).sendKeys(Keys.ENTER);
        }
    }

    /** Replaces a field's text as a person does (select all, delete, type), so that the page hears every change. */
    private void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    @Test
    void anAdminEditsADraftVersionSeesTheCycleAtItsFieldsAndPublishes() {
        PlatformApi admin = admin();
        long template = admin.post(
                        "/api/dr/templates",
                        Map.of("code", "UI-" + (System.nanoTime() % 1_000_000_000L), "name", "Browser test template"),
                        201)
                .get("id")
                .asLong();
        admin.post(
                "/api/dr/templates/" + template + "/versions",
                Map.of(
                        "notes",
                        "First draft",
                        "content",
                        Map.of(
                                "activities",
                                List.of(
                                        activity("power", "Server room power", List.of()),
                                        activity("network", "Core network", List.of("power"))))),
                201);

        ui.signInAs(ui.platform.adminUsername());
        ui.open("#/dr/templates");
        ui.checkScreen("dr-templates");
        ui.open("#/dr/templates/" + template);
        ui.follow(By.linkText("Version 1"));
        ui.checkScreen("dr-template-version-edit");

        // Power now needs the network, which needs power: saved as a draft, refused at publishing.
        openActivity("power");
        type(field("content.activities[0].dependsOn"), "network");
        openActivity("network");
        type(field("content.activities[1].rtoMinutes"), "120");
        ui.press(By.id("publish-version"));
        String summary = ui.errorSummary();
        assertTrue(summary.toLowerCase().contains("cycle"), summary);
        for (String at : List.of("content.activities[0].dependsOn", "content.activities[1].dependsOn")) {
            WebElement group = ui.driver().findElement(By.cssSelector("[data-field=\"" + at + "\"]"));
            assertTrue(group.getAttribute("class").contains("govuk-form-group--error"), at + " is marked");
            assertTrue(group.getText().contains("dependency cycle"), group.getText());
        }
        ui.checkScreen("dr-template-version-cycle");
        assertEquals(
                "DRAFT",
                admin.get("/api/dr/templates/" + template + "/versions/1")
                        .get("status")
                        .asText());

        type(field("content.activities[0].dependsOn"), "");
        ui.press(By.id("publish-version"));
        ui.waitUpTo(20)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(".govuk-notification-banner--success")));
        JsonNode v1 = admin.get("/api/dr/templates/" + template + "/versions/1");
        assertEquals("PUBLISHED", v1.get("status").asText());
        assertEquals(
                120,
                v1.get("content").get("activities").get(1).get("rtoMinutes").asInt());
        assertTrue(ui.driver().findElements(By.id("publish-version")).isEmpty(), "a published version is read only");

        // A DR lead reads the template but is offered nothing to change.
        ui.signInAs(UiContext.COL_DR_LEAD);
        ui.open("#/dr/templates/" + template);
        assertTrue(ui.driver().findElements(By.id("new-version")).isEmpty());
        ui.open("#/dr/templates/" + template + "/versions/1");
        assertTrue(ui.mainText().contains("Core network"));
        assertTrue(ui.driver().findElements(By.id("save-version")).isEmpty());
        ui.checkPhone("dr-template-version-phone");
    }

    @Test
    void aDrLeadCustomisesADraftAndAViewerIsOfferedNothing() {
        PlatformApi admin = admin();
        long plan = colDraftOnVersion1(admin, "COL customisation (browser test)", null);

        ui.signInAs(UiContext.LCC_VIEWER);
        ui.open("#/dr/plans/" + plan);
        assertTrue(ui.driver().findElements(By.id("customise-plan")).isEmpty(), "a viewer is not offered it");
        ui.open("#/dr/plans/" + plan + "/customise");
        assertTrue(ui.mainText().contains("Only a DR lead"), ui.mainText());

        ui.signInAs(UiContext.COL_DR_LEAD);
        ui.open("#/dr/plans/" + plan);
        ui.press(By.id("customise-plan"));
        ui.waitForHeading("Customise the plan");
        ui.checkScreen("dr-plan-customise");

        openActivity("website");
        type(field("website..rtoMinutes"), "120");
        openActivity("telephony");
        ui.driver().findElement(By.id("exclude-telephony")).sendKeys(Keys.SPACE);
        ui.press(By.id("add-local-activity"));
        assertEquals(
                "added-0-name",
                ui.driver().switchTo().activeElement().getAttribute("id"),
                "focus goes to the new activity");
        type(field("additions.activities[0].key"), "cctv-link");
        type(field("additions.activities[0].name"), "CCTV control room link");
        type(field("additions.activities[0].dependsOn"), "core-network");
        type(field("additions.activities[0].steps[0].title"), "Restore the fibre link");

        // Left out without a reason: refused, and said at the reason.
        ui.press(By.id("save-customisation"));
        String summary = ui.errorSummary();
        assertFalse(summary.contains("exclusions["), "said in words: " + summary);
        WebElement reason = ui.driver().findElement(By.cssSelector("[data-field^=\"exclusions[\"]"));
        assertTrue(reason.getAttribute("class").contains("govuk-form-group--error"));
        ui.checkScreen("dr-plan-customise-error");

        type(reason.findElement(By.tagName("textarea")), "Our telephony is hosted by the county");
        ui.press(By.id("save-customisation"));
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"), "customisation is saved"));
        JsonNode custom = admin.get("/api/dr/plans/" + plan).get("customisation");
        assertEquals(
                "website", custom.get("overrides").get(0).get("activityKey").asText());
        assertEquals(120, custom.get("overrides").get(0).get("value").asInt());
        assertEquals(1, custom.get("overrides").size(), "unchanged fields are no overrides");
        assertEquals(
                "telephony", custom.get("exclusions").get(0).get("activityKey").asText());
        assertEquals(
                "cctv-link",
                custom.get("additions").get("activities").get(0).get("key").asText());

        ui.open("#/dr/plans/" + plan + "/customise");
        openActivity("website");
        assertEquals("120", field("website..rtoMinutes").getAttribute("value"), "the plan's value, not the template's");
        assertTrue(ui.driver()
                .findElement(By.cssSelector("details[data-key=telephony] summary"))
                .getText()
                .contains("Left out"));
        ui.checkPhone("dr-plan-customise-phone");
    }

    @Test
    void aDrLeadMovesAPlanOntoTheNewVersionDecidingEachConflict() {
        PlatformApi admin = admin();
        // Version 2 tightens the website's RTO to 8 hours; this plan had relaxed it to 24.
        long plan = colDraftOnVersion1(
                admin,
                "COL rebase (browser test)",
                Map.of("overrides", List.of(Map.of("activityKey", "website", "field", "rtoMinutes", "value", 1440))));

        ui.signInAs(UiContext.COL_DR_LEAD);
        ui.open("#/dr/plans/" + plan);
        ui.press(By.id("rebase-plan"));
        ui.waitForHeading("Move onto a newer template version");
        WebElement stage = ui.driver().findElement(By.id("rebase-stage"));
        assertTrue(stage.getText().contains("Conflict 1 of 1"), stage.getText());
        assertTrue(stage.getText().contains("1440") && stage.getText().contains("480"), stage.getText());
        ui.checkScreen("dr-plan-rebase-conflict");

        ui.press(By.id("next-conflict"));
        assertTrue(ui.errorSummary().contains("Choose which value"));
        ui.driver()
                .findElement(By.cssSelector("input[name=choice][value=edit]"))
                .sendKeys(Keys.SPACE);
        type(field("edited"), "600");
        ui.press(By.id("next-conflict"));
        ui.waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("apply-rebase")));
        assertTrue(ui.driver().findElement(By.id("rebase-stage")).getText().contains("Use 600"));
        ui.checkScreen("dr-plan-rebase-review");
        ui.checkPhone("dr-plan-rebase-phone");

        ui.press(By.id("apply-rebase"));
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"), "version 2"));
        JsonNode moved = admin.get("/api/dr/plans/" + plan);
        assertEquals(2, moved.get("template").get("version").asInt());
        JsonNode overrides = moved.get("customisation").get("overrides");
        assertEquals(1, overrides.size());
        assertEquals(600, overrides.get(0).get("value").asInt());
        assertTrue(
                ui.driver().findElements(By.id("rebase-plan")).isEmpty(),
                "on the latest version: no more to move onto");
    }

    @Test
    void staffingShowsWhoHoldsEachSkillAndWhoIsOnCall() {
        PlatformApi admin = admin();
        long plan = admin.get("/api/dr/plans?partner=BBC&status=APPROVED")
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        ui.signInAs(UiContext.BBC_ENGINEER);
        ui.open("#/dr/plans/" + plan);
        ui.follow(By.linkText("Staffing"));
        ui.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("staffing-on-call")));
        List<WebElement> skills = ui.driver().findElements(By.cssSelector(".app-staffing-skill"));
        assertFalse(skills.isEmpty(), "a section per skill the steps need");
        assertTrue(skills.get(0).getText().contains("Needed by"), skills.get(0).getText());
        // On a busy machine a lookup may time out (2 s): then it is said in words, never as the service's raw reason.
        assertFalse(ui.mainText().contains("did not answer"), ui.mainText());
        assertTrue(ui.driver().findElements(By.id("customise-plan")).isEmpty(), "an engineer customises nothing");
        ui.checkScreen("dr-staffing");
        ui.checkPhone("dr-staffing-phone");
    }
}
