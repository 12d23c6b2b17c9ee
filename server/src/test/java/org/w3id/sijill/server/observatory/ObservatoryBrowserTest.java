package org.w3id.sijill.server.observatory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.sijill.server.it.HeadlessChromium;
import org.w3id.sijill.server.it.RealDataServer;

/**
 * The matrix, the map and the API documentation in a real browser (Debian's headless Chromium and
 * chromedriver) on the real-data server: what is drawn, where, in which direction, reachable by
 * keyboard, with no console errors; screenshots under {@code target/screenshots/observatory-*.png}.
 */
class ObservatoryBrowserTest {
    static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;

    @RegisterExtension
    static final RealDataServer SERVER = new RealDataServer();
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        driver = HeadlessChromium.driver(1400, 1200);
    }

    static void load(String path, String screenshot) throws IOException {
        driver.manage().logs().get(LogType.BROWSER);
        driver.get(SERVER.base() + path);
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        shot(screenshot);
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(severe.isEmpty(), () -> "console errors on " + path + ": " + severe);
    }

    static void shot(String name) throws IOException {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SCREENSHOTS.resolve("observatory-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Test
    void matrixInBothLanguages() throws IOException {
        load("/matrix?lang=en", "matrix-en");
        assertEquals(22L, js("return document.querySelectorAll('table.obs-matrix tbody tr').length"));
        WebElement sy = driver.findElement(By.cssSelector("td.cell[data-country=SY][data-topic=personal-data-protection]"));
        assertTrue(sy.isDisplayed());
        assertTrue(sy.getCssValue("background-color").matches("rgba?\\(200, 230, 201(, 1)?\\)"), "enacted cells are green: " + sy.getCssValue("background-color"));
        assertTrue(sy.getText().contains("↗"), sy.getText());
        load("/matrix?lang=ar&asOf=2019", "matrix-ar-2019");
        assertEquals("rtl", js("return getComputedStyle(document.body).direction"));
        WebElement sy2019 = driver.findElement(By.cssSelector("td.cell[data-country=SY][data-topic=personal-data-protection]"));
        assertTrue(sy2019.getText().contains("مشروع تشريع"), sy2019.getText());
        // the first column (states) is on the right in Arabic
        Number stateX = (Number) js("return document.querySelector('table.obs-matrix tbody th.state').getBoundingClientRect().left");
        Number cellX = (Number) js("return document.querySelector('table.obs-matrix tbody td.cell').getBoundingClientRect().left");
        assertTrue(stateX.doubleValue() > cellX.doubleValue(), "right to left");
    }

    @Test
    void mapIsDrawnColouredAndReachableByKeyboard() throws IOException {
        load("/map?topic=personal-data-protection&lang=en", "map-pdp-en");
        WebElement svg = driver.findElement(By.cssSelector("figure.obs-map svg"));
        assertTrue(svg.getSize().getWidth() > 600, "the map is drawn large: " + svg.getSize());
        WebElement eg = driver.findElement(By.cssSelector("a.state[data-country=EG] path"));
        assertTrue(eg.getSize().getWidth() > 30, "Egypt has an area on the map: " + eg.getSize());
        assertEquals("rgb(46, 125, 50)", eg.getCssValue("fill"), "enacted is green");
        // keyboard: Tab reaches the states' links
        js("document.querySelector('select[name=topic]').focus()");
        boolean reached = false;
        for (int i = 0; i < 40 && !reached; i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            Object cls = js("var a = document.activeElement; return a && a.getAttribute('class')");
            reached = cls != null && cls.toString().contains("state");
        }
        assertTrue(reached, "a state of the map takes the keyboard focus");
        shot("map-pdp-en-focus");
        load("/map?lang=ar", "map-overview-ar");
        assertEquals("rtl", js("return getComputedStyle(document.body).direction"));
        assertEquals(22L, js("return document.querySelectorAll('g.states a.state').length"));
        load("/api/docs/", "api-docs");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());
        shot("api-docs");
        assertTrue(driver.findElements(By.cssSelector(".opblock")).size() >= 10, "Swagger UI lists the operations");
    }
}
