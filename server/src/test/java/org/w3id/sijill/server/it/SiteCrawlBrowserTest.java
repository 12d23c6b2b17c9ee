package org.w3id.sijill.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.sijill.core.ProjectPaths;

/**
 * The site as a person sees it: one headless Chromium session crawls every page type of the
 * server on the real data, in English and Arabic, at 1280 and 390 px wide, and checks each page:
 * no console error, no horizontal scrolling of the page (tables scroll inside their own box),
 * no English UI string (the English messages of the site) in text the page marks as Arabic, and
 * no raw slug where a name belongs (either language), no word broken over lines in a link or
 * table cell at 390 px, and no serious or critical accessibility violation (at 1280 px) found by axe-core (npm, installed in
 * {@code tools/node} by {@code scripts/install-test-tools}). Screenshots go to
 * {@code target/screenshots/crawl-*.png}. All problems are collected and reported together.
 */
class SiteCrawlBrowserTest {
    static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;
    static final int[] WIDTHS = {1280, 390};

    @RegisterExtension
    static final RealDataServer SERVER = new RealDataServer();
    static ChromeDriver driver;
    static String axe;

    /** Page type → path on the real data. */
    static final Map<String, String> PAGES = new LinkedHashMap<>();
    static {
        PAGES.put("landing", "/");
        PAGES.put("country", "/page/country/EG");
        PAGES.put("law", "/page/law/lb/2018/law-81");
        PAGES.put("organization", "/page/org/eg-ntra");
        PAGES.put("person", "/page/person/ayman-el-sherbiny");
        PAGES.put("membership", "/page/membership/ayman-el-sherbiny/1");
        PAGES.put("initiative", "/page/initiative/eg-internet-safety-working-group");
        PAGES.put("event", "/page/event/beirut-2018-experts-meeting");
        PAGES.put("recommendation", "/page/recommendation/escwa-beirut-2018-report/legislative-framework/1");
        PAGES.put("presentation", "/page/presentation/beirut-2018-experts-meeting/9");
        PAGES.put("document", "/page/document/escwa-beirut-2018-report");
        PAGES.put("passage", "/page/document/escwa-beirut-2018-report/p/4");
        PAGES.put("passage-reading", "/page/document/escwa-beirut-2018-report/p/annex-legislative-framework-6");
        PAGES.put("claim", "/page/status/LB/e-transactions/escwa-beirut-2018-report");
        PAGES.put("concept", "/page/concept/law-topic/cybercrime");
        PAGES.put("scheme", "/page/scheme/law-topic");
        PAGES.put("ontology", "/page/ontology");
        PAGES.put("compare", "/compare?country=LB&country=SY");
        PAGES.put("search", "/search?q=cybercrime");
        PAGES.put("query", "/query?example=cq01-topic-status-by-country");
        PAGES.put("dataset", "/dataset");
        PAGES.put("dumps", "/dumps/");
        PAGES.put("error", "/nonexistent");
    }

    @BeforeAll
    static void start() throws IOException {
        Path axeFile = ProjectPaths.locate().queries().getParent().resolve("tools/node/node_modules/axe-core/axe.min.js");
        assertTrue(Files.isRegularFile(axeFile), "axe-core is installed at " + axeFile + " (scripts/install-test-tools)");
        axe = Files.readString(axeFile, StandardCharsets.UTF_8);
        driver = HeadlessChromium.driver(1280, 1000);
    }

