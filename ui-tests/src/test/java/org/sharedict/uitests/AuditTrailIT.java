package org.sharedict.uitests;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail of writes: each service's own trail (people and skills, rotas and incidents, DR
 * plans) on the admin audit screen beside the gateway's sign-ins, merged newest first or one part
 * at a time, filtered by part, what happened, who and the kind of record; a manager sees only their
 * own partner's entries.
 */
@ExtendWith(UiContext.class)
class AuditTrailIT {

    final UiContext ui = UiContext.get();

    private PlatformApi admin() {
        return PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
    }

    private void filter() {
        WebElement before = ui.driver().findElement(By.cssSelector("main h1"));
        ui.press(By.id("filter-audit"));
        ui.waitUpTo(15).until(ExpectedConditions.stalenessOf(before));
        ui.waitForScreen();
    }

    private List<WebElement> rows() {
        return ui.driver().findElements(By.cssSelector("#audit-entries tbody tr"));
    }

    @Test
    void anAdminSeesTheServicesWritesBesideTheSignInsAndNarrowsThem() {
        // A write at skills-service just now, so it is among the newest of every part.
        String code = "UI_AUDIT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        admin().post("/api/skills/categories", Map.of("code", code, "name", "Audit trail test category"), 201);
        ui.signInAs(ui.platform.adminUsername());
        ui.open("#/admin/audit");
        String all = ui.driver().findElement(By.id("audit-entries")).getText();
        assertTrue(all.contains("Skill category " + code) && all.contains("People, skills and mutual aid"), all);
        assertTrue(all.contains("Sign-ins, users and API keys"), "the sign-ins beside the writes: " + all);

        // Narrowed with the keyboard: the part, the kind of record and who.
        new Select(ui.driver().findElement(By.cssSelector("select[name=part]"))).selectByValue("skills");
        new Select(ui.driver().findElement(By.cssSelector("select[name=entityType]"))).selectByValue("skill_category");
        WebElement actor = ui.driver().findElement(By.cssSelector("input[name=actor]"));
        actor.clear();
        actor.sendKeys(ui.platform.adminUsername());
        filter();
        assertTrue(
                ui.driver().getCurrentUrl().contains("part=skills"), ui.driver().getCurrentUrl());
        List<WebElement> rows = rows();
        assertFalse(rows.isEmpty(), "the new category is found");
        for (WebElement row : rows) {
            assertTrue(
                    row.getText().contains("Skill category") && row.getText().contains("Partnership"), row.getText());
        }
        assertTrue(
                rows.get(0).getText().contains(code) && rows.get(0).getText().contains("Added"),
                rows.get(0).getText());
        assertTrue(
                rows.get(0).getText().contains("Audit trail test category"),
                "what was written: " + rows.get(0).getText());
        ui.checkScreen("admin-audit-writes");
        ui.checkPhone("admin-audit-writes-phone");

        // The DR plans' trail: the demo's plans were written there.
        ui.open("#/admin/audit?part=dr&entityType=dr-plan");
        rows = rows();
        assertFalse(rows.isEmpty(), "the demo's DR plans were written");
        assertTrue(
                rows.stream().allMatch(r -> r.getText().contains("DR plan")),
                rows.get(0).getText());
    }

    @Test
    void aManagerSeesTheirOwnPartnersWritesOnly() {
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/admin/audit?part=skills&entityType=person");
        List<WebElement> organisations =
                ui.driver().findElements(By.cssSelector("#audit-entries tbody tr td:nth-child(5)"));
        assertFalse(organisations.isEmpty(), "Boston's people were written by the demo");
        assertTrue(
                organisations.stream().allMatch(td -> td.getText().equals("Boston Borough Council")),
                "only Boston's entries");
        assertTrue(ui.driver().findElements(By.id("audit-unavailable")).isEmpty(), "every part answered");
        ui.checkScreen("admin-audit-manager");
    }
}
