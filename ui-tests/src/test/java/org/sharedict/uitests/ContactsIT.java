package org.sharedict.uitests;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "How to reach me": an engineer adds an e-mail method, verifies it with the code mailed to it, and sets a rule; all by keyboard. */
@ExtendWith(UiContext.class)
class ContactsIT {

    final UiContext ui = UiContext.get();

    @Test
    void anEngineerAddsVerifiesAndUsesAContactMethodByKeyboard() {
        assertNotNull(ui.platform.mail(), "the harness's mail server receives the verification code");
        ui.signInAs(UiContext.BBC_ENGINEER);
        ui.open("#/contacts");
        assertTrue(ui.heading().contains("How to reach me"), ui.heading());

        String address = "ui.contacts." + UUID.randomUUID().toString().substring(0, 8) + "@bbc.example.gov.uk";
        ui.driver().findElement(By.cssSelector("input[name=kind][value=EMAIL]")).sendKeys(Keys.SPACE);
        WebElement field = ui.driver().findElement(By.cssSelector("input[name=address]"));
        field.sendKeys("not an address");
        field.sendKeys(Keys.ENTER);
        ui.waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
        assertTrue(ui.mainText().contains("e-mail address"), "the 400 names the address field in words");

        field.clear();
        field.sendKeys(address);
        field.sendKeys(Keys.ENTER);
        ui.waitUpTo(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-methods"), address));
        ui.press(By.cssSelector("#methods-table [data-action=send-code]"));
        WebElement code = ui.waitUpTo(15)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=code]")));
        code.sendKeys(codeMailedTo(address));
        code.sendKeys(Keys.ENTER);
        ui.waitUpTo(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-methods"), "Verified"));

        Select rule = new Select(ui.waitUpTo(10)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#contact-rules select[name^=low-]"))));
        rule.selectByVisibleText("At once");
        ui.press(By.id("save-rules"));
        ui.waitUpTo(10)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Your rules are saved"));
        ui.press(By.cssSelector("#methods-table [data-action=send-test]"));
        ui.waitUpTo(10)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("main"), "A test message is on its way"));

        ui.checkScreen("contacts");
        ui.checkPhone("contacts-phone");
    }

    private String codeMailedTo(String address) {
        Pattern sixDigits = Pattern.compile("\\b(\\d{6})\\b");
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> Arrays.stream(ui.platform.mail().getReceivedMessages())
                                .filter(m -> to(m, address))
                                .map(ContactsIT::text)
                                .map(sixDigits::matcher)
                                .filter(Matcher::find)
                                .map(m -> m.group(1))
                                .findFirst()
                                .orElse(null),
                        c -> c != null);
    }

    private static boolean to(MimeMessage m, String address) {
        try {
            return Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (Exception e) {
            return false;
        }
    }

    private static String text(MimeMessage m) {
        try {
            Object c = m.getContent();
            if (c instanceof Multipart mp) {
                return mp.getBodyPart(0).getContent().toString();
            }
            return c.toString();
        } catch (Exception e) {
            return "";
        }
    }
}
