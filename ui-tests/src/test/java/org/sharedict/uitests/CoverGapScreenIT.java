package org.sharedict.uitests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cover gaps as a warning: the demo has both seniors of the round-the-clock rota away one night next
 * week, so its secondary layer pages nobody then. The on-call screen warns of it (once, naming the three
 * partners it leaves uncovered) for a council viewer, and the rota's own screen warns of it too.
 */
@ExtendWith(UiContext.class)
class CoverGapScreenIT {

    final UiContext ui = UiContext.get();

    @Test
    void theOnCallAndRotaScreensWarnOfANightNobodyWouldBePaged() {
        ui.signInAs(UiContext.LCC_VIEWER);
        ui.open("#/oncall");
        ui.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("cover-gaps")));
        String warning = ui.driver().findElement(By.id("cover-gaps")).getText();
        assertTrue(warning.contains("Nobody would be paged"), warning);
        assertTrue(warning.contains("Secondary layer of “Police and NHS ICT round the clock”"), warning);
        assertTrue(warning.contains("everyone on the layer is on leave"), warning);
        // One line for the three partners the rota covers, not three lines.
        assertTrue(warning.contains("(LCHS, LINCSPOL, ULHT)"), warning);
        ui.checkScreen("on-call-cover-gaps");
        ui.checkPhone("on-call-cover-gaps-phone");

        PlatformApi admin =
                PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
        long rota = -1;
        for (JsonNode r : admin.get("/api/rotas?size=100").get("items")) {
            if (r.get("name").asText().equals("Police and NHS ICT round the clock")) {
                rota = r.get("id").asLong();
            }
        }
        assertTrue(rota > 0, "the demo's round-the-clock rota");
        ui.open("#/rotas/" + rota);
        ui.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("cover-gaps")));
        String onRota = ui.driver().findElement(By.id("cover-gaps")).getText();
        assertTrue(onRota.contains("everyone on the layer is on leave"), onRota);
        // On the rota's own screen the gap is not repeated per partner.
        assertFalse(onRota.contains("LINCSPOL"), onRota);
        ui.checkScreen("rota-cover-gaps");
    }
}
