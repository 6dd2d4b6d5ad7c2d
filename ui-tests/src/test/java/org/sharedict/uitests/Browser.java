package org.sharedict.uitests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through Debian's chromedriver: both paths are given, so Selenium
 * Manager never looks for (or downloads) a browser or a driver.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("ui.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("ui.chromedriver", "/usr/bin/chromedriver");
    static final int WIDTH = 1280;
    static final int PHONE_WIDTH = 390;
    /** WCAG 2.2 A and AA rules, as the issue asks. */
    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;

    Browser() {
        try {
            profile = Files.createTempDirectory("ui-tests-chromium-");
            downloads = Files.createTempDirectory("ui-tests-downloads-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--lang=en-GB",
                "--window-size=" + WIDTH + ",1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory",
                        downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download",
                        false,
                        "intl.accept_languages",
                        "en-GB"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    /** axe-core on the page as it is now: the serious and critical violations, described. */
    List<String> seriousViolations() {
        Results results = new AxeBuilder().withTags(WCAG).analyze(driver);
        return results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(Browser::describe)
                .toList();
    }

    private static String describe(Rule r) {
        return r.getImpact() + " " + r.getId() + " (" + r.getHelp() + ") at "
                + r.getNodes().stream()
                        .limit(5)
                        .map(n -> n.getTarget().toString())
                        .collect(Collectors.joining(", "));
    }

    /** A full-page PNG: the window is stretched to the page's height for the shot. */
    void screenshot(Path file, int width) {
        try {
            driver.manage().window().setSize(new Dimension(width, 1000));
            long height = (Long) driver.executeScript("return Math.ceil(document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(width, (int) Math.min(height, 8000)));
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, 1000));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
