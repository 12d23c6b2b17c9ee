package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.sijill.server.it.RealDataServer;

/**
 * The country comparison and the display names of unlabelled claims and passages, on the real
 * server as {@code serve} assembles it, over a store built from the project's own {@code sources/}
 * and its {@code queries/}.
 */
class ComparePageTest {
    private static final String PDP = "/id/concept/law-topic/personal-data-protection";
    private static final String REPORT = "/id/document/escwa-beirut-2018-report";
    private static final String UNCTAD = "/id/source/unctad-cyberlaw-tracker-2026";

    @RegisterExtension
    static final RealDataServer SERVER = new RealDataServer();

    /** @return the row of the topic whose link ends with {@code topicHref} */
    static Element row(Document doc, String topicHref) {
        Element a = doc.selectFirst("table.compare-table tbody th.topic a[href=" + topicHref + "]");
        assertNotNull(a, "a row for " + topicHref);
        return a.closest("tr");
    }

    static Element claimFrom(Element cell, String sourceHref) {
        Element a = cell.selectFirst("li.claim .claim-source a[href=" + sourceHref + "]");
        assertNotNull(a, "a claim from " + sourceHref + " in " + cell);
        return a.closest("li.claim");
    }

    @Test
    void lebanonAndSyriaSideBySideAcrossTheElevenTopics() {
        Document doc = SERVER.page("/compare?country=LB&country=SY&lang=en");
        Elements columns = doc.select("table.compare-table thead th.country");
        assertEquals(List.of("/id/country/LB", "/id/country/SY"), columns.select("a").eachAttr("href"));
        assertEquals(List.of("Lebanon", "Syria"), columns.eachText());
        Elements rows = doc.select("table.compare-table tbody tr");
        assertEquals(11, rows.size(), "one row per law topic");
        for (Element r : rows) assertEquals(2, r.select("td").size(), "a cell per country: " + r);
        assertEquals("Compare: Lebanon, Syria", doc.selectFirst("h1").text());

        Element pdp = row(doc, PDP);
        assertEquals("Personal data protection", pdp.selectFirst("th.topic").text());
        Element syria = pdp.select("td").get(1);
        Element report = claimFrom(syria, REPORT);
        assertEquals("draft", report.selectFirst(".status").className().replace("status status-", ""));
        assertEquals("Draft legislation", report.selectFirst(".status").text());
        assertEquals("2018-12-06", report.selectFirst(".asof bdi").text());
        assertTrue(report.selectFirst("blockquote").text().contains("draft laws for protection of personal data"), report.text());
        Element passage = report.selectFirst("figcaption a");
        assertEquals(REPORT + "/p/22", passage.attr("href"));
        assertEquals("paragraph 22", passage.text().replace('\u00a0', ' '), "the source is named just above");
        assertEquals("Report of the Arab Regional Dialogue and Experts Meeting on Internet Governance and Cybersecurity Nexus"
                + " - Promoting Trust in Cyberspace, paragraph 22", passage.attr("title"), "the passage is named by its document and place");
        assertNotNull(report.selectFirst(".instrument a[href^=/id/law/sy/]"), "the draft law is linked: " + report);
        Element tracker = claimFrom(syria, UNCTAD);
        assertEquals("status status-enacted", tracker.selectFirst(".status").className());
        assertEquals("2026-04-27", tracker.selectFirst(".asof bdi").text());
        assertTrue(tracker.select("blockquote").isEmpty(), "the tracker claim has no quote");
        // draft in the 2018 report, enacted in the 2026 tracker: a change over time, not a disagreement
        assertFalse(syria.hasClass("differ"));
        assertTrue(syria.hasClass("kind-change"));
        assertEquals("↗ changed over time", syria.selectFirst(".change-badge").text());
        assertEquals("Syria — Personal data protection — UNCTAD Global Cyberlaw Tracker (2026-04-27)",
                tracker.selectFirst("a.claim-link").attr("title"), "claims have display names");

        Element lebanon = pdp.select("td").get(0);
        assertEquals(2, lebanon.select("li.claim").size(), lebanon.toString());
        assertFalse(lebanon.hasClass("differ"), "both sources say enacted");
        assertNull(lebanon.selectFirst(".differ-badge"));
        assertEquals("/id/law/lb/2018/law-81", claimFrom(lebanon, REPORT).selectFirst(".instrument a").attr("href"));

        Element cybersecurity = row(doc, "/id/concept/law-topic/cybersecurity");
        for (Element cell : cybersecurity.select("td")) assertEquals("no claim", cell.text(), "empty cells say so");
        assertEquals(0, doc.select("td.differ").size(), "no disagreement between LB and SY: Syria's is a change");
        assertEquals(1, doc.select("td.kind-change").size());
        assertEquals(List.of(REPORT, UNCTAD), doc.select("#sources .source-title a").eachAttr("href"));
        assertTrue(doc.selectFirst("#sources").text().contains("Source: UNCTAD Global Cyberlaw Tracker (data as of 2026-04-27)"));
    }

