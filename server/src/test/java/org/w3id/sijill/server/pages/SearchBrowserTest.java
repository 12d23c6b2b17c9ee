package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
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
 * A new reader in a real browser (Debian's headless Chromium, as {@link BrowserTest}) types into
 * the header search box of the real-data server, in both page languages: an Arabic name spelled
 * without hamza and with alef maqsura, and an English abbreviation; the autocomplete list
 * appears and leads to the right page, and Enter leads to the search page.
 */
class SearchBrowserTest {
    static final String NTRA_PATH = "/page/org/eg-ntra";

    @RegisterExtension
    static final RealDataServer SERVER = new RealDataServer();
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        driver = HeadlessChromium.driver(1280, 1200);
    }

    static void open(String path) {
        driver.manage().logs().get(LogType.BROWSER);
        driver.get(SERVER.base() + path);
        waitFor(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    static <T> T waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition::apply);
    }

    static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), BrowserTest.SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static void assertNoConsoleErrors(String where) {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(severe.isEmpty(), () -> "console errors on " + where + ": " + severe);
    }

    /** Types into the header box and waits for the suggestions; returns them. */
    static List<WebElement> type(String text) {
        WebElement box = driver.findElement(By.cssSelector("header.site #site-search-q"));
        box.clear();
        box.sendKeys(text);
        return waitFor(d -> {
            List<WebElement> items = d.findElements(By.cssSelector("#site-search-suggest li a"));
            return !items.isEmpty() && items.get(0).isDisplayed() ? items : null;
        });
    }

    @Test
    void arabicNameWithoutHamzaThroughTheAutocomplete() throws IOException {
        for (String lang : List.of("ar", "en")) {
            open("/?lang=" + lang);
            List<WebElement> suggestions = type("الجهاز القومى لتنظيم الاتصالات");
            screenshot("search-suggest-ntra-ar-" + lang);
            assertEquals("true", driver.findElement(By.id("site-search-q")).getAttribute("aria-expanded"));
            String expectedName = lang.equals("ar") ? "الجهاز القومي لتنظيم الاتصالات" : "National Telecom Regulatory Authority (Egypt)";
            assertTrue(suggestions.get(0).getText().contains(expectedName), suggestions.get(0).getText());
            suggestions.get(0).click();
            waitFor(d -> d.getCurrentUrl().contains(NTRA_PATH) ? true : null);
            waitFor(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            assertEquals(expectedName, driver.findElement(By.cssSelector("main h1")).getText());
            assertNoConsoleErrors("autocomplete " + lang);
        }
    }

    @Test
    void abbreviationThroughTheKeyboardAndTheSearchPage() throws IOException {
        for (String lang : List.of("en", "ar")) {
            // the autocomplete, chosen with the arrow keys
            open("/page/country/EG?lang=" + lang);
            List<WebElement> suggestions = type("NTRA");
            assertTrue(suggestions.get(0).getAttribute("href").contains(NTRA_PATH), suggestions.get(0).getAttribute("href"));
            WebElement box = driver.findElement(By.id("site-search-q"));
            box.sendKeys(Keys.ARROW_DOWN);
            box.sendKeys(Keys.ENTER);
            waitFor(d -> d.getCurrentUrl().contains(NTRA_PATH) ? true : null);

            // Enter alone: the search page, in the page language, with the right first result
            open("/?lang=" + lang);
            WebElement b = driver.findElement(By.id("site-search-q"));
            b.sendKeys("NTRA");
            b.sendKeys(Keys.ENTER);
            waitFor(d -> d.getCurrentUrl().contains("/search?") ? true : null);
            WebElement first = waitFor(d -> d.findElements(By.cssSelector(".search-results a.result-name")).stream().findFirst().orElse(null));
            screenshot("search-page-ntra-" + lang);
            assertEquals(lang.equals("ar") ? "rtl" : "ltr", ((JavascriptExecutor) driver).executeScript(
                    "return getComputedStyle(document.querySelector('main')).direction"));
            assertTrue(driver.findElements(By.cssSelector(".search-results mark")).stream().anyMatch(m -> m.getText().equals("NTRA")));
            first.click();
            waitFor(d -> d.getCurrentUrl().contains(NTRA_PATH) ? true : null);
            assertTrue(driver.getCurrentUrl().contains("lang=" + lang), driver.getCurrentUrl());
            assertNoConsoleErrors("search page " + lang);
        }
    }
}
