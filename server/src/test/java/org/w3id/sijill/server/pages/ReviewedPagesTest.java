package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDFS;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.server.it.HeadlessChromium;
import org.w3id.sijill.server.it.RealDataServer;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The defects a review of the pages' screenshots found (issue 9), on the real server in Arabic and
 * English: search results name a passage as its page does; the ontology's index shows the labels of
 * the page language; an organization shows one human type; concepts of the same name found by a
 * search are told apart by their scheme; a country's status table gives a column's date once; the
 * dataset page keeps each SHA-256 on one line (headless Chromium, 1280 and 390 px).
 */
class ReviewedPagesTest {
    @RegisterExtension
    static final RealDataServer SERVER = new RealDataServer();

    private static final List<String> LANGS = List.of("en", "ar");
    private static Model ontology;

    @BeforeAll
    static void readOntology() {
        ontology = RDFDataMgr.loadModel(ProjectPaths.locate().ontology().resolve("sijill.ttl").toString());
    }

    private static Document page(String path) {
        return SERVER.page(path);
    }

    private static boolean arabic(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
    }

    @Test
    void searchResultsNamePassagesAsTheirPages() {
        // English passages, and Arabic ones among them items of Annex I of the ESCWA report
        List<String> queries = List.of("cybercrime", "تشريعات");
        for (String lang : LANGS) {
            int checked = 0;
            boolean annex = false;
            for (String q : queries) {
                Document d = page("/search?type=Passage&lang=" + lang + "&q=" + PageRequest.encode(q));
                for (Element a : d.select("ol.search-results a.result-name")) {
                    String name = a.text();
                    assertFalse(name.contains("¶"), lang + ": a passage named by its raw token: " + name);
                    Document p = page(a.attr("href"));
                    assertEquals(p.selectFirst("h1").text(), name, lang + ": the result names the passage as its page " + a.attr("href"));
                    annex |= a.attr("href").contains("/p/annex-");
                    checked++;
                }
            }
            assertTrue(checked >= 5, lang + ": passages found: " + checked);
            assertTrue(annex, lang + ": an Annex I item among the passages found");
        }
    }

    @Test
    void ontologyIndexShowsTheLabelsOfThePageLanguage() {
        for (String lang : LANGS) {
            Document d = page("/page/ontology?lang=" + lang);
            List<Element> links = d.select("nav.toc a[href^=#]");
            assertTrue(links.size() >= 50, lang + ": terms in the index: " + links.size());
            for (Element a : links) {
                Resource term = ontology.createResource(SIJILL.NS + a.attr("href").substring(1));
                String label = label(term, lang);
                assertNotNull(label, "the ontology labels " + term + " in " + lang);
                assertEquals(label, a.text(), lang + ": the index names " + term + " by its label");
                if (lang.equals("ar")) assertTrue(arabic(a.text()), "an Arabic name in the Arabic index: " + a.text());
            }
            List<Element> sections = d.select("section.term");
            assertEquals(links.size(), sections.size(), lang + ": a section per term of the index");
            for (Element sec : sections) {
                String label = label(ontology.createResource(SIJILL.NS + sec.id()), lang);
                assertTrue(sec.selectFirst("h3").text().startsWith(label + " "), lang + ": the term's heading names it by its label: " + sec.selectFirst("h3"));
            }
        }
    }

    private static String label(Resource term, String lang) {
        for (RDFNode n : ontology.listObjectsOfProperty(term, RDFS.label).toList()) {
            Literal l = n.asLiteral();
            if (l.getLanguage().equals(lang)) return l.getLexicalForm();
        }
        return null;
    }

    @Test
    void anOrganizationShowsOneHumanType() {
        for (String lang : LANGS) {
            Document d = page("/page/org/eg-ntra?lang=" + lang);
            List<Element> types = d.select("header.entity-head p.types a");
            assertEquals(List.of("/page/ontology#Regulator"), types.stream().map(a -> a.attr("href")).toList(),
                    lang + ": the regulator's type, once: " + types);
            assertEquals(label(ontology.createResource(SIJILL.NS + "Regulator"), lang), types.get(0).text());
            // and the key facts' type row says it once too, not once per vocabulary
            Element typeRow = d.select("section.key-facts tr").stream()
                    .filter(tr -> tr.selectFirst("th") != null && tr.selectFirst("th").text().equals(lang.equals("ar") ? "النوع" : "type"))
                    .findFirst().orElse(null);
            assertNotNull(typeRow, lang + ": the key facts give the type");
            assertEquals(List.of("/page/ontology#Regulator"), typeRow.select("td a").stream().filter(a -> a.closest("sup") == null).map(a -> a.attr("href")).toList(),
                    lang + ": the key facts' type, once: " + typeRow.select("td a"));
        }
    }

