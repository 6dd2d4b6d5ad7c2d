package org.sharedict.uitests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The people screens the API had without a screen (certifications, CSV import with its preview and
 * export, entries to confirm) and the admin ones (skill taxonomy, audit trail): each used with the
 * keyboard by a role that may, checked through the API, at desktop and phone widths with axe; and
 * a viewer, who is offered none of their actions.
 */
@ExtendWith(UiContext.class)
class PeopleAdminIT {

    final UiContext ui = UiContext.get();

    private PlatformApi admin() {
        return PlatformApi.signIn(ui.platform.baseUrl(), ui.platform.adminUsername(), ui.platform.adminPassword());
    }

    private long personByEmail(PlatformApi api, String email) {
        return api.get("/api/people?email=" + email)
                .get("items")
                .get(0)
                .get("id")
                .asLong();
    }

    private WebElement in(String section, String css) {
        return ui.driver().findElement(By.cssSelector("section[aria-labelledby=" + section + "] " + css));
    }

    private void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void aManagerAddsChangesAndRemovesACertificationWithTheKeyboard() {
        PlatformApi admin = admin();
        long gareth = personByEmail(admin, "gareth.pilling@boston.example.gov.uk");
        String name = "ITIL 4 Foundation " + UUID.randomUUID().toString().substring(0, 6);
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/people/" + gareth + "/edit");
        type(in("certifications-heading", "input[name=name]"), name);
        type(in("certifications-heading", "input[name=issuer]"), "PeopleCert");
        ui.script("arguments[0].value = '2031-01-31'", in("certifications-heading", "input[name=expires]"));
        type(in("certifications-heading", "input[name=skill]"), "ITIL");
        ui.press(By.id("save-certification"));

        ui.waitUpTo(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("certifications-editor"), name));
        ui.waitUpTo(5)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-region"), name + " added."));
        JsonNode cert = certNamed(admin, gareth, name);
        assertEquals("PeopleCert", cert.get("issuer").asText());
        assertEquals("2031-01-31", cert.get("expires").asText());
        assertEquals("ITIL", cert.get("skill").asText(), "the skill was understood by its name");
        ui.checkScreen("person-certifications");

