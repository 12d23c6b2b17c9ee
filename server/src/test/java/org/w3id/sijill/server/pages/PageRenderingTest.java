package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.core.SijillException;

/** Pages rendered from the fixture (real facts of the Beirut 2018 report and the UNCTAD tracker), parsed with jsoup. */
class PageRenderingTest {
    static SijillPages pages;

    @BeforeAll
    static void setUp() {
        pages = Fixture.pages(DownloadsInfo.NONE);
    }

    static Document entity(String path, PageLanguage lang) {
        RenderedPage p = pages.entity(path, 1, Fixture.request(lang, "/page/" + path));
        assertEquals(200, p.status(), p.html());
        return Fixture.parse(p);
    }

    static JsonObject jsonLd(Document doc) {
        Elements scripts = doc.select("script[type=application/ld+json]");
        assertEquals(1, scripts.size(), "one JSON-LD block");
        JsonObject o = JSON.parse(scripts.first().data());
        assertEquals("http://schema.org/", o.get("@context").getAsString().value(), "schema.org context over http");
        return o;
    }

    /** Every literal and label is wrapped with its own language; internal links are root-relative. */
    static void assertWellFormedBilingual(Document doc) {
        for (Element bdi : doc.select("main bdi")) {
            assertTrue(bdi.hasAttr("lang"), () -> "bdi without lang: " + bdi.outerHtml());
            assertTrue(bdi.hasAttr("dir"), () -> "bdi without dir: " + bdi.outerHtml());
        }
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            assertFalse(href.startsWith("https://w3id.org/sijill/"), () -> "canonical IRI used as link: " + a.outerHtml());
            if (href.startsWith("http")) {
                assertTrue(a.hasClass("external"), () -> "external link not marked: " + a.outerHtml());
                assertTrue(a.attr("rel").contains("external") && a.attr("rel").contains("noopener"), a::outerHtml);
            }
        }
    }

    @Test
    void countryPageInArabic() {
        Document doc = entity("country/LB", PageLanguage.AR);
        assertEquals("ar", doc.selectFirst("html").attr("lang"));
        assertEquals("rtl", doc.selectFirst("html").attr("dir"));
        Element h1 = doc.selectFirst("h1 bdi");
        assertEquals("لبنان", h1.text());
        assertEquals("ar", h1.attr("lang"));
        assertEquals("Lebanon", doc.selectFirst(".other-title bdi[lang=en]").text());
        // Property labels come from the ontology, in Arabic.
        assertTrue(doc.select(".key-facts th bdi[lang=ar]").eachText().contains("رمز ISO 3166-1 الثنائي"));
        // The law has no Arabic label: shown in English, marked as such.
        Element law = doc.selectFirst(".country-laws a[href=/id/law/lb/2018/law-81]");
        assertEquals("en", law.selectFirst("bdi").attr("lang"));
        assertEquals("(بالإنجليزية)", law.selectFirst("small.fallback").text());
        // Claims side by side: the report and the UNCTAD tracker, each column with its source; UNCTAD's as-of date and acknowledgement.
        Elements columns = doc.select(".status-matrix thead th[scope=col]");
        assertEquals(3, columns.size(), "topic + two sources");
        assertEquals("/id/document/escwa-beirut-2018-report", columns.get(1).selectFirst("a").attr("href"));
        assertEquals("/id/source/unctad-cyberlaw-tracker-2026", columns.get(2).selectFirst("a").attr("href"));
        assertTrue(columns.get(2).text().contains("2026-04-27"), columns.get(2).text());
        // the header row is a compact legend: the source's description (its acknowledgement) is below the table
        assertFalse(columns.get(2).text().contains("Source: UNCTAD Global Cyberlaw Tracker (data as of 2026-04-27)"));
        assertEquals("2", columns.get(2).selectFirst("sup.src").text());
        assertTrue(doc.selectFirst("ol.compact-legend li[value=2]").text().contains("Source: UNCTAD Global Cyberlaw Tracker (data as of 2026-04-27)"));
        Element pdp = doc.select(".status-matrix tbody tr").stream()
                .filter(tr -> tr.selectFirst("th a").attr("href").equals("/id/concept/law-topic/personal-data-protection"))
                .findFirst().orElseThrow();
        assertEquals(2, pdp.select("td .status-enacted").size(), "both sources say enacted");
        assertEquals("In 2018, Lebanon has adopted the law no. 81 for electronic transactions and personal data",
                pdp.selectFirst("td blockquote[lang=en]").text());
        // External identifiers are marked external.
        Element wikidata = doc.selectFirst("a[href=http://www.wikidata.org/entity/Q822]");
        assertNotNull(wikidata);
        assertEquals("Wikidata", wikidata.nextElementSibling().text());
        assertNotNull(doc.selectFirst("a[href=http://sws.geonames.org/272103/].external"));
        // The organization of the country, with its evidence.
        assertNotNull(doc.selectFirst(".country-orgs a[href=/id/org/lb-lu-legal-informatics-centre]"));
        assertWellFormedBilingual(doc);
        JsonObject ld = jsonLd(doc);
        assertEquals("Country", ld.get("@type").getAsString().value());
        assertEquals("https://w3id.org/sijill/id/country/LB", ld.get("@id").getAsString().value());
    }

    @Test
    void countryPageInEnglish() {
        Document doc = entity("country/LB", PageLanguage.EN);
        assertEquals("en", doc.selectFirst("html").attr("lang"));
        assertEquals("ltr", doc.selectFirst("html").attr("dir"));
        assertEquals("Lebanon", doc.selectFirst("h1 bdi").text());
        assertEquals("لبنان", doc.selectFirst(".other-title bdi[lang=ar]").text());
        assertTrue(doc.select(".key-facts th bdi[lang=en]").eachText().contains("ISO 3166-1 alpha-2 code"));
        Element law = doc.selectFirst(".country-laws a[href=/id/law/lb/2018/law-81]");
        assertEquals("Law No. 81 of 2018 on electronic transactions and personal data", law.selectFirst("bdi").text());
        assertTrue(law.select("small.fallback").isEmpty(), "an English label is no fallback on an English page");
        assertEquals("English", doc.selectFirst(".lang-switch a").attr("lang").equals("ar") ? "English" : "wrong",
                "the switch offers Arabic");
        assertEquals("/page/country/LB?lang=ar", doc.selectFirst(".lang-switch a").attr("href"));
        assertWellFormedBilingual(doc);
    }

    @Test
    void lawPageShowsProvenanceAndLegislationJsonLd() {
        Document doc = entity("law/lb/2018/law-81", PageLanguage.EN);
        assertTrue(doc.selectFirst("article").hasClass("type-legal-instrument"));
        Element quote = doc.selectFirst("#provenance figure.evidence blockquote");
        assertEquals("en", quote.attr("lang"));
        assertEquals("In 2018, Lebanon has adopted the law no. 81 for electronic transactions and personal data", quote.text());
        Element caption = quote.nextElementSibling();
        assertNotNull(caption.selectFirst("a[href=/id/document/escwa-beirut-2018-report/p/21]"), caption.outerHtml());
        assertNotNull(caption.selectFirst("a[href=/id/document/escwa-beirut-2018-report]"), caption.outerHtml());
        assertNotNull(doc.selectFirst("#provenance .sources a[href=/id/document/escwa-beirut-2018-report]"));
        // Key facts: jurisdiction, number, year adopted, topics.
        List<String> keys = doc.select(".key-facts th").eachText();
        assertTrue(keys.containsAll(List.of("jurisdiction", "number", "year adopted", "topic")), keys.toString());
        // Both claims that cite the instrument.
        assertEquals(2, doc.select(".claims li.item").size());
        JsonObject ld = jsonLd(doc);
        assertEquals("Legislation", ld.get("@type").getAsString().value());
        assertEquals("2018", ld.get("legislationDate").getAsString().value());
        assertEquals("81", ld.get("legislationIdentifier").getAsString().value());
        assertEquals("https://w3id.org/sijill/id/country/LB",
                ld.get("legislationJurisdiction").getAsObject().get("@id").getAsString().value());
        assertEquals("law", ld.get("legislationType").getAsString().value());
        assertWellFormedBilingual(doc);
    }

    @Test
    void lawPageInArabicMarksTheEnglishTitle() {
        Document doc = entity("law/lb/2018/law-81", PageLanguage.AR);
        Element h1 = doc.selectFirst("h1");
        assertEquals("en", h1.selectFirst("bdi").attr("lang"));
        assertEquals("ltr", h1.selectFirst("bdi").attr("dir"));
        assertEquals("(بالإنجليزية)", h1.selectFirst("small.fallback").text());
        assertTrue(doc.select(".key-facts th bdi[lang=ar]").eachText().contains("الولاية القضائية"));
    }

    @Test
    void documentPageListsPassagesInOrderWithMentionsAndFacts() {
        Document doc = entity("document/escwa-beirut-2018-report", PageLanguage.EN);
        Elements passages = doc.select(".passages .passage");
        assertEquals(List.of("p-20", "p-21"), passages.eachAttr("id"));
        Element p21 = passages.get(1);
        assertTrue(p21.selectFirst(".passage-text").text().contains("In 2018, Lebanon has adopted the law no. 81"));
        assertEquals("en", p21.selectFirst(".passage-text").attr("lang"));
        assertNotNull(p21.selectFirst(".mentions a[href=/id/country/LB]"));
        assertNotNull(p21.selectFirst(".supports a[href=/id/law/lb/2018/law-81]"));
        assertNotNull(p21.selectFirst("a[href=/id/document/escwa-beirut-2018-report/p/21]"));
        assertEquals("CreativeWork", jsonLd(doc).get("@type").getAsString().value());
        assertWellFormedBilingual(doc);
    }

    @Test
    void conceptPageListsItsMembers() {
        Document doc = entity("concept/law-topic/personal-data-protection", PageLanguage.AR);
        assertEquals("حماية البيانات الشخصية", doc.selectFirst("h1 bdi").text());
        assertNotNull(doc.selectFirst(".members a[href=/id/law/lb/2018/law-81]"));
        assertNotNull(doc.selectFirst(".members a[href=/id/status/LB/personal-data-protection/unctad-cyberlaw-tracker-2026]"));
        assertEquals("DefinedTerm", jsonLd(doc).get("@type").getAsString().value());
    }

    @Test
    void organizationPage() {
        Document doc = entity("org/lb-lu-legal-informatics-centre", PageLanguage.EN);
        assertTrue(doc.selectFirst("article").hasClass("type-organization"));
        assertNotNull(doc.selectFirst(".key-facts a[href=/id/country/LB]"));
        assertEquals("President of Legal Informatics Centre, Lebanese University, Lebanon",
                doc.selectFirst("#provenance blockquote").text());
        JsonObject ld = jsonLd(doc);
        assertEquals("Organization", ld.get("@type").getAsString().value());
        assertEquals("https://w3id.org/sijill/id/country/LB", ld.get("areaServed").getAsObject().get("@id").getAsString().value());
    }

    @Test
    void claimFromExternalSourceShowsTitleDateAndAcknowledgement() {
        Document doc = entity("status/LB/indirect-taxation/unctad-cyberlaw-tracker-2026", PageLanguage.EN);
        Element source = doc.selectFirst("#provenance .sources li");
        assertEquals("UNCTAD Global Cyberlaw Tracker", source.selectFirst(".source-title bdi").text());
        assertTrue(source.text().contains("2026-04-27"), source.text());
        assertTrue(source.text().contains("Source: UNCTAD Global Cyberlaw Tracker (data as of 2026-04-27)"), source.text());
        assertNotNull(source.selectFirst("a.external[href=https://unctad.org/page/global-cyberlaw-tracker]"));
    }

    @Test
    void unknownResourceIsNotFound() {
        RenderedPage p = pages.entity("country/ZZ", 1, Fixture.request(PageLanguage.AR, "/page/country/ZZ"));
        assertEquals(404, p.status());
        Document doc = Fixture.parse(p);
        assertEquals("rtl", doc.selectFirst("html").attr("dir"));
        assertEquals("لا توجد في سجل صفحة أو مورد بهذا العنوان.", doc.selectFirst("article.error h1 + p").text());
        assertEquals("غير موجود (404)", doc.selectFirst("article.error h1").text());
    }

    @Test
    void landingPageWithoutDumps() {
        Document doc = Fixture.parse(pages.landing(Fixture.request(PageLanguage.AR, "/")));
        assertEquals("rtl", doc.selectFirst("html").attr("dir"));
        // Countries by their Arabic names, sorted in Arabic order: لبنان before مصر.
        assertEquals(List.of("لبنان", "مصر"), doc.select(".country-list bdi").eachText());
        assertEquals(List.of("/id/country/LB", "/id/country/EG"), doc.select(".country-list a").eachAttr("href"));
        // Counts per class from the store.
        Element countryRow = doc.select(".counts-table tbody tr").stream()
                .filter(tr -> tr.selectFirst("th a").attr("href").equals("/page/ontology#Country")).findFirst().orElseThrow();
        assertEquals("2", countryRow.selectFirst("td").text());
        // Example questions: the two questions of the test folder, not the data check; Arabic title where there is one.
        Elements examples = doc.select(".example-list a");
        assertEquals(List.of("/query?example=laws-by-country", "/query?example=status-by-source"), examples.eachAttr("href"));
        assertEquals("الصكوك القانونية في كل دولة مع موضوعها وسنة اعتمادها", examples.get(0).selectFirst("bdi").text());
        assertEquals("(بالإنجليزية)", examples.get(1).selectFirst("small.fallback").text());
        assertEquals("لم تُنشر أي نسخ كاملة من البيانات بعد.", doc.selectFirst("#downloads .none").text());
        assertTrue(doc.selectFirst("#licence").text().contains("Source: UNCTAD Global Cyberlaw Tracker (data as of 2026-04-27)"));
        assertTrue(doc.selectFirst("#licence").text().contains("CC BY 4.0"));
        JsonObject ld = jsonLd(doc);
        assertEquals("Dataset", ld.get("@type").getAsString().value());
        assertFalse(ld.hasKey("distribution"));
        assertWellFormedBilingual(doc);
    }

    @Test
    void landingPageWithDumps() {
        DownloadsInfo info = () -> Optional.of(new DownloadsInfo.Release("2026-11-23.1", List.of(
                new DownloadsInfo.Download("sijill.jsonld.gz", "application/ld+json", 48213,
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "/downloads/sijill.jsonld.gz"))));
        SijillPages withDumps = Fixture.pages(info);
        Document doc = Fixture.parse(withDumps.landing(Fixture.request(PageLanguage.EN, "/")));
        Element row = doc.selectFirst(".downloads-table tbody tr");
        assertEquals(List.of("sijill.jsonld.gz", "application/ld+json", "48213",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), row.select("td").eachText());
        assertEquals("/downloads/sijill.jsonld.gz", row.selectFirst("a").attr("href"));
        assertTrue(doc.selectFirst(".citation").text().contains("release 2026-11-23.1"));
        JsonObject ld = jsonLd(doc);
        assertEquals("2026-11-23.1", ld.get("version").getAsString().value());
        assertEquals("/downloads/sijill.jsonld.gz", ld.get("distribution").getAsArray().get(0).getAsObject().get("contentUrl").getAsString().value());
    }

    @Test
    void ontologyPageDocumentsTermsInBothLanguages() {
        Document doc = Fixture.parse(pages.ontologyPage(Fixture.request(PageLanguage.EN, "/page/ontology")));
        Element law = doc.getElementById("Law");
        assertNotNull(law, "anchor #Law");
        assertEquals("قانون", law.selectFirst("dd.label bdi[lang=ar]").text());
        assertEquals("law", law.selectFirst("dd.label bdi[lang=en]").text());
        assertEquals("صك قانوني صادر ونافذ.", law.selectFirst("dd.definition bdi[lang=ar]").text());
        assertEquals("An enacted legal instrument.", law.selectFirst("dd.definition bdi[lang=en]").text());
        assertNotNull(law.selectFirst("a[href=/page/ontology#LegalInstrument]"), "superclass linked");
        Element jurisdiction = doc.getElementById("jurisdiction");
        assertNotNull(jurisdiction.selectFirst("a[href=/page/ontology#Country]"), "range linked");
        assertWellFormedBilingual(doc);
    }

    @Test
    void queryPagePrefillsAnExample() {
        Document doc = Fixture.parse(pages.queryPage(Fixture.request(PageLanguage.EN, "/query"), "status-by-source", null));
        assertTrue(doc.selectFirst("textarea#query").text().contains("sijill:LegalStatus"));
        assertEquals("selected", doc.selectFirst(".example-list li.selected").className());
        assertEquals(3, doc.select(".example-list li").size(), "all queries, the data check included");
        assertNotNull(doc.selectFirst("script[src=/static/yasgui/yasgui.min.js]"), "YASGUI's editor is loaded");
        assertTrue(doc.selectFirst("a#download-csv").attr("href").startsWith("/sparql?output=csv&query="));
        SijillException e = assertThrows(SijillException.class,
                () -> pages.queryPage(Fixture.request(PageLanguage.EN, "/query"), "../etc/passwd", null));
        assertEquals(SijillException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void staticFilesAndEditorAreOnTheClasspath() {
        assertTrue(StaticResources.find("sijill.css").isPresent());
        assertTrue(StaticResources.find("query.js").isPresent());
        assertTrue(StaticResources.find("yasgui/yasgui.min.js").isPresent(), "YASGUI was copied in by the build (server/frontend)");
        assertTrue(StaticResources.find("yasgui/yasgui.min.css").isPresent());
        assertTrue(StaticResources.find("../templates/base.peb").isEmpty());
        assertTrue(StaticResources.find("i18n/../../templates/base.peb").isEmpty());
    }
}