    @Test
    void claimsListedOnAConceptPageAreNamedByTheirParts() {
        java.util.regex.Pattern slug = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+){2,}|(^|— )[A-Z]{2}( —|$)");
        for (String lang : LANGS) {
            Document d = page("/page/concept/law-topic/cybercrime?lang=" + lang);
            List<Element> claims = d.select("main a[href*=/status/]");
            assertTrue(claims.size() >= 10, lang + ": claims listed: " + claims.size());
            for (Element a : claims) {
                assertFalse(slug.matcher(a.text()).find(), lang + ": a claim named by raw IRI segments: " + a.text());
            }
        }
    }

    @Test
    void conceptsOfTheSameNameAreToldApartByTheirScheme() {
        Map<String, String> queries = Map.of("en", "Cybercrime", "ar", "الجرائم الإلكترونية");
        for (String lang : LANGS) {
            String q = PageRequest.encode(queries.get(lang));
            Document d = page("/search?lang=" + lang + "&q=" + q);
            List<String> concepts = new ArrayList<>();
            for (Element li : d.select("ol.search-results > li")) {
                if (!li.selectFirst("a.result-name").attr("href").startsWith("/page/concept/")) continue;
                Element scheme = li.selectFirst(".meta .scheme");
                assertNotNull(scheme, lang + ": a concept's result names its scheme: " + li);
                if (lang.equals("ar")) assertTrue(arabic(scheme.text()), "the scheme in Arabic: " + scheme.text());
                concepts.add(li.selectFirst("a.result-name").text() + " · " + scheme.text());
            }
            assertTrue(concepts.size() >= 2, lang + ": concepts found: " + concepts);
            assertEquals(concepts.size(), new HashSet<>(concepts).size(), lang + ": results told apart: " + concepts);

            JsonObject api = JSON.parse(SERVER.get("/api/search?lang=" + lang + "&q=" + q).body());
            Set<String> seen = new HashSet<>();
            int n = 0;
            for (JsonValue v : api.get("results").getAsArray()) {
                JsonObject r = v.getAsObject();
                if (!r.get("iri").getAsString().value().startsWith(SIJILL.ID + "concept/")) continue;
                assertTrue(r.get("scheme").isString(), lang + ": /api/search gives a concept's scheme: " + r);
                assertTrue(seen.add(r.get("label").getAsString().value() + " · " + r.get("scheme").getAsString().value()), "told apart: " + r);
                n++;
            }
            assertTrue(n >= 2, lang + ": concepts in /api/search: " + n);

            JsonObject suggest = JSON.parse(SERVER.get("/api/search/suggest?lang=" + lang + "&q=" + q).body());
            int s = 0;
            for (JsonValue v : suggest.get("suggestions").getAsArray()) {
                JsonObject r = v.getAsObject();
                if (!r.get("iri").getAsString().value().startsWith(SIJILL.ID + "concept/")) continue;
                assertTrue(r.hasKey("scheme") && r.get("scheme").isString(), lang + ": the autocomplete gives a concept's scheme: " + r);
                s++;
            }
            assertTrue(s >= 1, lang + ": concepts in the autocomplete: " + suggest);
        }
    }

    @Test
    void aCountryStatusTableGivesAColumnsDateOnce() {
        int columns = 0;
        for (String country : List.of("LB", "EG", "MA", "TN")) {
            for (String lang : LANGS) {
                Document d = page("/page/country/" + country + "?lang=" + lang);
                Element table = d.selectFirst("table.status-matrix");
                assertNotNull(table, country + " " + lang + ": the status table");
                List<Element> heads = table.select("thead th");
                List<Element> rows = table.select("tbody tr");
                assertFalse(rows.isEmpty(), country + ": status rows");
                String other = lang.equals("ar") ? "en" : "ar";
                assertTrue(d.select("ol.source-legend small.note bdi[lang=" + other + "]").isEmpty(),
                        country + " " + lang + ": the legend's notes are in the page language: " + d.select("ol.source-legend small.note"));
                for (int col = 1; col < heads.size(); col++, columns++) {
                    int datesInHead = heads.get(col).select("small.asof").size();
                    assertTrue(datesInHead >= 1, country + " " + lang + ": the column says its date: " + heads.get(col));
                    for (Element row : rows) {
                        Element cell = row.select("td").get(col - 1);
                        if (datesInHead == 1) {
                            assertTrue(cell.select("small.asof").isEmpty(), country + " " + lang
                                    + ": the column's one date is repeated in a cell: " + cell.select("small.asof"));
                        }
                    }
                }
            }
        }
        assertTrue(columns >= 8, "source columns checked: " + columns);
    }

    @Test
    void theMapAndTheMatrixFitAPhone() {
        ChromeDriver driver = HeadlessChromium.driver(390, 900);
        for (String path : List.of("/map", "/matrix")) {
            for (String lang : LANGS) {
                driver.get(SERVER.base() + path + "?lang=" + lang);
                Object overflow = driver.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(((Number) overflow).longValue() <= 0, path + " " + lang + ": at 390 px the page scrolls sideways by " + overflow);
            }
        }
    }

    @Test
    void checksumsStayOnOneLine() {
        for (int width : List.of(1280, 390)) {
            ChromeDriver driver = HeadlessChromium.driver(width, 900);
            for (String lang : LANGS) {
                driver.get(SERVER.base() + "/dataset?lang=" + lang);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> hashes = (List<Map<String, Object>>) driver.executeScript("""
                        return Array.from(document.querySelectorAll('code.sha')).map(function (c) {
                          var s = getComputedStyle(c);
                          return {text: c.textContent, rects: c.getClientRects().length,
                                  height: c.getBoundingClientRect().height, font: parseFloat(s.fontSize),
                                  dir: s.direction};
                        });""");
                assertTrue(hashes.size() >= 3, width + " " + lang + ": checksums shown: " + hashes.size());
                for (Map<String, Object> h : hashes) {
                    assertTrue(((String) h.get("text")).matches("[0-9a-f]{64}"), "a whole SHA-256: " + h);
                    assertEquals(1L, ((Number) h.get("rects")).longValue(), width + " " + lang + ": the hash on one line: " + h);
                    assertTrue(((Number) h.get("height")).doubleValue() < 2 * ((Number) h.get("font")).doubleValue(),
                            width + " " + lang + ": the hash one line high: " + h);
                    assertEquals("ltr", h.get("dir"), "a hash reads left to right");
                }
                Object overflow = driver.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(((Number) overflow).longValue() <= 0, width + " " + lang + ": the page scrolls sideways by " + overflow);
            }
        }
    }
}
