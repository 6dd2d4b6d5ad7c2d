package org.sharedict.uitests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creating, editing and deleting a rota, its members put in order with the keyboard; and who is offered that. */
@ExtendWith(UiContext.class)
class RotaEditIT {

    final UiContext ui = UiContext.get();

    private PlatformApi admin() {
        return PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
    }

    private static JsonNode rotaNamed(PlatformApi api, String name) {
        for (JsonNode r : api.get("/api/rotas?size=100").get("items")) {
            if (r.get("name").asText().equals(name)) {
                return r;
            }
        }
        return null;
    }

    private static JsonNode rotaCovering(PlatformApi api, String partner, boolean covering) {
        for (JsonNode r : api.get("/api/rotas?size=100").get("items")) {
            boolean covers = false;
            for (JsonNode p : r.get("partners")) {
                covers |= p.asText().equals(partner);
            }
            if (covers == covering) {
                return r;
            }
        }
        throw new IllegalStateException(
                "the demo data has no rota " + (covering ? "covering " : "not covering ") + partner);
    }

    private List<String> primaryOrder() {
        List<String> ids = new ArrayList<>();
        ui.driver()
                .findElements(By.cssSelector("#layer-primary li[data-person]"))
                .forEach(li -> ids.add(li.getAttribute("data-person")));
        return ids;
    }

    private void addPrimary(String personId) {
        new Select(ui.driver().findElement(By.cssSelector("select[name=add-PRIMARY]"))).selectByValue(personId);
        ui.driver().findElement(By.id("add-member-primary")).sendKeys(Keys.ENTER);
        ui.waitUpTo(5).until(d -> primaryOrder().contains(personId));
    }

    @Test
    void aManagerCreatesARotaPutsItsMembersInOrderByKeyboardEditsAndDeletesIt() {
        PlatformApi admin = admin();
        JsonNode staff = admin.get("/api/people?partner=BBC&size=3&sort=name").get("items");
        String a = staff.get(0).get("id").asText();
        String b = staff.get(1).get("id").asText();
        String c = staff.get(2).get("id").asText();
        String cName = staff.get(2).get("name").asText();
        String taken = rotaCovering(admin, "BBC", true).get("name").asText();
        String name = "Boston weekend cover " + UUID.randomUUID().toString().substring(0, 8);

        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/oncall");
        ui.follow(By.id("new-rota"));
        assertTrue(ui.heading().endsWith("Create a rota"), ui.heading());
        assertTrue(
                ui.driver()
                        .findElement(By.cssSelector("input[name=partners][value=BBC]"))
                        .isSelected(),
                "a manager's own partner is ticked");
        ui.driver().findElement(By.cssSelector("input[name=name]")).sendKeys(taken);
        WebElement count = ui.driver().findElement(By.cssSelector("input[name=rotationCount]"));
        count.clear();
        count.sendKeys("2");
        new Select(ui.driver().findElement(By.cssSelector("select[name=rotationUnit]"))).selectByValue("W");
        ui.setValue(By.cssSelector("input[name=handoffTime]"), "08:30");
        ui.setValue(By.cssSelector("input[name=startDate]"), "2026-01-05");
        addPrimary(a);
        addPrimary(b);
        addPrimary(c);
        assertEquals(List.of(a, b, c), primaryOrder());

        // The keyboard alone: Enter on the third member's "Move up" moves them and keeps focus with them.
        ui.driver()
                .findElement(By.cssSelector("#layer-primary li[data-person='" + c + "'] [data-action=move-up]"))
                .sendKeys(Keys.ENTER);
        assertEquals(List.of(a, c, b), primaryOrder());
        WebElement focused = ui.driver().switchTo().activeElement();
        assertEquals("move-up", focused.getAttribute("data-action"));
        assertEquals(
                c,
                focused.findElement(By.xpath("ancestor::li")).getAttribute("data-person"),
                "focus stays on the member moved");
        ui.waitUpTo(5)
                .until(d -> ui.announced().contains(cName)
                        && ui.announced().contains("moved to turn 2 of 3 in the primary layer"));
        ui.checkScreen("rota-create");
        ui.checkPhone("rota-create-phone");

        // A name in use is refused by the API and said at the name field, with no request ID.
        ui.driver().findElement(By.id("save-rota")).sendKeys(Keys.ENTER);
        String said = ui.errorSummary();
        assertFalse(said.contains("request ID"), said);
        WebElement nameGroup = ui.driver().findElement(By.cssSelector("[data-field=name]"));
        assertTrue(
                nameGroup.getAttribute("class").contains("govuk-form-group--error"), "the error is at the name field");
        assertTrue(nameGroup
                .findElement(By.cssSelector(".govuk-error-message"))
                .getText()
                .contains("already in use"));

        WebElement nameInput = ui.driver().findElement(By.cssSelector("input[name=name]"));
        nameInput.clear();
        nameInput.sendKeys(name);
        ui.driver().findElement(By.id("save-rota")).sendKeys(Keys.ENTER);
        ui.waitForHeading(name);
        assertTrue(ui.driver()
                .findElement(By.cssSelector(".govuk-notification-banner--success"))
                .getText()
                .contains("The rota is created."));
        JsonNode made = rotaNamed(admin, name);
        assertEquals(List.of(a, c, b), members(made, "PRIMARY"));
        assertTrue(List.of("P14D", "P2W").contains(made.get("rotationLength").asText()), made.toString());
        assertTrue(made.get("handoffTime").asText().startsWith("08:30"), made.toString());
        long id = made.get("id").asLong();

        // Edit: a later hand-over and one member fewer.
        ui.follow(By.id("edit-rota"));
        assertEquals(List.of(a, c, b), primaryOrder(), "the editor shows the members in their order");
        ui.setValue(By.cssSelector("input[name=handoffTime]"), "10:00");
        ui.driver()
                .findElement(By.cssSelector("#layer-primary li[data-person='" + b + "'] [data-action=remove]"))
                .sendKeys(Keys.ENTER);
        assertEquals(List.of(a, c), primaryOrder());
        ui.checkScreen("rota-edit");
        ui.checkPhone("rota-edit-phone");
        ui.driver().findElement(By.id("save-rota")).sendKeys(Keys.ENTER);
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"), "The rota is saved."));
        JsonNode edited = admin.get("/api/rotas/" + id);
        assertEquals(List.of(a, c), members(edited, "PRIMARY"));
        assertTrue(edited.get("handoffTime").asText().startsWith("10:00"), edited.toString());

        // Delete, after saying yes.
        ui.follow(By.id("edit-rota"));
        ui.driver().findElement(By.id("delete-rota")).sendKeys(Keys.ENTER);
        assertEquals(
                "confirm-delete",
                ui.driver().switchTo().activeElement().getAttribute("id"),
                "focus moves to the confirmation");
        ui.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        ui.waitForHeading("On call now");
        assertTrue(ui.driver()
                .findElement(By.cssSelector(".govuk-notification-banner--success"))
                .getText()
                .contains(name + " is deleted."));
        assertEquals(404, admin.status("/api/rotas/" + id));
    }

