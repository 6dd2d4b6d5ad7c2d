package org.sharedict.uitests;

import java.util.HashMap;
import java.util.List;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutual aid in the browser: a Boston manager asks a South Kesteven expert found by search for
 * help, South Kesteven's manager approves it with the keyboard, and the statements and benefits
 * (from the demo's season of requests) draw their charts; each screen axe-clean, also at phone width.
 */
@ExtendWith(UiContext.class)
class AidIT {

    static final String SKDC_MANAGER = "ui.skdc.manager";

    private static final Pattern DECLINE = Pattern.compile("Decline it \\(you give the reason on the page\\): (\\S+)");

    final UiContext ui = UiContext.get();

    @Test
    void aManagerAsksAnExpertFoundBySearchAndTheOtherPartnerApproves() {
        PlatformApi admin =
                PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
        admin.ensureUser(
                SKDC_MANAGER,
                UiContext.PASSWORD,
                "SKDC",
                null,
                List.of("manager"),
                "South Kesteven ICT manager (tests)");

        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/experts?skill=CITRIX_NETSCALER");
        // South Kesteven's expert, whatever the ranking puts first.
        By skdcAsk = By.xpath("//li[contains(@class,'app-expert')][contains(., 'South Kesteven')]//a[@data-ask]");
        ui.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(skdcAsk));
        ui.follow(skdcAsk);
        assertTrue(ui.heading().contains("Ask another partner for help"), ui.heading());
        ui.driver().findElement(By.name("title")).sendKeys("Browser test: NetScaler gateway health check");
        ui.driver().findElement(By.name("reason")).sendKeys("Our Citrix engineer is on leave this week");
        ui.checkScreen("aid-ask");
        ui.checkPhone("aid-ask-phone");
        ui.press(By.id("send-request"));
        ui.waitUpTo(20).until(d -> ui.heading().contains("NetScaler gateway health check"));
        String address = ui.driver().getCurrentUrl();
        String route = address.substring(address.indexOf('#'));
        assertTrue(ui.mainText().contains("Waiting for a decision"), ui.mainText());
        assertTrue(ui.driver().findElements(By.id("action-approve")).isEmpty(), "the asker does not approve");
        ui.checkScreen("aid-request-asked");

        ui.signInAs(SKDC_MANAGER);
        ui.open(route);
        ui.press(By.id("action-approve"));
        ui.waitUpTo(20).until(d -> ui.mainText().contains("Accepted"));
        ui.checkScreen("aid-request-accepted");
        ui.checkPhone("aid-request-phone");
        ui.open("#/aid?side=ASKED_OF");
        assertTrue(ui.mainText().contains("NetScaler gateway health check"), ui.mainText());
        ui.checkScreen("aid-requests");
    }

    /** South Kesteven's manager declines a request from the link in his e-mail, on a phone, by keyboard. */
    @Test
    void theHelpingManagerDeclinesFromTheLinkInTheEmail() {
        Assumptions.assumeTrue(ui.platform.catchesMail(), "the links are read from e-mail the test harness catches");
        PlatformApi admin =
                PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
        String title = "Browser test: core switch firmware "
                + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> ask = new HashMap<>();
        ask.put("requesterPartner", "BBC");
        ask.put("helperPartner", "SKDC");
        ask.put("skills", List.of("CITRIX_NETSCALER"));
        ask.put("title", title);
        ask.put("reason", "Our network engineer is on leave");
        ask.put("expectedHours", 3);
        ask.put("urgency", "ROUTINE");
        ask.put("outOfHours", false);
        ask.put("onSite", false);
        long id = admin.post("/api/aid/requests", ask, 201).get("id").asLong();
        String link = ui.waitUpTo(60).until(d -> declineLink(id).orElse(null));

        ui.driver().get(link);
        ui.waitForHeading("Decline request #" + id);
        assertTrue(ui.mainText().contains(title), ui.mainText());
        ui.checkScreen("aid-link-confirm");
        ui.checkPhone("aid-link-confirm-phone");
        assertEquals(
                "REQUESTED",
                admin.get("/api/aid/requests/" + id).get("status").asText(),
                "opening the link decides nothing");

        // Without a reason the page says what is missing; then by keyboard with one.
        ui.driver().findElement(By.cssSelector("form button")).sendKeys(Keys.ENTER);
        ui.waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("reason-error")));
        ui.checkScreen("aid-link-reason-missing");
        WebElement reason = ui.driver().findElement(By.id("reason"));
        reason.sendKeys("Our only NetScaler engineer is on leave that week");
        reason.sendKeys(Keys.TAB);
        ui.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        ui.waitForHeading("Request #" + id + " declined");
        ui.checkScreen("aid-link-done");
        assertEquals(
                "DECLINED", admin.get("/api/aid/requests/" + id).get("status").asText());

        ui.driver().get(link);
        ui.waitUpTo(15)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "already been used"));
        ui.checkScreen("aid-link-used");
    }

    private Optional<String> declineLink(long request) {
        for (String mail : ui.platform.mails()) {
            if (mail.startsWith("[Mutual aid #" + request + "]")) {
                Matcher m = DECLINE.matcher(mail);
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void statementsAndBenefitsDrawTheDemoSeason() {
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/aid/statement?partner=BBC&with=SKDC");
        ui.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("statement")));
        assertTrue(ui.mainText().contains("pays"), ui.mainText());
        // The councils' shared out-of-hours rota, from rota-service: Boston and South Kesteven covered each other.
        assertTrue(ui.mainText().contains("Lincolnshire councils out of hours"), ui.mainText());
        assertFalse(
                ui.driver().findElements(By.cssSelector("#positions svg rect")).isEmpty(),
                "the positions chart is drawn");
        ui.checkScreen("aid-statement");
        ui.checkPhone("aid-statement-phone");

        ui.open("#/aid/benefits");
        assertTrue(ui.mainText().contains("Cashable savings"), ui.mainText());
        assertFalse(
                ui.driver().findElements(By.cssSelector("#savings svg rect")).isEmpty(), "the savings chart is drawn");
        ui.checkScreen("aid-benefits");
        ui.checkPhone("aid-benefits-phone");

        ui.signInAs(ui.platform.adminUsername());
        ui.open("#/aid/agreement");
        ui.waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("save-agreement")));
        ui.checkScreen("aid-agreement");
    }
}
