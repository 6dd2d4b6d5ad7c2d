package org.sharedict.uitests;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shift swaps by consent on the Swap requests screen: the demo engineer sees his pending request
 * (cancel only), asks for another by keyboard, the member asked accepts it, and a manager is offered
 * only to impose. Each person sees only the actions they may take.
 */
@ExtendWith(UiContext.class)
class SwapRequestsScreenIT {

    private static final String RESPONDER = "ui.swap.responder";

    final UiContext ui = UiContext.get();

    private PlatformApi admin() {
        return PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
    }

    private WebElement row(String table, String text) {
        return ui.waitUpTo(10)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.xpath("//table[@id='" + table + "']//tr[contains(., \"" + text + "\")]")));
    }

    private static List<String> actions(WebElement row) {
        return row.findElements(By.cssSelector("button[data-action]")).stream()
                .map(b -> b.getAttribute("data-action"))
                .toList();
    }

    @Test
    void aMemberAsksTheOtherAcceptsAndAManagerIsOfferedOnlyToImpose() {
        PlatformApi admin = admin();
        ui.signInAs(UiContext.DEMO_ENGINEER);
        ui.open("#/swap-requests");
        // The demo's pending request: Tom asked Helen Castle, so he may cancel it and nothing else.
        WebElement demo = row("outgoing-requests", "Helen Castle");
        assertTrue(demo.getText().contains("Waiting for an answer"), demo.getText());
        assertEquals(List.of("cancel"), actions(demo));
        assertTrue(
                ui.driver()
                        .findElements(By.cssSelector("#incoming-requests button"))
                        .isEmpty(),
                "nothing is asked of Tom, so he has nothing to accept");
        ui.checkScreen("swap-requests");

        // His furthest shift, for the next shift of another member after it (or the last before it): the swap moves
        // his cover by a week at most, so the demo's promise of a shift within four weeks still holds.
        Select mine = new Select(ui.driver().findElement(By.cssSelector("select[name=first]")));
        mine.selectByIndex(mine.getOptions().size() - 1);
        String myAt = mine.getFirstSelectedOption().getAttribute("value");
        Select theirs = new Select(ui.driver().findElement(By.cssSelector("select[name=second]")));
        List<String> at =
                theirs.getOptions().stream().map(o -> o.getAttribute("value")).toList();
        String pick = at.stream().filter(v -> v.compareTo(myAt) > 0).findFirst().orElse(at.get(at.size() - 1));
        theirs.selectByValue(pick);
        String reason = "Browser test swap " + System.nanoTime();
        ui.driver().findElement(By.cssSelector("input[name=reason]")).sendKeys(reason);
        ui.press(By.id("ask-swap"));
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"), "Your request is sent to"));

        JsonNode asked = null;
        for (JsonNode r : admin.get("/api/rotas/swap-requests")) {
            if (reason.equals(r.path("reason").asText())) {
                asked = r;
            }
        }
        assertTrue(asked != null, "the request is stored");
        assertEquals("PENDING", asked.get("status").asText());
        long responder = asked.get("responder").get("personId").asLong();
        String partner = admin.get("/api/people/" + responder).get("partner").asText();
        admin.ensureUser(
                RESPONDER, UiContext.PASSWORD, partner, responder, List.of("engineer"), "Swap responder (tests)");

        ui.signIn(RESPONDER, UiContext.PASSWORD);
        ui.open("#/swap-requests");
        WebElement incoming = row("incoming-requests", reason);
        assertEquals(List.of("accept", "decline"), actions(incoming));
        ui.checkPhone("swap-requests-phone");
        incoming.findElement(By.cssSelector("button[data-action=accept]")).sendKeys(Keys.ENTER);
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"), "You accepted the swap"));
        assertEquals(
                "ACCEPTED",
                admin.get("/api/rotas/swap-requests/" + asked.get("id").asLong())
                        .get("status")
                        .asText());
        assertTrue(row("incoming-requests", reason).getText().contains("Accepted"));

        // A manager of a partner the rota covers, with no shifts of their own: impose, nothing else.
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/swap-requests");
        WebElement managed = row("managed-requests", "Helen Castle");
        assertEquals(List.of("impose"), actions(managed));
        assertTrue(ui.driver().findElements(By.id("ask-swap")).isEmpty(), "a manager with no shifts asks for none");
        ui.checkScreen("swap-requests-manager");
    }
}