    @Test
    void arabicComparisonIsRightToLeftWithArabicLabels() {
        Document doc = SERVER.page("/compare?country=LB&country=SY&lang=ar");
        assertEquals("rtl", doc.selectFirst("html").attr("dir"));
        assertEquals("ar", doc.selectFirst("html").attr("lang"));
        Element pdp = row(doc, PDP);
        Element topic = pdp.selectFirst("th.topic bdi");
        assertEquals("حماية البيانات الشخصية", topic.text());
        assertEquals("rtl", topic.attr("dir"));
        assertEquals(List.of("لبنان", "سوريا"), doc.select("table.compare-table thead th.country").eachText());
        Element syria = pdp.select("td").get(1);
        assertEquals("↗ تغيّر مع الزمن", syria.selectFirst(".change-badge").text());
        assertEquals("مشروع تشريع", claimFrom(syria, REPORT).selectFirst(".status").text());
        // The English quote keeps its language and direction inside the Arabic page.
        Element quote = claimFrom(syria, REPORT).selectFirst("blockquote");
        assertEquals("en", quote.attr("lang"));
        assertEquals("ltr", quote.attr("dir"));
        assertEquals("ltr", claimFrom(syria, UNCTAD).selectFirst(".asof bdi").attr("dir"));
        assertTrue(doc.selectFirst("a[hreflang=en]").attr("href").contains("country=LB&country=SY"),
                "the language switch keeps both countries");
    }

    @Test
    void theFormOffersTheArabLeagueStatesAndKeepsTheChoice() {
        Document empty = SERVER.page("/compare?lang=ar");
        Elements boxes = empty.select("form.compare-form input[type=checkbox][name=country]");
        assertEquals(22, boxes.size(), "the 22 Arab League states");
        assertTrue(empty.select("table.compare-table").isEmpty());
        assertTrue(empty.select("input[checked]").isEmpty());
        assertEquals("get", empty.selectFirst("form.compare-form").attr("method"));
        assertTrue(empty.selectFirst("form.compare-form").text().contains("لبنان"));

        Document chosen = SERVER.page("/compare?country=YE&country=LB&country=SY");
        assertEquals(List.of("LB", "SY", "YE"), chosen.select("input[type=checkbox][checked]").eachAttr("value").stream().sorted().toList());
        assertEquals(List.of("/id/country/YE", "/id/country/LB", "/id/country/SY"),
                chosen.select("table.compare-table thead th.country a").eachAttr("href"), "columns in the order asked");
    }

    @Test
    void badChoicesAreAnswered400WithTheReason() {
        List<List<String>> cases = List.of(
                List.of("/compare?country=LB", "at least 2"),
                List.of("/compare?country=LB&country=lb", "at least 2"),
                List.of("/compare?country=LB&country=XX", "unknown country code 'XX'"),
                List.of("/compare?country=LB&country=FR", "unknown country code 'FR'"),
                List.of("/compare?country=LB&country=L%3Cb%3E", "not an ISO 3166-1 alpha-2 code"),
                List.of("/compare?country=LB&country=SY&country=YE&country=EG&country=DZ&country=MA&country=TN", "at most 6"),
                List.of("/compare?country=LB&lang=ar", "at least 2"));
        for (List<String> c : cases) {
            HttpResponse<String> r = SERVER.get(c.get(0));
            assertEquals(400, r.statusCode(), c.get(0) + ": " + r.body());
            Document doc = Jsoup.parse(r.body());
            assertTrue(doc.selectFirst("article.error").text().contains(c.get(1)), c.get(0) + ": " + doc.text());
            assertFalse(r.body().contains("Exception"), "no stack trace");
        }
    }

    @Test
    void landingAndCountryPagesLinkToTheComparison() {
        Document landing = SERVER.page("/?lang=en");
        Element preset = landing.selectFirst("#compare a.preset-compare");
        assertNotNull(preset, landing.select("#compare").toString());
        assertEquals("/compare?country=LB&country=SY&country=YE", preset.attr("href"));
        assertEquals("Lebanon, Syria, Yemen", preset.text());
        assertEquals("/compare", landing.selectFirst("#compare a.choose-compare").attr("href"));
        Document compared = SERVER.page(preset.attr("href"));
        assertEquals(3, compared.select("table.compare-table thead th.country").size());

        Document lebanon = SERVER.page("/page/country/LB?lang=ar");
        Element form = lebanon.selectFirst("#compare form.compare-with");
        assertNotNull(form);
        assertEquals("/compare", form.attr("action"));
        assertEquals("LB", form.selectFirst("input[type=hidden][name=country]").attr("value"));
        Elements options = form.select("select[name=country] option");
        assertEquals(21, options.size(), "the other Arab League states");
        assertTrue(options.eachAttr("value").contains("SY") && !options.eachAttr("value").contains("LB"));
    }

    @Test
    void unlabelledClaimsAndPassagesGetDisplayNames() {
        Document en = SERVER.page("/page/status/LB/personal-data-protection/unctad-cyberlaw-tracker-2026?lang=en");
        assertEquals("Lebanon — Personal data protection — UNCTAD Global Cyberlaw Tracker (2026-04-27)", en.selectFirst("h1").text());
        assertTrue(en.title().startsWith("Lebanon — Personal data protection"), en.title());
        Document ar = SERVER.page("/page/status/LB/personal-data-protection/escwa-beirut-2018-report?lang=ar");
        String h1 = ar.selectFirst("h1").text();
        assertTrue(h1.startsWith("لبنان — حماية البيانات الشخصية — تقرير"), h1);
        assertTrue(h1.endsWith("(\u20662018-12-06\u2069)"), "the date is isolated left to right: " + h1);
        Element passage = ar.selectFirst("#provenance figcaption a[href$=/p/21]");
        assertTrue(passage.text().startsWith("تقرير") && passage.text().endsWith("، الفقرة 21"), passage.text());
        Document country = SERVER.page("/page/country/SY?lang=en");
        Element claim = country.selectFirst("a.claim-link[href=/id/status/SY/personal-data-protection/escwa-beirut-2018-report]");
        assertEquals("Syria — Personal data protection — Report of the Arab Regional Dialogue and Experts Meeting on Internet"
                + " Governance and Cybersecurity Nexus - Promoting Trust in Cyberspace (2018-12-06)", claim.attr("title"));
    }
}
