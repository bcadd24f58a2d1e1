package fr.asp.segur.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for one test: started before it, closed after it (so each test has a fresh
 * profile and a fresh HTTP session), with a screenshot and the page's HTML in target/screenshots/ when
 * the test fails. Register it as an instance field: {@code @RegisterExtension final Browser browser = new Browser();}
 *
 * <p>Never lets Selenium Manager look for a driver: the binary and the driver are Debian's.
 */
final class Browser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLLING = Duration.ofMillis(100);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String AJAX_IDLE = "return document.readyState === 'complete'"
            + " && (typeof PrimeFaces === 'undefined' || PrimeFaces.ajax.Queue.isEmpty())"
            + " && (typeof jQuery === 'undefined' || (jQuery.active === 0 && jQuery(':animated').length === 0));";

    private ChromeDriverService service;
    private WebDriver driver;
    private Path profile;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        profile = Files.createTempDirectory("journeys-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,2000", "--lang=fr-FR", "--user-data-dir=" + profile);
        // The console, so that a journey can check that no Content-Security-Policy violation happened.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && driver != null) {
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
            try {
                Files.createDirectories(SCREENSHOTS);
                Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(png, SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                System.err.println("No screenshot for " + name + ": " + e);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
            }
            deleteQuietly(profile);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
        waitForAjax();
    }

    /** A wait that also retries when PrimeFaces replaced the element being read (an ajax update). */
    FluentWait<WebDriver> waiting() {
        return waiting(TIMEOUT);
    }

    FluentWait<WebDriver> waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout, POLLING).ignoring(StaleElementReferenceException.class);
    }

    /**
     * Waits until no page load, no PrimeFaces / jQuery request and no jQuery animation is running (an upload's
     * file row fades out, which moves the buttons below it: a click during the fade can miss its button).
     */
    void waitForAjax() {
        waiting(Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(AJAX_IDLE)));
    }

    WebElement present(String id) {
        return waiting().until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    WebElement visible(String id) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    WebElement visible(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    boolean isPresent(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    void click(String id) {
        click(By.id(id));
    }

    void click(By by) {
        waitForAjax();
        waiting().ignoring(ElementClickInterceptedException.class).until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** Replaces an input's text; ajax "change" listeners fire when the field loses focus (see {@link #blur}). */
    void type(String id, String text) {
        waitForAjax();
        waiting().until(d -> {
            WebElement input = ExpectedConditions.elementToBeClickable(By.id(id)).apply(d);
            if (input == null) {
                return false;
            }
            input.clear();
            input.sendKeys(text);
            return true;
        });
    }

    /** Takes the focus away from the active element, which fires its "change" event. */
    void blur() {
        ((JavascriptExecutor) driver).executeScript("if (document.activeElement) { document.activeElement.blur(); }");
        waitForAjax();
    }

    String text(String id) {
        return waiting().until(d -> d.findElement(By.id(id)).getText());
    }

    String value(String id) {
        return waiting().until(d -> d.findElement(By.id(id)).getDomProperty("value"));
    }

    /** The console messages since the last call that report a Content-Security-Policy violation. */
    java.util.List<String> cspViolations() {
        return driver.manage().logs().get("browser").getAll().stream().map(e -> e.getMessage())
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    /** The rendered text of an element, read in one script (so never stale); empty when it is absent. */
    String textNow(String id) {
        Object text = ((JavascriptExecutor) driver).executeScript(
                "var e = document.getElementById(arguments[0]); return e ? e.innerText : '';", id);
        return text == null ? "" : text.toString().strip();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp profile is harmless
        }
    }
}
