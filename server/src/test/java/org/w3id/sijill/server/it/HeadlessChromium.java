package org.w3id.sijill.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The one headless Chromium of a test run (Debian's {@code chromium} driven by its
 * {@code chromedriver}; Selenium Manager has nothing to look up or download), shared by the browser
 * test classes: starting a browser takes seconds, so it starts once per test JVM and quits when the
 * JVM ends. Each class takes it with {@link #driver}, which hands it over clean: no cookies (the
 * page language is a cookie, and every test server is on {@code localhost}), the console log
 * drained, the window at the size asked for.
 *
 * <pre>{@code
 * ChromeDriver driver = HeadlessChromium.driver(1280, 1000);
 * driver.get(base + "/page/country/LB");
 * }</pre>
 */
public final class HeadlessChromium {
    private HeadlessChromium() {}

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where the browser tests put their screenshots. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ChromeDriver driver;
    private static Path profile;

    /**
     * @param width  the window width in CSS pixels
     * @param height the window height
     * @return the shared browser, started on first use, with no cookies and an empty console log
     */
    public static synchronized ChromeDriver driver(int width, int height) {
        if (driver == null) start();
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().logs().get(LogType.BROWSER);
        return driver;
    }

    private static void start() {
        assertTrue(Files.isExecutable(CHROMIUM), "Chromium is installed at " + CHROMIUM + " (Debian package chromium; scripts/install-test-tools)");
        assertTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver is installed at " + CHROMEDRIVER + " (Debian package chromium-driver)");
        try {
            Files.createDirectories(SCREENSHOTS);
            profile = Files.createTempDirectory("sijill-chromium");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--window-size=1280,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Runtime.getRuntime().addShutdownHook(new Thread(HeadlessChromium::quit, "quit headless Chromium"));
    }

    private static synchronized void quit() {
        if (driver != null) driver.quit();
        driver = null;
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // At JVM exit the profile folder is best effort; report it rather than fail the run.
            System.err.println("could not delete the Chromium profile " + profile + ": " + e.getMessage());
        }
    }
}