    /** The English UI strings of the site: the values of the English messages, several words long. */
    static List<String> englishUiStrings() throws IOException {
        Properties en = new Properties();
        // the site's messages and the passage names the loader makes for the pages and the search index
        for (String file : List.of("templates/i18n/messages_en.properties", "org/w3id/sijill/naming/passage-names_en.properties")) {
            try (InputStream in = SiteCrawlBrowserTest.class.getClassLoader().getResourceAsStream(file)) {
                en.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        List<String> strings = new ArrayList<>();
        for (String k : en.stringPropertyNames()) {
            String v = en.getProperty(k).replaceAll("\\{\\d+}.*", "").replaceAll("_[A-Z]+_", "").trim();
            // whole phrases: two or more words of letters (skip format names and placeholders)
            if (v.matches(".*[A-Za-z]{3,}.*\\s+.*[A-Za-z]{2,}.*") && v.length() >= 8) strings.add(v);
        }
        // what the walk-through found on Arabic pages
        strings.addAll(List.of("(in English)", "meeting-report", "global-cyberlaw-tracker", "as of", "Country (", "used with acknowledgement"));
        return strings;
    }

    /**
     * Text nodes that are nothing but a slug (lower-case words joined by hyphens), outside code and
     * IRIs: what a reader sees where a name should be.
     */
    static final String SLUG_TEXT = """
            var out = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              var n = walker.currentNode, el = n.parentElement, t = n.textContent.trim();
              if (!el || !t || el.closest('script,style,template,code,pre,.CodeMirror,.iri,[hidden],[aria-hidden=true]')) continue;
              if (/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(t) && out.indexOf(t) < 0 && out.length < 8) out.push(t);
            }
            return out;""";

    /**
     * Words (4 to 40 letters, no hyphen or slash where a line may break) in links and table cells
     * that the layout split over two lines or more, as a narrow column does letter by letter.
     */
    static final String BROKEN_WORDS = """
            var out = [], walker = document.createTreeWalker(document.querySelector('main') || document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              var n = walker.currentNode, el = n.parentElement;
              if (!el || !el.closest('a,td,th') || el.closest('code.sha,.iri,script,style,[hidden]')) continue;
              if (!el.getClientRects().length) continue;
              var re = /\\S+/g, m;
              while ((m = re.exec(n.textContent)) !== null) {
                var w = m[0];
                if (w.length < 4 || w.length > 40 || /[-\\/\\u2010-\\u2015]/.test(w)) continue;
                var r = document.createRange();
                r.setStart(n, m.index);
                r.setEnd(n, m.index + w.length);
                var tops = {};
                Array.prototype.forEach.call(r.getClientRects(), function (q) { if (q.width > 0) tops[Math.round(q.top)] = 1; });
                if (Object.keys(tops).length > 1 && out.length < 8) out.push(w);
              }
            }
            return out;""";

    static int status(String path) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return http.send(HttpRequest.newBuilder(URI.create(SERVER.base() + path)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void everyPageTypeInBothLanguagesAtTwoWidths() throws Exception {
        List<String> ui = englishUiStrings();
        assertTrue(ui.size() > 50, "the UI string list was read: " + ui.size());
        List<String> problems = new ArrayList<>();
        int pages = 0;
        int axeRuns = 0;
        for (Map.Entry<String, String> page : PAGES.entrySet()) {
            String type = page.getKey();
            String path = page.getValue();
            int st = status(path);
            if ("search".equals(type) && st == 404) continue;  // the search page is added by its own branch
            int expected = "error".equals(type) ? 404 : 200;
            if (st != expected) problems.add(type + ": " + path + " answered " + st + ", expected " + expected);
            for (String lang : List.of("en", "ar")) {
                for (int width : WIDTHS) {
                    driver.manage().window().setSize(new Dimension(width, 1000));
                    driver.manage().logs().get(LogType.BROWSER);
                    String url = SERVER.base() + path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
                    driver.get(url);
                    new WebDriverWait(driver, Duration.ofSeconds(20))
                            .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
                    if ("query".equals(type)) {
                        new WebDriverWait(driver, Duration.ofSeconds(20))
                                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#yasqe .CodeMirror")));
                    }
                    pages++;
                    String where = type + " " + lang + " " + width + "px (" + path + ")";
                    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
                    Files.copy(shot.toPath(), SCREENSHOTS.resolve("crawl-" + type + "-" + lang + "-" + width + ".png"),
                            StandardCopyOption.REPLACE_EXISTING);
                    JavascriptExecutor js = (JavascriptExecutor) driver;
                    // language and direction of the document
                    assertEquals(lang, js.executeScript("return document.documentElement.lang"), where);
                    assertEquals("ar".equals(lang) ? "rtl" : "ltr", js.executeScript("return getComputedStyle(document.body).direction"), where);
                    List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                            // the error page's own 404 status is logged by Chromium as a failed resource
                            .filter(e -> !("error".equals(type) && e.getMessage().contains("404")))
                            .toList();
                    if (!severe.isEmpty()) problems.add(where + ": console errors " + severe);
                    Number overflow = (Number) js.executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    if (overflow.intValue() > 1) {
                        Object culprit = js.executeScript("""
                                var w = document.documentElement.clientWidth, out = [];
                                document.querySelectorAll('body *').forEach(function (e) {
                                  var r = e.getBoundingClientRect();
                                  if ((r.right > w + 1 || r.left < -1) && out.length < 3) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
                                });
                                return out.join('; ');""");
                        problems.add(where + ": page scrolls sideways by " + overflow + " px: " + culprit);
                    }
                    // a raw identifier (a slug such as "meeting-report") is not a reader's text, in either language
                    @SuppressWarnings("unchecked")
                    List<String> slugs = (List<String>) js.executeScript(SLUG_TEXT);
                    if (!slugs.isEmpty()) problems.add(where + ": raw slugs shown: " + slugs);
                    if (width < WIDTHS[0]) {
                        @SuppressWarnings("unchecked")
                        List<String> broken = (List<String>) js.executeScript(BROKEN_WORDS);
                        if (!broken.isEmpty()) problems.add(where + ": words broken across lines: " + broken);
                    }
                    if ("ar".equals(lang)) {
                        @SuppressWarnings("unchecked")
                        List<String> arabicText = (List<String>) js.executeScript("""
                                var out = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                                while (walker.nextNode()) {
                                  var n = walker.currentNode, el = n.parentElement;
                                  if (!el || !n.textContent.trim()) continue;
                                  if (el.closest('script,style,template,[hidden],code,pre,.CodeMirror,[aria-hidden=true]')) continue;
                                  var closed = el.closest('details:not([open])');
                                  if (closed && !el.closest('summary')) continue;
                                  var l = el.closest('[lang]');
                                  if (l && l.getAttribute('lang') === 'ar') out.push(n.textContent);
                                }
                                return out;""");
                        String text = String.join("\n", arabicText);
                        for (String s : ui) {
                            if (text.contains(s)) problems.add(where + ": English UI text in Arabic: \"" + s + "\"");
                        }
                    }
                    if (width != WIDTHS[0]) continue;  // axe once per page and language: its rules do not depend on the width
                    js.executeScript(axe);
                    axeRuns++;
                    String violations = (String) js.executeAsyncScript("""
                            var done = arguments[arguments.length - 1];
                            axe.run(document, {resultTypes: ['violations']}).then(function (r) {
                              done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                                .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | '); })
                                .join('\\n'));
                            }).catch(function (e) { done('axe failed: ' + e); });""");
                    if (!violations.isEmpty()) problems.add(where + ": axe " + violations);
                }
            }
        }
        assertTrue(pages >= 21 * 4, "crawled every page type: " + pages);
        assertEquals(pages / 2, axeRuns);
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void runningAQueryShowsRowsWithSafeLinksInArabic() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        String query = "SELECT ?x { VALUES ?x { <javascript:alert(1)> <https://w3id.org/sijill/id/country/LB> <http://example.org/a> } }";
        driver.get(SERVER.base() + "/query?lang=ar&query=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#yasqe .CodeMirror")));
        driver.findElement(By.id("run")).click();
        WebElement table = new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#yasr table tbody tr")));
        assertTrue(table.isDisplayed());
        List<WebElement> links = driver.findElements(By.cssSelector("#yasr table a"));
        assertFalse(links.isEmpty(), "the http(s) IRIs are links");
        for (WebElement a : links) {
            String href = a.getAttribute("href");
            assertTrue(href.startsWith("http://") || href.startsWith("https://"), "only http(s) links: " + href);
        }
        assertFalse(driver.findElements(By.cssSelector("#yasr table a[href$='/id/country/LB']")).isEmpty(), "Sijill IRIs link to this server");
        String text = driver.findElement(By.cssSelector("#yasr table")).getText();
        assertTrue(text.contains("javascript:alert(1)"), "the javascript: IRI is shown as text: " + text);
        Object alert = ((JavascriptExecutor) driver).executeScript("return document.querySelectorAll('#yasr a[href^=\"javascript\"]').length");
        assertEquals(0L, alert);
        // YASGUI's own controls speak Arabic too
        String controls = driver.findElement(By.cssSelector("#yasr")).getText()
                + driver.findElement(By.cssSelector("#yasr input.tableFilter")).getAttribute("placeholder");
        for (String english : List.of("results in", "Simple view", "Ellipse", "Page size", "Filter query results", "Table", "Response")) {
            assertFalse(controls.contains(english), "English in the Arabic result viewer: " + english + " in " + controls);
        }
        assertTrue(controls.contains("الصفوف من 1 إلى 3"), "the table's paging line is in Arabic: " + controls);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve("crawl-query-results-ar-1280.png"), StandardCopyOption.REPLACE_EXISTING);
        // the results sit in their own scroll box: the page does not scroll sideways
        Number overflow = (Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow.intValue() <= 1, "page overflow " + overflow);
    }
}
