package org.sharedict.uitests;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page a link in an e-mail page opens on a phone: accessible, keyboard-operable, and acting once. */
@ExtendWith(UiContext.class)
class PageLinkIT {

    private static final Pattern ACKNOWLEDGE = Pattern.compile("Acknowledge: (\\S+)");

    final UiContext ui = UiContext.get();

    @Test
    void theConfirmationPageIsAccessibleOnAPhoneAndTheButtonActsOnce() {
        Assumptions.assumeTrue(
                ui.platform.catchesMail(), "the page links are read from e-mail the test harness catches");
        PlatformApi admin =
                PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
        String summary =
                "Payroll server not answering " + UUID.randomUUID().toString().substring(0, 8);
        long id = admin.post("/api/incidents", Map.of("partner", "BBC", "summary", summary, "severity", "HIGH"), 201)
                .get("id")
                .asLong();
        String link = ui.waitUpTo(60).until(d -> acknowledgeLink(id).orElse(null));

        ui.driver().get(link);
        ui.waitForHeading("Acknowledge incident " + id);
        assertTrue(ui.mainText().contains(summary), ui.mainText());
        ui.checkScreen("page-link-confirm");
        ui.checkPhone("page-link-confirm-phone");
        assertEquals(
                "TRIGGERED",
                admin.get("/api/incidents/" + id).get("status").asText(),
                "opening the link acts on nothing");

        // By keyboard: the button is the first control after the header's link.
        WebElement button = ui.driver().findElement(By.cssSelector("form button"));
        button.sendKeys(Keys.ENTER);
        ui.waitForHeading("Incident " + id + " acknowledged");
        ui.checkScreen("page-link-done");
        assertEquals(
                "ACKNOWLEDGED", admin.get("/api/incidents/" + id).get("status").asText());

        ui.driver().get(link);
        ui.waitUpTo(15)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "already been used"));
        ui.checkScreen("page-link-used");
    }

    private Optional<String> acknowledgeLink(long incident) {
        for (String mail : ui.platform.mails()) {
            if (mail.contains("incident #" + incident + ":")) {
                Matcher m = ACKNOWLEDGE.matcher(mail);
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }
}
