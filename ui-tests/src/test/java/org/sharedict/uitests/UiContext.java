package org.sharedict.uitests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One platform and one browser for every browser test class of the run (starting the platform is
 * the slow part), closed when the run ends; and the steps the tests share: sign in, open a
 * route, check a screen with axe and keep its screenshot.
 */
final class UiContext implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    static final String PASSWORD = "ui-tests-Password-1";
    /** Users the tests make through the admin API: [username, partner, roles, display name]. */
    static final String BBC_MANAGER = "ui.bbc.manager";

    static final String COL_DR_LEAD = "ui.col.drlead";
    static final String BBC_ENGINEER = "ui.bbc.engineer";
    static final String LCC_VIEWER = "ui.lcc.viewer";
    /** The demo's engineer (local-run's GatewayDemo), linked to his person: his shifts are the README's promise. */
    static final String DEMO_ENGINEER = "tom.ashworth";

    static final String DEMO_PASSWORD = "demo-password";

    private static UiContext current;

    UiPlatform platform;
    Browser browser;
    String signedInAs;

    static UiContext get() {
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (UiContext.class) {
            if (current == null) {
                UiContext c = new UiContext();
                c.platform = UiPlatform.start();
                PlatformApi admin = PlatformApi.signIn(
                        c.platform.baseUrl(), c.platform.adminUsername(), c.platform.adminPassword());
                long bbcPerson = admin.get("/api/people?partner=BBC&size=1&sort=name")
                        .get("items")
                        .get(0)
                        .get("id")
                        .asLong();
                admin.ensureUser(BBC_MANAGER, PASSWORD, "BBC", null, List.of("manager"), "Boston ICT manager (tests)");
                admin.ensureUser(COL_DR_LEAD, PASSWORD, "COL", null, List.of("dr-lead"), "Lincoln DR lead (tests)");
                admin.ensureUser(
                        BBC_ENGINEER, PASSWORD, "BBC", bbcPerson, List.of("engineer"), "Boston engineer (tests)");
                admin.ensureUser(LCC_VIEWER, PASSWORD, "LCC", null, List.of("viewer"), "Lincolnshire viewer (tests)");
                c.browser = new Browser();
                current = c;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(UiContext.class.getName(), c);
            }
        }
    }

    @Override
    public void close() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (platform != null) {
                platform.close();
            }
            current = null;
        }
    }

    WebDriver driver() {
        return browser.driver;
    }

    /**
     * A wait that reads the screen again when the element it read was replaced meanwhile: the app
     * re-renders a screen when its data arrives, so a heading found a moment ago may be gone.
     */
    WebDriverWait waitUpTo(int seconds) {
        WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Signs in through the sign-in page (signing out first if someone else is signed in). */
    void signIn(String username, String password) {
        if (username.equals(signedInAs) && username.equals(signedInUser())) {
            return;
        }
        // A fresh visit with nobody signed in (SignInIT tests the sign-out button itself).
        open("#/sign-in");
        forgetSession();
        load("#/sign-in");
        WebElement user = waitUpTo(10)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]")));
        user.clear();
        user.sendKeys(username);
        driver().findElement(By.cssSelector("input[name=password]")).sendKeys(password);
        driver().findElement(By.id("sign-in-button")).click();
        waitUpTo(15).until(d -> username.equals(signedInUser()));
        waitForScreen();
        signedInAs = username;
    }

    /**
     * Forgets who was signed in: the access token (sessionStorage) and the gateway's refresh cookie,
     * which the app would otherwise pick up on its next start. The cookie's path is /api/auth, so
     * WebDriver's deleteAllCookies (the page's cookies) does not reach it; Chromium's own call does.
     */
    void forgetSession() {
        script("sessionStorage.clear()");
        browser.driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        signedInAs = null;
    }

    /** The username in the app's session (from the access token's claims), or null. */
    String signedInUser() {
        Object u = script(
                "const s = sessionStorage.getItem('sharedict.session'); return s ? JSON.parse(s).claims.upn || JSON.parse(s).claims.sub : null");
        return u == null ? null : u.toString();
    }

    void signInAs(String username) {
        signIn(
                username,
                username.equals(platform.adminUsername())
                        ? platform.adminPassword()
                        : username.equals(DEMO_ENGINEER) ? DEMO_PASSWORD : PASSWORD);
    }

    /**
     * The screen at a phone's width (390 px): axe finds no serious violation, nothing makes the page
     * wider than the screen (a wide table or chart scrolls inside its own region), and its picture is kept.
     */
    void checkPhone(String name) {
        try {
            driver().manage().window().setSize(new org.openqa.selenium.Dimension(Browser.PHONE_WIDTH, 900));
            waitUpTo(5).until(d -> ((Number) script("return window.innerWidth")).intValue() <= Browser.PHONE_WIDTH);
            long inner = ((Number) script("return window.innerWidth")).longValue();
            long wide = ((Number) script("return document.documentElement.scrollWidth")).longValue();
            assertEquals(
                    List.of(),
                    browser.seriousViolations(),
                    "axe-core on " + name + " at " + Browser.PHONE_WIDTH + " px");
            org.junit.jupiter.api.Assertions.assertTrue(
                    wide <= inner,
                    name + " is " + wide + " px wide on a " + inner + " px screen: "
                            + script(
                                    "return [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.app-scroll')).slice(0, 3).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 60)).join(' | ')"));
        } finally {
            driver().manage().window().setSize(new org.openqa.selenium.Dimension(Browser.WIDTH, 1000));
        }
        phoneScreenshot(name);
    }

    /** Presses a control with the keyboard (Enter), as someone without a mouse does. */
    void press(By control) {
        WebElement el = waitUpTo(10).until(ExpectedConditions.elementToBeClickable(control));
        el.sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    /** The text of the page's main content. */
    String mainText() {
        return driver().findElement(By.tagName("main")).getText();
    }

    /** Opens a route and waits until its screen has rendered (a main heading, nothing loading). */
    void open(String route) {
        String url = platform.baseUrl() + "/" + route;
        if (url.equals(driver().getCurrentUrl())) {
            driver().navigate().refresh(); // the same address again: no hashchange, so start the screen afresh
        } else {
            driver().get(url);
        }
        waitForScreen();
    }

    /** Loads the page afresh at a route, as a new visit does. */
    void load(String route) {
        driver().get(platform.baseUrl() + "/" + route);
        driver().navigate().refresh();
        waitForScreen();
    }

    /** Opens a route as a visit from elsewhere does (a bookmark, a link in an e-mail): a fresh page at exactly that address. */
    void visit(String route) {
        driver().get("about:blank");
        driver().get(platform.baseUrl() + "/" + route);
        waitForScreen();
    }

    /** Follows a link to another screen and waits until that screen has replaced this one. */
    void follow(By link) {
        WebElement before = driver().findElement(By.cssSelector("main h1"));
        driver().findElement(link).click();
        waitUpTo(20).until(ExpectedConditions.stalenessOf(before));
        waitForScreen();
    }

    void waitForScreen() {
        waitUpTo(20)
                .until(d -> !d.findElements(By.cssSelector("main h1")).isEmpty()
                        && d.findElements(By.cssSelector("main .app-loading")).isEmpty());
    }

    String heading() {
        return driver().findElement(By.cssSelector("main h1")).getText();
    }

    /** axe-core finds no serious or critical WCAG 2.2 AA violation; the screen's picture is kept. */
    void checkScreen(String name) {
        List<String> violations = browser.seriousViolations();
        Path target = Path.of("target", "screenshots", name + ".png");
        browser.screenshot(target, Browser.WIDTH);
        String docs = System.getProperty("ui.screenshots");
        if (docs != null && !docs.isBlank()) {
            browser.screenshot(
                    Path.of(docs).isAbsolute()
                            ? Path.of(docs, name + ".png")
                            : Path.of("..").resolve(docs).resolve(name + ".png"),
                    Browser.WIDTH);
        }
        assertEquals(List.of(), violations, "axe-core on " + name + " (" + driver().getCurrentUrl() + ")");
    }

    void phoneScreenshot(String name) {
        String docs = System.getProperty("ui.screenshots");
        browser.screenshot(Path.of("target", "screenshots", name + ".png"), Browser.PHONE_WIDTH);
        if (docs != null && !docs.isBlank()) {
            browser.screenshot(Path.of("..").resolve(docs).resolve(name + ".png"), Browser.PHONE_WIDTH);
        }
    }

    /** Sets a date or time field as a picker does (the typed form of those depends on the browser's locale). */
    void setValue(By field, String value) {
        script(
                "const e = arguments[0]; e.value = arguments[1]; e.dispatchEvent(new Event('input', {bubbles: true}));"
                        + " e.dispatchEvent(new Event('change', {bubbles: true}))",
                driver().findElement(field),
                value);
    }

    /** Waits for the screen a form or button leads to: the main heading becomes `heading`. */
    void waitForHeading(String heading) {
        waitUpTo(20).until(d -> {
            java.util.List<WebElement> h1 = d.findElements(By.cssSelector("main h1"));
            try {
                return !h1.isEmpty()
                        && h1.get(0).getText().contains(heading)
                        && d.findElements(By.cssSelector("main .app-loading")).isEmpty();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                // While a submitted form navigates, Chromium can answer for a node of the page
                // being left ("Node with given id does not belong to the document"): look again.
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** The text of the error summary once it is shown (and has focus, as it must). */
    String errorSummary() {
        WebElement summary = waitUpTo(15)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
        assertEquals(summary, driver().switchTo().activeElement(), "the error summary takes focus");
        return summary.getText();
    }

    /** What the polite live region says now (what a screen reader has just been told). */
    String announced() {
        return driver().findElement(By.id("live-region")).getAttribute("textContent");
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(js, args);
    }
}
