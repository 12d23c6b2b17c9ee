package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.sijill.loader.TextNormalizer;
import org.w3id.sijill.server.it.RealDataServer;

/**
 * The passage pages of Annex I of the ESCWA report on the real server, in Arabic and English. A
 * passage whose extraction is out of reading order shows the editors' corrected reading first —
 * attributed to the Sijill editors as an editorial transcription, with their note — and the raw
 * extraction beside it; every quote from an annex passage is marked ({@code <mark>}) in the text
 * shown first, including the quotes that only the corrected reading holds (the build checks them
 * against it; the raw extraction does not contain them).
 */
class PassageReadingPageTest {
    private static final String REPORT = "https://w3id.org/sijill/id/document/escwa-beirut-2018-report";
    @RegisterExtension
    static final RealDataServer SERVER = new RealDataServer();

    /** A quoted annex passage: its raw extraction, its corrected reading (or null) and its quotes. */
    record Quoted(String token, String raw, String reading, List<String> quotes) {}

    static final Map<String, Quoted> PASSAGES = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        String q = """
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                PREFIX sijill: <https://w3id.org/sijill/ontology#>
                SELECT DISTINCT ?token ?raw ?reading ?quote WHERE {
                  ?p dcterms:isPartOf <%s> ; dcterms:identifier ?token ; rdf:value ?raw .
                  FILTER(STRSTARTS(?token, "annex-"))
                  ?e prov:wasQuotedFrom ?p ; prov:value ?quote .
                  OPTIONAL { ?p sijill:editorialReading ?reading }
                } ORDER BY ?token ?quote
                """.formatted(REPORT);
        Map<String, List<String>> quotes = new LinkedHashMap<>();
        Map<String, String[]> texts = new LinkedHashMap<>();
        try (QueryExecHTTP exec = QueryExecHTTP.service(SERVER.base() + "/sparql").query(q).build()) {
            RowSet rows = exec.select();
            rows.forEachRemaining(b -> {
                String token = b.get("token").getLiteralLexicalForm();
                texts.putIfAbsent(token, new String[] {b.get("raw").getLiteralLexicalForm(),
                        b.contains("reading") ? b.get("reading").getLiteralLexicalForm() : null});
                quotes.computeIfAbsent(token, t -> new ArrayList<>()).add(b.get("quote").getLiteralLexicalForm());
            });
        }
        texts.forEach((t, x) -> PASSAGES.put(t, new Quoted(t, x[0], x[1], quotes.get(t))));
    }

    static Document page(String token, String lang) throws Exception {
        String path = "/page/document/escwa-beirut-2018-report/p/" + token + "?lang=" + lang;
        HttpResponse<String> r = SERVER.get(path, "Accept", "text/html");
        assertEquals(200, r.statusCode(), path);
        Document d = Jsoup.parse(r.body(), SERVER.base() + path);
        assertEquals(lang, d.selectFirst("html").attr("lang"), path);
        return d;
    }

    /** whether one of the marks holds the whole quote (after the build's normalisation) */
    static boolean marked(Element text, String quote) {
        String q = TextNormalizer.normalize(quote);
        return text.select("mark").stream().anyMatch(m -> TextNormalizer.normalize(m.text()).contains(q));
    }

    @Test
    void theAnnexHasQuotedPassagesWithAndWithoutACorrectedReading() {
        long withReading = PASSAGES.values().stream().filter(p -> p.reading() != null).count();
        long onlyInReading = PASSAGES.values().stream().filter(p -> p.reading() != null)
                .mapToLong(p -> p.quotes().stream().filter(q -> !TextNormalizer.contains(p.raw(), q)).count()).sum();
        System.out.printf("quoted annex passages: %d (%d with a corrected reading); quotes: %d, only in the corrected reading: %d%n",
                PASSAGES.size(), withReading, PASSAGES.values().stream().mapToLong(p -> p.quotes().size()).sum(), onlyInReading);
        assertTrue(PASSAGES.size() >= 30, "quoted annex passages found: " + PASSAGES.keySet());
        assertTrue(withReading >= 20, "quoted annex passages with a corrected reading: " + withReading);
        assertTrue(onlyInReading >= 20, "quotes the raw extraction does not hold: " + onlyInReading);
    }

    @Test
    void everyQuoteOfAnAnnexPassageIsMarkedInTheTextShownFirstInBothLanguages() throws Exception {
        int checked = 0;
        int onlyInReading = 0;
        for (Quoted p : PASSAGES.values()) {
            for (String lang : List.of("ar", "en")) {
                Document d = page(p.token(), lang);
                Element first = d.selectFirst("section.passage-text .passage-body");
                assertNotNull(first, p.token() + " (" + lang + "): the passage text");
                String shown = p.reading() != null ? p.reading() : p.raw();
                assertEquals(TextNormalizer.normalize(shown), TextNormalizer.normalize(first.text()),
                        p.token() + " (" + lang + "): the text shown first is the " + (p.reading() != null ? "corrected reading" : "extraction"));
                for (String quote : p.quotes()) {
                    assertTrue(marked(first, quote), p.token() + " (" + lang + "): quote not marked: " + quote + "\n" + first.html());
                    checked++;
                    if (p.reading() != null && !TextNormalizer.contains(p.raw(), quote)) onlyInReading++;
                }
            }
        }
        assertTrue(checked >= 60, "quotes checked: " + checked);
        assertTrue(onlyInReading >= 40, "quotes only the corrected reading holds, checked in both languages: " + onlyInReading);
    }

    @Test
    void aCorrectedReadingIsAttributedToTheEditorsWithTheRawExtractionBesideIt() throws Exception {
        int checked = 0;
        for (Quoted p : PASSAGES.values()) {
            for (String lang : List.of("ar", "en")) {
                Document d = page(p.token(), lang);
                Element section = d.selectFirst("section.passage-text");
                assertNotNull(section, p.token());
                if (p.reading() == null) {
                    assertEquals(0, section.select(".passage-reading, .passage-raw").size(), p.token() + ": no reading, no raw block");
                    continue;
                }
                Element reading = section.selectFirst("figure.passage-reading");
                assertNotNull(reading, p.token() + " (" + lang + "): the corrected reading");
                assertTrue(reading.selectFirst(".passage-body") == section.selectFirst(".passage-body"), p.token() + ": the reading comes first");
                Element by = reading.selectFirst("figcaption a[href=/id/source/sijill-editors]");
                assertNotNull(by, p.token() + " (" + lang + "): the reading is attributed to the Sijill editors");
                assertTrue(reading.selectFirst("figcaption").text().contains(lang.equals("ar") ? "تحريري" : "editorial transcription"),
                        reading.selectFirst("figcaption").text());
                assertNotNull(reading.selectFirst(".reading-note[lang=en]"), p.token() + ": the editors' note");
                Element raw = section.selectFirst("details.passage-raw");
                assertNotNull(raw, p.token() + " (" + lang + "): the raw extraction beside the reading");
                assertNotNull(raw.selectFirst("summary"));
                assertEquals(TextNormalizer.normalize(p.raw()), TextNormalizer.normalize(raw.selectFirst(".passage-raw-body").text()),
                        p.token() + ": the raw extraction as stored");
                assertTrue(reading.siblingIndex() < raw.siblingIndex(), p.token() + ": the raw extraction comes after the reading");
                // the raw block marks what it holds of the quotes, and nothing it does not hold
                for (String quote : p.quotes()) {
                    if (TextNormalizer.contains(p.raw(), quote)) {
                        assertTrue(marked(raw, quote), p.token() + ": a quote the extraction holds is marked in it: " + quote);
                    }
                }
                checked++;
            }
        }
        assertTrue(checked >= 40, "pages with a corrected reading checked: " + checked);
    }

    static Document fetch(String path, String lang) throws Exception {
        HttpResponse<String> r = SERVER.get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang, "Accept", "text/html");
        assertEquals(200, r.statusCode(), path);
        return Jsoup.parse(r.body(), SERVER.base() + path);
    }

    /** Issue 9: a passage is named by its place in the document, never by the raw token of its IRI. */
    @Test
    void passagesAreNamedByTheirPlaceInTheDocumentInBothLanguages() throws Exception {
        Map<String, Map<String, String>> expected = Map.of(
                "en", Map.of("21", "paragraph 21", "s1", "summary, paragraph 1", "annex-intro", "Annex I, introduction",
                        "annex-legislative-framework-1", "Annex I, Developing the legislative framework in Arab countries, item 1"),
                "ar", Map.of("21", "الفقرة 21", "s1", "الموجز، الفقرة 1", "annex-intro", "الملحق الأول، المقدمة",
                        "annex-legislative-framework-1", "الملحق الأول، تطوير الإطار التشريعي في الدول العربية، البند 1"));
        for (String lang : List.of("en", "ar")) {
            // the passages are listed one page at a time (issue 13): follow the pages to the end
            List<Document> pages = new java.util.ArrayList<>();
            String next = "/page/document/escwa-beirut-2018-report";
            while (next != null && pages.size() < 50) {
                Document d = fetch(next, lang);
                pages.add(d);
                Element more = d.selectFirst("#passages-pager a[rel=next]");
                next = more == null ? null : "/page/document/escwa-beirut-2018-report?page="
                        + more.attr("href").replaceAll(".*[?&]page=([0-9]+).*", "$1");
            }
            List<Element> links = pages.stream().flatMap(d -> d.select(".passages .passage-no a").stream()).toList();
            assertTrue(links.size() > 100, lang + ": the report's passages are listed: " + links.size());
            for (Element a : links) assertTrue(!a.text().contains("¶"), lang + ": a raw passage token shown: " + a.text());
            for (Map.Entry<String, String> e : expected.get(lang).entrySet()) {
                Element row = pages.stream().map(d -> d.getElementById("p-" + e.getKey())).filter(java.util.Objects::nonNull)
                        .findFirst().orElse(null);
                assertNotNull(row, e.getKey());
                assertEquals(e.getValue(), row.selectFirst(".passage-no a").text(), lang + " " + e.getKey());
                Document passage = fetch("/page/document/escwa-beirut-2018-report/p/" + e.getKey(), lang);
                String h1 = passage.selectFirst("h1").text();
                assertTrue(h1.endsWith(e.getValue()) && !h1.contains("¶"), lang + ": the passage page is named by its place: " + h1);
            }
        }
    }

    /** Issue 9: the country page's type line names the class once (not "Country, country ↗ schema.org"). */
    @Test
    void theCountryPageNamesItsClassOnce() throws Exception {
        for (String lang : List.of("en", "ar")) {
            Element types = fetch("/page/country/LB", lang).selectFirst("header p.types, p.types");
            assertNotNull(types, lang + ": the type line");
            List<String> names = types.select("a").stream().map(a -> a.ownText().strip().toLowerCase(java.util.Locale.ROOT)).toList();
            assertTrue(!names.isEmpty(), lang + ": types are shown");
            assertEquals(names.size(), names.stream().distinct().count(), lang + ": each type once: " + types.text());
            assertEquals(1, types.select("a").size(), lang + ": a country is of one class for a reader: " + types.text());
        }
    }

    /** Issue 9: a recommendation's category and the event it was made at are under a recommendation heading, not "Events". */
    @Test
    void aRecommendationPageGroupsItsCategoryAndEventUnderARecommendationHeading() throws Exception {
        Map<String, String[]> headings = Map.of("en", new String[] {"Recommendation", "Events"}, "ar", new String[] {"التوصية", "الفعاليات"});
        for (String lang : List.of("en", "ar")) {
            Document d = fetch("/page/recommendation/escwa-beirut-2018-report/legislative-framework/1", lang);
            List<Element> groups = d.select("section.group");
            assertTrue(!groups.isEmpty(), lang + ": property groups are shown");
            Element own = groups.stream().filter(g -> g.selectFirst("h2").text().equals(headings.get(lang)[0])).findFirst().orElse(null);
            assertNotNull(own, lang + ": a recommendation heading: " + groups.stream().map(g -> g.selectFirst("h2").text()).toList());
            assertNotNull(own.selectFirst("a[href$=/id/concept/recommendation-category/legislative-framework]"), lang + ": its category: " + own);
            assertNotNull(own.selectFirst("a[href*=/id/event/]"), lang + ": the event it was recommended at: " + own);
            assertTrue(groups.stream().noneMatch(g -> g.selectFirst("h2").text().equals(headings.get(lang)[1])),
                    lang + ": no Events heading on a recommendation page");
        }
    }
}
