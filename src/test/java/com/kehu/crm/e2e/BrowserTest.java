package com.kehu.crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application on a random port and a headless Chromium per test, from the distribution's packages
 * ({@code chromium} and {@code chromium-driver}); without them a browser test fails rather than skips, so CI cannot
 * pass silently. Screenshots and the last page of every test land in {@code target/screenshots}.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"crm.demo.enabled=true", "crm.demo.customer-count=0"})
abstract class BrowserTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

    private static File chromium;
    private static File chromedriver;

    @LocalServerPort
    int port;

    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeAll
    static void findBrowser() throws IOException {
        chromium = executable("CRM_E2E_CHROMIUM", "/usr/bin/chromium");
        chromedriver = executable("CRM_E2E_CHROMEDRIVER", "/usr/bin/chromedriver");
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void openBrowser() {
        // explicit paths keep Selenium Manager, which would try to download a browser, out of the picture
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver)
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless",
                "--no-sandbox", // required when running as root, as CI does
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1366,900",
                "--lang=en-US",
                // Bootstrap scrolls smoothly otherwise, and a click can land while the page is still moving
                "--force-prefers-reduced-motion",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, TIMEOUT);
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws IOException {
        if (driver != null) {
            // the last page of every test, to look at when it failed
            String name = "last-" + test.getTestMethod().orElseThrow().getName();
            screenshot(name);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            driver.quit(); // also stops this test's chromedriver
        }
    }

    void signIn(String username, String password) {
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
    }

    /** Signs out through the user menu's form and waits for the sign-in page. */
    void signOut() {
        script("document.getElementById('logout').click()");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }

    String lang() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Console errors, CSP violations included ("Refused to ... because it violates ... Content Security Policy"). */
    void assertNoBrowserErrors() {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()
                        || e.getMessage().contains("Content Security Policy"))
                .map(LogEntry::toString)
                .toList();
        assertThat(errors).as("browser console on " + driver.getCurrentUrl()).isEmpty();
    }

    void screenshot(String name) {
        try {
            Files.copy(
                    driver.getScreenshotAs(OutputType.FILE).toPath(),
                    SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save screenshot " + name, e);
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static File executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        File file = new File(configured == null || configured.isBlank() ? fallback : configured);
        if (!file.canExecute()) {
            fail(file + " is missing. Install the browser (apt-get install chromium chromium-driver) or set " + variable
                    + " to its path.");
        }
        return file;
    }
}