        ui.press(By.xpath("//section[@aria-labelledby='certifications-heading']//tr[contains(., '" + name
                + "')]//button[starts-with(normalize-space(), 'Change')]"));
        assertEquals(
                "certification-form-heading",
                ui.driver().switchTo().activeElement().getAttribute("id"),
                "focus moves to the form it fills");
        type(in("certifications-heading", "input[name=issuer]"), "Axelos");
        ui.press(By.id("save-certification"));
        ui.waitUpTo(15)
                .until(d -> "Axelos"
                        .equals(certNamed(admin, gareth, name).get("issuer").asText()));
        ui.waitUpTo(10)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("certifications-editor"), "Axelos"));
        ui.checkPhone("person-certifications-phone");

        ui.press(By.xpath("//section[@aria-labelledby='certifications-heading']//tr[contains(., '" + name
                + "')]//button[starts-with(normalize-space(), 'Remove')]"));
        ui.waitUpTo(10)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-region"), name + " removed."));
        assertEquals(null, certNamed(admin, gareth, name), "removed through the API");
    }

    private JsonNode certNamed(PlatformApi api, long person, String name) {
        for (JsonNode c : api.get("/api/people/" + person + "/certifications")) {
            if (name.equals(c.get("name").asText())) {
                return c;
            }
        }
        return null;
    }

    @Test
    void anImportShowsEveryRowErrorThenWhatWillChangeAndWritesOnlyWhenConfirmed() throws IOException {
        PlatformApi admin = admin();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/people/csv");
        ui.checkScreen("people-csv");

        Path bad = Files.createTempFile("people-bad-", ".csv");
        Files.writeString(
                bad,
                "partner,name,email,job_title,skills\r\n"
                        + "BBC,Level Nine " + tag + ",level.nine." + tag
                        + "@boston.example.gov.uk,Engineer,CITRIX:9\r\n"
                        + "COL,Not Ours " + tag + ",not.ours." + tag + "@lincoln.example.gov.uk,Engineer,\r\n"
                        + "BBC,No Such Skill " + tag + ",no.skill." + tag
                        + "@boston.example.gov.uk,Engineer,QUANTUM_FLUX:3\r\n",
                StandardCharsets.UTF_8);
        ui.driver()
                .findElement(By.id("people-file"))
                .sendKeys(bad.toAbsolutePath().toString());
        ui.press(By.id("check-import"));
        WebElement problems =
                ui.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-problems")));
        List<String> rows = problems.findElements(By.cssSelector("tbody tr td:first-child")).stream()
                .map(WebElement::getText)
                .distinct()
                .toList();
        assertEquals(List.of("2", "3", "4"), rows, "every row's problem is listed: " + problems.getText());
        String summary =
                ui.driver().findElement(By.cssSelector(".govuk-error-summary")).getText();
        assertTrue(summary.contains("nothing was imported"), summary);
        assertEquals(
                0,
                admin.get("/api/people?email=level.nine." + tag + "@boston.example.gov.uk")
                        .get("totalItems")
                        .asInt(),
                "nothing written");
        ui.checkScreen("people-csv-errors");

        long gareth = personByEmail(admin, "gareth.pilling@boston.example.gov.uk");
        String before = admin.get("/api/people/" + gareth).get("jobTitle").asText();
        String after = before.startsWith("Senior ") ? before.substring("Senior ".length()) : "Senior " + before;
        String newEmail = "una.import." + tag + "@boston.example.gov.uk";
        Path good = Files.createTempFile("people-good-", ".csv");
        Files.writeString(
                good,
                "partner,name,email,job_title\r\n"
                        + "BBC,Una Import " + tag + "," + newEmail + ",Network Engineer\r\n"
                        + "BBC,Gareth Pilling,gareth.pilling@boston.example.gov.uk," + after + "\r\n",
                StandardCharsets.UTF_8);
        ui.driver()
                .findElement(By.id("people-file"))
                .sendKeys(good.toAbsolutePath().toString());
        ui.press(By.id("check-import"));
        WebElement preview =
                ui.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-import")));
        String shown = ui.driver().findElement(By.id("import-preview")).getText();
        assertTrue(shown.contains("1 person to add, 1 to update"), shown);
        assertTrue(shown.contains("Job title: " + before + " → " + after), shown);
        assertTrue(
                ui.driver().findElements(By.cssSelector(".govuk-error-summary")).isEmpty(),
                "the earlier problems are cleared");
        assertEquals(
                "preview-heading",
                ui.driver().switchTo().activeElement().getAttribute("id"),
                "focus moves to the preview");
        assertEquals(
                0, admin.get("/api/people?email=" + newEmail).get("totalItems").asInt(), "a preview writes nothing");
        ui.checkScreen("people-csv-preview");
        ui.checkPhone("people-csv-preview-phone");

        preview.sendKeys(org.openqa.selenium.Keys.ENTER);
        ui.waitUpTo(20)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("import-preview"), "1 person added, 1 updated"));
        assertEquals(
                1, admin.get("/api/people?email=" + newEmail).get("totalItems").asInt());
        assertEquals(after, admin.get("/api/people/" + gareth).get("jobTitle").asText());
    }

    @Test
    void anyoneExportsPeopleAsCsv() throws Exception {
        ui.signInAs(UiContext.LCC_VIEWER);
        ui.open("#/people/csv");
        assertTrue(ui.driver().findElements(By.id("people-file")).isEmpty(), "a viewer is offered no import");
        assertTrue(ui.mainText().contains("Only ICT managers"), ui.mainText());
        ui.press(By.id("export-people"));
        ui.waitUpTo(30)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("main-content"), "Downloaded people-lcc.csv"));
        Path file = ui.browser.downloads.resolve("people-lcc.csv");
        ui.waitUpTo(30).until(d -> Files.isRegularFile(file));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("partner,name,email"), lines.get(0));
        assertTrue(
                lines.size() > 1 && lines.stream().skip(1).allMatch(l -> l.startsWith("LCC,")),
                "Lincolnshire's people only");
    }

    @Test
    void theEntriesToConfirmAreListedWithSkillNames() {
        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/people");
        ui.follow(By.id("people-stale"));
        assertEquals(
                "Entries to confirm",
                ui.driver()
                        .findElement(By.cssSelector("main h1"))
                        .getText()
                        .replace("People\n", "")
                        .trim());
        String text = ui.mainText();
        assertTrue(text.contains("Gareth Pilling"), "Boston's long-unconfirmed analyst is listed: " + text);
        assertFalse(text.matches("(?s).*\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b.*"), "skills are named, not coded: " + text);
        ui.checkScreen("people-stale");
        ui.checkPhone("people-stale-phone");
    }

    @Test
    void anAdminKeepsTheTaxonomyAndAManagerIsNotOfferedIt() {
        PlatformApi admin = admin();
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String code = "UI_TEST_" + tag;
        String name = "Browser test skill " + tag;
        ui.signInAs(ui.platform.adminUsername());
        ui.open("#/admin/taxonomy");
        ui.driver().findElement(By.cssSelector("#skill-panel summary")).click();
        type(ui.driver().findElement(By.cssSelector("#skill-panel input[name=code]")), code);
        type(ui.driver().findElement(By.cssSelector("#skill-panel input[name=name]")), name);
        type(
                ui.driver().findElement(By.cssSelector("#skill-panel textarea[name=aliases]")),
                "bts" + tag.toLowerCase() + "\nbrowser skill " + tag.toLowerCase());
        type(ui.driver().findElement(By.cssSelector("#skill-panel input[name=sfiaCode]")), "itop");
        ui.press(By.id("save-skill"));
        ui.waitUpTo(15)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"), name + " is added."));
        JsonNode made = admin.get("/api/skills/" + code);
        assertEquals("ITOP", made.get("sfiaCode").asText());
        assertEquals(2, made.get("aliases").size());
        assertTrue(ui.driver().findElement(By.id("taxonomy-skills")).getText().contains(name));
        ui.checkScreen("admin-taxonomy");

        ui.press(By.xpath("//table[@id='taxonomy-skills']//tr[contains(., '" + name
                + "')]//button[starts-with(normalize-space(), 'Change')]"));
        assertEquals(
                "skill-form-heading", ui.driver().switchTo().activeElement().getAttribute("id"));
        type(ui.driver().findElement(By.cssSelector("#skill-panel input[name=sfiaCode]")), "DBAD");
        ui.press(By.id("save-skill"));
        ui.waitUpTo(15)
                .until(d -> "DBAD"
                        .equals(admin.get("/api/skills/" + code).get("sfiaCode").asText()));
        ui.waitForScreen();
        ui.checkPhone("admin-taxonomy-phone");

        ui.press(By.xpath("//table[@id='taxonomy-skills']//tr[contains(., '" + name
                + "')]//button[starts-with(normalize-space(), 'Remove')]"));
        ui.waitUpTo(15)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".govuk-notification-banner--success"), name + " is removed."));
        assertEquals(0, admin.get("/api/skills?q=" + code).get("totalItems").asInt());

        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/admin/users");
        assertTrue(
                ui.driver()
                        .findElements(By.cssSelector(".app-subnav a[href='#/admin/taxonomy']"))
                        .isEmpty(),
                "no taxonomy section for a manager");
        ui.open("#/admin/taxonomy");
        assertTrue(ui.mainText().contains("Only partnership admins can see and change this."), ui.mainText());
    }

    @Test
    void theAuditTrailIsFilteredAndAManagerSeesTheirOwnPartnersOnly() {
        // A failed sign-in of the viewer, for the filter to find.
        try {
            PlatformApi.signIn(ui.platform.baseUrl(), UiContext.LCC_VIEWER, "not-the-password-at-all");
        } catch (IllegalStateException refused) {
            assertTrue(refused.getMessage().contains("401"), refused.getMessage());
        }
        ui.signInAs(ui.platform.adminUsername());
        ui.open("#/admin/audit");
        new org.openqa.selenium.support.ui.Select(ui.driver().findElement(By.cssSelector("select[name=action]")))
                .selectByValue("SIGN_IN_FAILED");
        type(ui.driver().findElement(By.cssSelector("input[name=actor]")), UiContext.LCC_VIEWER);
        WebElement before = ui.driver().findElement(By.cssSelector("main h1"));
        ui.press(By.id("filter-audit"));
        ui.waitUpTo(15).until(ExpectedConditions.stalenessOf(before));
        ui.waitForScreen();
        assertTrue(
                ui.driver().getCurrentUrl().contains("action=SIGN_IN_FAILED"),
                ui.driver().getCurrentUrl());
        List<WebElement> rows = ui.driver().findElements(By.cssSelector("#audit-entries tbody tr"));
        assertFalse(rows.isEmpty(), "the failed sign-in is found");
        for (WebElement row : rows) {
            assertTrue(
                    row.getText().contains("Sign-in failed") && row.getText().contains(UiContext.LCC_VIEWER),
                    row.getText());
        }
        assertTrue(rows.get(0).getText().contains("wrong password"), rows.get(0).getText());
        ui.checkScreen("admin-audit");
        ui.checkPhone("admin-audit-phone");

        ui.signInAs(UiContext.BBC_MANAGER);
        ui.open("#/admin/audit");
        assertTrue(
                ui.driver().findElements(By.cssSelector("select[name=partner]")).isEmpty(),
                "a manager has no partner filter");
        List<WebElement> partners = ui.driver().findElements(By.cssSelector("#audit-entries tbody tr td:nth-child(5)"));
        assertFalse(partners.isEmpty(), "Boston's sign-ins are there");
        assertTrue(
                partners.stream().allMatch(td -> td.getText().equals("Boston Borough Council")),
                "only Boston's entries");
    }

    @Test
    void aViewerIsOfferedNoneOfTheseActions() {
        long someone = personByEmail(admin(), "gareth.pilling@boston.example.gov.uk");
        ui.signInAs(UiContext.LCC_VIEWER);
        ui.open("#/people");
        assertTrue(ui.driver().findElements(By.linkText("Add a person")).isEmpty());
        assertEquals(
                "Export as CSV", ui.driver().findElement(By.id("people-csv")).getText());
        ui.open("#/people/" + someone);
        assertTrue(ui.driver().findElements(By.id("edit-person")).isEmpty(), "no edit for a viewer");
        assertFalse(
                ui.driver()
                        .findElement(By.cssSelector("#navigation [data-nav=admin]"))
                        .isDisplayed(),
                "no Admin menu for a viewer");
        ui.open("#/admin/audit");
        assertTrue(ui.mainText().contains("Only partnership admins and ICT managers can see this."), ui.mainText());
        assertTrue(ui.driver().findElements(By.id("audit-entries")).isEmpty());
        ui.checkScreen("admin-not-allowed");
    }

    static boolean anyFile(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(suffix));
        }
    }
}
