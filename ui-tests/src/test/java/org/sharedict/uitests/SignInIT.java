package org.sharedict.uitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

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
        String summary = ui.waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary"))).getText();
        assertTrue(summary.contains("The username or password is not right"), summary);
        assertEquals("Error: Sign in – Shared ICT Support", ui.driver().getTitle());
        assertEquals("govuk-error-summary", ui.driver().switchTo().activeElement().getAttribute("class"), "focus moves to the error summary");
    }

    @Test
    @Order(2)
    void signingInShowsTheUsersPartnerAndRoleAndSigningOutEndsIt() {
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-who"), "Boston Borough Council"));
        String who = ui.driver().findElement(By.id("account-who")).getText();
        assertTrue(who.contains("Boston Borough Council") && who.contains("ICT manager"), who);
        assertEquals("Find an expert – Shared ICT Support", ui.driver().getTitle());
        assertEquals("page-heading", ui.driver().switchTo().activeElement().getAttribute("id"), "focus is on the main heading after the route change");
        assertTrue(ui.driver().findElement(By.cssSelector("#navigation [data-nav=admin]")).getAttribute("hidden") != null
                && !ui.driver().findElement(By.cssSelector("#navigation [data-nav=admin]")).isDisplayed(), "only admins see the Admin menu item");

        ui.driver().findElement(By.id("sign-out")).click();
        ui.waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]")));
        ui.signedInAs = null;
        assertTrue(ui.driver().findElement(By.tagName("main")).getText().contains("You have signed out"));
        ui.open("#/experts");
        assertEquals("Sign in to Shared ICT Support", ui.heading(), "a signed-out user is sent to the sign-in page");
    }
}