    private static List<String> members(JsonNode rota, String layer) {
        List<String> ids = new ArrayList<>();
        for (JsonNode l : rota.get("layers")) {
            if (l.get("layer").asText().equals(layer)) {
                l.get("members").forEach(m -> ids.add(m.get("personId").asText()));
            }
        }
        return ids;
    }

    @Test
    void onlyManagersOfACoveredPartnerAreOfferedChangesToARota() {
        PlatformApi admin = admin();
        long councils = rotaCovering(admin, "BBC", true).get("id").asLong();
        long other = rotaCovering(admin, "BBC", false).get("id").asLong();

        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/rotas/" + councils);
        assertFalse(
                ui.driver().findElements(By.id("edit-rota")).isEmpty(),
                "a manager of a covered partner may edit the rota");
        assertFalse(ui.driver().findElements(By.id("create-override")).isEmpty());
        ui.open("#/rotas/" + other);
        assertTrue(ui.driver().findElements(By.id("edit-rota")).isEmpty(), "nor a rota that does not cover Boston");
        assertTrue(ui.driver().findElements(By.id("create-override")).isEmpty());

        ui.signInAs(UiContext.COL_DR_LEAD);
        ui.open("#/oncall");
        assertTrue(ui.driver().findElements(By.id("new-rota")).isEmpty(), "a DR lead is not offered to create a rota");
        ui.open("#/rotas/" + councils);
        assertTrue(ui.driver().findElements(By.id("edit-rota")).isEmpty(), "a DR lead is not offered to edit a rota");
        assertTrue(ui.driver().findElements(By.id("create-override")).isEmpty(), "nor to create an override");
        assertTrue(ui.driver().findElements(By.id("create-swap")).isEmpty(), "nor to swap shifts they do not hold");
        assertTrue(
                ui.driver()
                        .findElements(By.xpath("//main//button[normalize-space()='Remove']"))
                        .isEmpty(),
                "nor to remove overrides");
        ui.checkScreen("rota-read-only");
        ui.open("#/rotas/" + councils + "/edit");
        assertEquals("You cannot change this rota", ui.heading());
    }

    @Test
    void aMemberIsOfferedToAskForASwapButNoOverrideEditOrImposedSwap() {
        PlatformApi admin = admin();
        JsonNode staff = admin.get("/api/people?partner=BBC&size=2&sort=name").get("items");
        // The engineer the tests sign in as is linked to Boston's first person (UiContext).
        long me = staff.get(0).get("id").asLong();
        long other = staff.get(1).get("id").asLong();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Boston day-about pair " + UUID.randomUUID().toString().substring(0, 8));
        body.put("partners", List.of("BBC"));
        body.put("coverage", "ALWAYS");
        body.put("rotationLength", "P1D");
        body.put("handoffTime", "09:00");
        body.put("startDate", "2026-01-05");
        body.put("layers", List.of(Map.of("layer", "PRIMARY", "members", List.of(me, other))));
        long id = admin.post("/api/rotas", body, 201).get("id").asLong();
        try {
            ui.signInAs(UiContext.BBC_ENGINEER);
            ui.open("#/rotas/" + id);
            assertTrue(ui.driver().findElements(By.id("edit-rota")).isEmpty(), "a member does not edit the rota");
            assertTrue(ui.driver().findElements(By.id("create-override")).isEmpty(), "nor create overrides");
            // Swaps are by consent now: a member asks the other (SwapRequestsScreenIT); only managers impose one.
            assertTrue(
                    ui.driver()
                            .findElements(By.cssSelector("form select[name=first]"))
                            .isEmpty(),
                    "a member is offered no form that swaps without asking");
            assertFalse(ui.mainText().contains("Impose a swap"), ui.mainText());
            WebElement ask = ui.driver().findElement(By.linkText("Ask for a swap"));
            assertTrue(ask.getAttribute("href").endsWith("#/swap-requests"), ask.getAttribute("href"));
            ui.checkPhone("rota-phone");
        } finally {
            admin.delete("/api/rotas/" + id, 204);
        }
    }
}
