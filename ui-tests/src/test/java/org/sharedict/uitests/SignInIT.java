package org.sharedict.uitests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(UiContext.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInIT {

    final UiContext ui = UiContext.get();

    @Test
    @Order(1)
    void aWrongPasswordIsExplainedInWordsAndTheSignInPageIsAccessible() {
        ui.signedInAs = null;
        ui.open("#/sign-in");
        if (!ui.driver().findElements(By.cssSelector("#account:not([hidden])")).isEmpty()) {
            ui.driver().findElement(By.id("sign-out")).click();
        }
        ui.waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]")));
        ui.checkScreen("sign-in");
        ui.driver().findElement(By.cssSelector("input[name=username]")).sendKeys(UiContext.BBC_MANAGER);
        ui.driver().findElement(By.cssSelector("input[name=password]")).sendKeys("not the password");
        ui.driver().findElement(By.id("sign-in-button")).click();
        String summary = ui.waitUpTo(10)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")))
                .getText();
        assertTrue(summary.contains("The username or password is not right"), summary);
        assertEquals("Error: Sign in – Shared ICT Support", ui.driver().getTitle());
        assertEquals(
                "govuk-error-summary",
                ui.driver().switchTo().activeElement().getAttribute("class"),
                "focus moves to the error summary");
    }

    @Test
    @Order(2)
    void signingInShowsTheUsersPartnerAndRoleAndSigningOutEndsIt() {
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.waitUpTo(10)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("account-who"), "Boston Borough Council"));
        String who = ui.driver().findElement(By.id("account-who")).getText();
        assertTrue(who.contains("Boston Borough Council") && who.contains("ICT manager"), who);
        assertEquals("Find an expert – Shared ICT Support", ui.driver().getTitle());
        assertEquals(
                "page-heading",
                ui.driver().switchTo().activeElement().getAttribute("id"),
                "focus is on the main heading after the route change");
        assertTrue(
                ui.driver()
                        .findElement(By.cssSelector("#navigation [data-nav=admin]"))
                        .isDisplayed(),
                "a manager sees Admin: their partner's users, API keys and audit trail");

        ui.driver().findElement(By.id("sign-out")).click();
        ui.waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]")));
        ui.signedInAs = null;
        assertTrue(ui.driver().findElement(By.tagName("main")).getText().contains("You have signed out"));
        ui.open("#/experts");
        assertEquals("Sign in to Shared ICT Support", ui.heading(), "a signed-out user is sent to the sign-in page");
    }

    @Test
    @Order(3)
    void theAppRenewsItsShortLivedAccessTokenWithoutAskingToSignInAgain() throws Exception {
        ui.signInAs(UiContext.BBC_MANAGER);
        String first = accessToken();
        JsonNode claims = PlatformApi.JSON.readTree(Base64.getUrlDecoder().decode(first.split("\\.")[1]));
        long lifetime = claims.get("exp").asLong() - claims.get("iat").asLong();
        // Until the gateway refuses the app's token: it has expired (30 s, and a few of allowed clock skew).
        await().atMost(Duration.ofSeconds(lifetime + 60))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> meAnswers(first) == 401);

        ui.open("#/oncall");
        assertEquals("On call now", ui.heading(), "the screen's data loaded: no sign-in page, no error");
        assertTrue(
                ui.driver().findElements(By.cssSelector(".govuk-error-summary")).isEmpty());
        String renewed = accessToken();
        assertNotEquals(first, renewed);
        assertEquals(200, meAnswers(renewed));
        assertEquals(UiContext.BBC_MANAGER, ui.signedInUser());
    }

    private String accessToken() {
        return String.valueOf(ui.script("return JSON.parse(sessionStorage.getItem('sharedict.session')).accessToken"));
    }

    private int meAnswers(String token) throws IOException, InterruptedException {
        HttpRequest me = HttpRequest.newBuilder(URI.create(ui.platform.baseUrl() + "/api/auth/me"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return HttpClient.newHttpClient()
                .send(me, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
