package org.sharedict.uitests;

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
 * "Sign in with your council": a button per configured identity provider, the whole flow through
 * the gateway to a stand-in provider and back, and the app picking up the session the gateway's
 * cookie holds when it starts without an access token.
 */
@ExtendWith(UiContext.class)
class CouncilSignInIT {

    final UiContext ui = UiContext.get();

    private void signedOutVisitTo(String route) {
        ui.open("#/sign-in");
        ui.forgetSession();
        ui.load(route);
    }

    @Test
    void aCouncilEngineerSignsInAtTheirCouncilWithTheKeyboardAndLandsWhereTheyWereGoing() {
        Assumptions.assumeTrue(
                ui.platform.council() != null, "needs the platform started for the tests, with the stand-in provider");
        signedOutVisitTo("#/oncall");
        assertEquals("Sign in to Shared ICT Support", ui.heading(), "nobody is signed in");
        WebElement council =
                ui.driver().findElement(By.cssSelector("a[data-provider=" + StandInCouncil.PROVIDER + "]"));
        assertEquals("Sign in with " + StandInCouncil.DISPLAY_NAME, council.getText());
        ui.checkScreen("sign-in-council");
        ui.checkPhone("sign-in-council-phone");

        council.sendKeys(Keys.ENTER);
        // Gateway → provider → gateway's callback (sets the refresh cookie) → back to the app, which renews with it.
        ui.waitUpTo(30).until(d -> StandInCouncil.USERNAME.equals(ui.signedInUser()));
        ui.waitForScreen();
        assertEquals("On call now", ui.heading(), "back where sign-in interrupted");
        ui.waitUpTo(10)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("account-who"), StandInCouncil.DISPLAY_NAME));
        String who = ui.driver().findElement(By.id("account-who")).getText();
        assertTrue(who.contains(StandInCouncil.NAME) && who.contains("on-call engineer"), who);
        ui.signedInAs = StandInCouncil.USERNAME;
    }

    @Test
    void aCouncilSignInThatFailsEndsOnTheSignInPageSayingWhyInWords() {
        Assumptions.assumeTrue(
                ui.platform.council() != null, "needs the platform started for the tests, with the stand-in provider");
        signedOutVisitTo("#/oncall");
        ui.platform.council().refuseNext = true;
        ui.driver()
                .findElement(By.cssSelector("a[data-provider=" + StandInCouncil.PROVIDER + "]"))
                .sendKeys(Keys.ENTER);
        ui.waitUpTo(30).until(d -> d.getCurrentUrl().contains("#/sign-in?councilError="));
        ui.waitForScreen();
        String summary = ui.waitUpTo(15)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")))
                .getText();
        assertTrue(summary.contains(StandInCouncil.DISPLAY_NAME + " did not sign you in"), summary);
        assertFalse(summary.toLowerCase().contains("callback") || summary.contains("401"), summary);
        assertEquals(null, ui.signedInUser());
        assertEquals("Sign in to Shared ICT Support", ui.heading(), "and the ways to sign in are there to try again");
        ui.checkScreen("sign-in-council-failed");
    }

    @Test
    void aNewVisitWithTheGatewaysCookieButNoAccessTokenIsSignedIn() {
        ui.signInAs(UiContext.BBC_MANAGER);
        // A new tab, or the browser reopened: the access token (sessionStorage) is gone, the HttpOnly cookie is not.
        ui.script("sessionStorage.clear()");
        ui.load("#/people");
        assertEquals(UiContext.BBC_MANAGER, ui.signedInUser(), "the refresh cookie gave a new access token");
        assertTrue(ui.heading().contains("People"), ui.heading());
        assertTrue(ui.driver().findElement(By.id("account")).isDisplayed());
    }

    @Test
    void withoutASessionTheSignInPageIsShownAsBefore() {
        signedOutVisitTo("#/people");
        assertEquals("Sign in to Shared ICT Support", ui.heading());
        assertEquals(null, ui.signedInUser());
    }
}
