package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.server.it.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser (Debian's headless Chromium driven by its chromedriver, no download) loads the
 * pages of the real server: it checks the rendered text and direction, that the browser console
 * has no errors, and saves screenshots under {@code target/screenshots/}.
 */
class BrowserTest {
    static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;

    @TempDir
    static Path tmp;
    static TestServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(tmp.resolve("server"));
        driver = HeadlessChromium.driver(1280, 1600);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** Loads a page, saves its screenshot, and fails on any console error. */
    static void load(String path, String screenshot) throws IOException {
        load(server.base, path, screenshot);
    }

    /** Loads a page of the server at {@code base}, saves its screenshot, and fails on any console error. */
    static void load(String base, String path, String screenshot) throws IOException {
        driver.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
        driver.get(base + path);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(screenshot + ".png"), StandardCopyOption.REPLACE_EXISTING);
        assertNoConsoleErrors(path);
    }

    static void assertNoConsoleErrors(String path) {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(severe.isEmpty(), () -> "console errors on " + path + ": " + severe);
    }

    static String computed(String selector, String property) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]]", selector, property);
    }

    @Test
    void landingPage() throws IOException {
        load("/?lang=en", "landing-en");
        assertEquals("ltr", computed("body", "direction"));
        String text = driver.findElement(By.tagName("main")).getText();
        assertTrue(text.contains("Sijill"), text);
        assertTrue(driver.findElement(By.cssSelector(".country-list")).getText().contains("Lebanon"));
        assertTrue(driver.findElement(By.id("licence")).getText().contains("Source: UNCTAD Global Cyberlaw Tracker (data as of 2026-04-27)"));
        load("/?lang=ar", "landing-ar");
        assertEquals("rtl", computed("body", "direction"));
        assertTrue(driver.findElement(By.cssSelector(".country-list")).getText().contains("لبنان"));
    }

    @Test
    void countryPageInArabic() throws IOException {
        load("/id/country/LB?lang=ar", "country-LB-ar");
        assertTrue(driver.getCurrentUrl().endsWith("/page/country/LB?lang=ar"), driver.getCurrentUrl());
        assertEquals("rtl", computed("html", "direction"));
        assertEquals("rtl", computed("main", "direction"));
        WebElement h1 = driver.findElement(By.cssSelector("h1"));
        assertTrue(h1.isDisplayed());
        assertEquals("لبنان", h1.getText());
        // Right to left for real: the topic column (first in the DOM) is laid out right of the source columns.
        Number topicX = (Number) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelectorAll('.status-matrix thead th')[0].getBoundingClientRect().left");
        Number sourceX = (Number) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelectorAll('.status-matrix thead th')[1].getBoundingClientRect().left");
        assertTrue(topicX.doubleValue() > sourceX.doubleValue(), "topic column at the right: " + topicX + " vs " + sourceX);
        // A date inside Arabic text keeps its left-to-right order (isolated).
        assertEquals("ltr", (String) ((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(document.querySelector('.status-matrix .asof bdi')).direction"));
        String fonts = computed("h1", "fontFamily");
        assertTrue(fonts.contains("Noto Naskh Arabic"), fonts);
        assertTrue(driver.findElement(By.id("status")).getText().contains("تشريع نافذ"));
        // The English law title inside the Arabic page keeps its own direction.
        assertEquals("ltr", (String) ((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(document.querySelector('.country-laws .item-head bdi')).direction"));
    }

    @Test
    void countryPageInEnglish() throws IOException {
        load("/page/country/LB?lang=en", "country-LB-en");
        assertEquals("ltr", computed("html", "direction"));
        assertEquals("Lebanon", driver.findElement(By.cssSelector("h1")).getText());
        String status = driver.findElement(By.id("status")).getText();
        assertTrue(status.contains("enacted"), status);
        assertTrue(status.contains("as of 2026-04-27"), status);
        WebElement wikidata = driver.findElement(By.cssSelector("a.external[href='http://www.wikidata.org/entity/Q822']"));
        assertTrue(wikidata.isDisplayed());
    }

    @Test
    void lawPage() throws IOException {
        load("/page/law/lb/2018/law-81?lang=en", "law-lb-2018-81-en");
        assertEquals("Law No. 81 of 2018 on electronic transactions and personal data", driver.findElement(By.cssSelector("h1")).getText());
        WebElement quote = driver.findElement(By.cssSelector("#provenance blockquote"));
        assertTrue(quote.isDisplayed());
        assertTrue(quote.getText().contains("In 2018, Lebanon has adopted the law no. 81"), quote.getText());
        load("/page/law/lb/2018/law-81?lang=ar", "law-lb-2018-81-ar");
        assertTrue(driver.findElement(By.cssSelector("h1 small.fallback")).getText().contains("بالإنجليزية"));
    }

    @Test
    void queryPageRunsAnExampleAgainstTheEndpoint() throws IOException {
        load("/query?example=status-by-source&lang=en", "query-before");
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#yasqe .CodeMirror")));
        String highlighted = (String) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('#yasqe .cm-keyword') ? document.querySelector('#yasqe .cm-keyword').textContent : ''");
        assertFalse(highlighted.isEmpty(), "SPARQL keywords are highlighted (YASGUI's editor)");
        driver.findElement(By.id("run")).click();
        WebElement table = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasr table.dataTable")));
        assertEquals(3, table.findElements(By.cssSelector("tbody tr")).size(), "three status claims in the fixture");
        assertFalse(table.findElements(By.cssSelector("a[href='/id/country/LB']")).isEmpty(), "IRIs are linked locally");
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve("query-results.png"), StandardCopyOption.REPLACE_EXISTING);
        assertNoConsoleErrors("/query after Run");
    }

    @Test
    void ontologyPage() throws IOException {
        load("/page/ontology?lang=ar", "ontology-ar");
        assertEquals("rtl", computed("html", "direction"));
        assertTrue(driver.findElement(By.id("Law")).getText().contains("قانون"));
        assertEquals("ltr", computed("#Law h3 code", "direction"));
    }

    @Test
    void comparisonPageInArabic() throws IOException {
        // The comparison needs the eleven law topics and several countries: the store built from sources/.
        org.w3id.sijill.server.SijillServer real = org.w3id.sijill.server.it.RealDataServers.start(java.util.List.of());
        try {
            String path = "/compare?country=LB&country=SY&country=YE&lang=ar";
            load("http://localhost:" + real.port(), path, "compare-LB-SY-YE-ar");
            assertEquals("rtl", computed("html", "direction"));
            assertEquals("rtl", computed("table.compare-table", "direction"));
            assertEquals(11, driver.findElements(By.cssSelector("table.compare-table tbody tr")).size());
            assertEquals(List.of("لبنان", "سوريا", "اليمن"), driver.findElements(By.cssSelector("table.compare-table thead th.country"))
                    .stream().map(WebElement::getText).toList());
            // Right to left for real: the topic column (first in the DOM) is laid out right of the countries.
            Number topicX = (Number) ((JavascriptExecutor) driver).executeScript(
                    "return document.querySelectorAll('table.compare-table thead th')[0].getBoundingClientRect().left");
            Number countryX = (Number) ((JavascriptExecutor) driver).executeScript(
                    "return document.querySelectorAll('table.compare-table thead th')[1].getBoundingClientRect().left");
            assertTrue(topicX.doubleValue() > countryX.doubleValue(), "topic column at the right: " + topicX + " vs " + countryX);
            WebElement badge = driver.findElement(By.cssSelector("td.differ .differ-badge"));
            assertTrue(badge.isDisplayed());
            assertEquals("⚠ المصادر مختلفة", badge.getText());
            assertTrue(driver.findElement(By.cssSelector("table.compare-table")).getText().contains("حماية البيانات الشخصية"));
            assertEquals("ltr", (String) ((JavascriptExecutor) driver).executeScript(
                    "return getComputedStyle(document.querySelector('table.compare-table .asof bdi')).direction"));
        } finally {
            real.stop();
        }
    }
}
