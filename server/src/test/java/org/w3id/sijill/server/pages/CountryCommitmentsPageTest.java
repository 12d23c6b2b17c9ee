package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.sijill.server.it.HeadlessChromium;
import org.w3id.sijill.server.it.RealDataServer;

/**
 * The country page's treaty, GCI and national-strategy section on the store built from the
 * project's own {@code sources/}: Morocco's Budapest accession with its quote and date, its GCI
 * scores with the scale of each edition, its first strategy; in both languages, and in a real
 * browser.
 */
class CountryCommitmentsPageTest {
    private static final String LEGILUX_QUOTE = "qu’en date du 29 juin 2018, le Maroc a adhéré à la convention désignée ci-dessus";

    @RegisterExtension
    static final RealDataServer SERVER = new RealDataServer();

    /** @return the block of the treaty linked by {@code treatyPath} in the commitments section */
    static Element treaty(Document doc, String treatyPath) {
        Element a = doc.selectFirst("#commitments .treaty h4 a[href~=/" + treatyPath + "($|\\?)]");
        assertNotNull(a, "a block for " + treatyPath + " in " + doc.select("#commitments").text());
        return a.closest(".treaty");
    }

    @Test
    void moroccoShowsItsBudapestAccessionWithQuoteAndDate() {
        Document doc = SERVER.page("/page/country/MA");
        Element budapest = treaty(doc, "treaty/budapest-convention");
        Element accession = budapest.select(".treaty-act").stream()
                .filter(li -> li.selectFirst(".act").text().equals("Accession") && li.selectFirst(".act-date").text().equals("2018-06-29"))
                .findFirst().orElseThrow(() -> new AssertionError("the accession of 2018-06-29 in " + budapest.text()));
        // the quote is shown once on the page: in this section, or in the page's numbered notes that its facts cite
        Element quote = doc.select("figure.evidence").stream()
                .filter(f -> f.select("blockquote").text().equals(LEGILUX_QUOTE)).findFirst()
                .orElseThrow(() -> new AssertionError("the Official Journal's quote on the page: " + accession.text()));
        assertEquals("fr", quote.selectFirst("blockquote").attr("lang"));
        assertTrue(quote.select("a").eachAttr("href").stream().anyMatch(h -> h.contains("/document/treaty-budapest-morocco-legilux-2018/p/2")),
                quote.html());
        assertTrue(budapest.select(".treaty-act").stream().anyMatch(li -> li.selectFirst(".act").text().equals("Entry into force for the state")
                && li.selectFirst(".act-date").text().equals("2018-10-01")), budapest.text());
        assertNotNull(doc.selectFirst("#commitments .absence-note"), "the page says absence is not 'not a party'");
    }

    @Test
    void moroccoShowsItsGciScoresWithTheScaleOfEachEditionAndItsFirstStrategy() {
        Document doc = SERVER.page("/page/country/MA");
        List<Element> rows = doc.select("#index-scores table.index-scores tbody tr");
        assertEquals(5, rows.size(), doc.select("#index-scores").text());
        Element e2020 = rows.stream().filter(r -> r.child(1).text().equals("2020")).findFirst().orElseThrow();
        assertEquals("82.41", e2020.child(2).text());
        assertEquals("0 to 100", e2020.child(3).text());
        assertEquals("International Telecommunication Union", e2020.child(4).text());
        Element e2014 = rows.stream().filter(r -> r.child(1).text().equals("2014")).findFirst().orElseThrow();
        assertEquals("0 to 1", e2014.child(3).text());
        String strategy = doc.select("#national-strategy").text();
        assertTrue(strategy.contains("2012-12-05") && strategy.contains("number of strategies: 2"), strategy);
        String sources = doc.select("#commitments .commitments-sources").text();
        assertTrue(sources.contains("Source: ITU Global Cybersecurity Index") && sources.contains("Kostyuk"), "acknowledgements: " + sources);
    }

    @Test
    void arabicPageAndTheIraqCaveat() {
        Document ar = SERVER.page("/page/country/MA?lang=ar");
        assertEquals("المشاركة في المعاهدات", ar.selectFirst("#treaties h3").text());
        Element budapest = treaty(ar, "treaty/budapest-convention");
        assertTrue(budapest.select(".act").eachText().contains("الانضمام"), budapest.text());
        assertTrue(ar.select("figure.evidence blockquote").eachText().contains(LEGILUX_QUOTE), budapest.text());
        Document iraq = SERVER.page("/page/country/IQ");
        String strategy = iraq.select("#national-strategy").text();
        assertTrue(strategy.contains("2016-12-06") && strategy.contains("count of 0"), "the dataset's caveat is shown: " + strategy);
        Document palestine = SERVER.page("/page/country/PS");
        assertFalse(palestine.select("#national-strategy .none").isEmpty(), "no strategy claim for Palestine: " + palestine.select("#national-strategy").text());
    }

    @Test
    void aRealBrowserShowsTheAccessionQuoteAndDate() throws IOException {
        ChromeDriver driver = HeadlessChromium.driver(1280, 1600);
        driver.get(SERVER.base() + "/page/country/MA");
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        String text = driver.findElement(By.id("treaties")).getText();
        assertTrue(text.contains("2018-06-29"), text);
        String page = driver.findElement(By.tagName("main")).getText();
        assertTrue(page.contains(LEGILUX_QUOTE), page);
        assertTrue(driver.findElement(By.id("treaties")).isDisplayed());
    }
}
