package org.w3id.sijill.server.commitments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.sijill.server.Site;
import org.w3id.sijill.server.it.RealDataServer;

/**
 * The treaty, ITU GCI and first-strategy dimensions (issue 14) on the real server over the store
 * built from the project's {@code sources/}: side by side on {@code /compare} (page and every table
 * format), as columns of {@code /matrix}, as {@code /map?treaty=…}, as the API's {@code treaties},
 * {@code scores} and {@code strategies}, and on the country page (each quote once, as one of the
 * page's numbered notes, and no query added to the page); notes in Arabic as well as English.
 */
class CommitmentsServerTest {
    static final String LEGILUX_QUOTE = "qu’en date du 29 juin 2018, le Maroc a adhéré à la convention désignée ci-dessus";
    static final String UNLISTED_EN = "not listed in the material";
    static final String UNLISTED_AR = "غير مدرجة في المواد المتاحة";

    @RegisterExtension
    static final RealDataServer SERVER = new RealDataServer();

    static JsonObject json(String path) {
        HttpResponse<String> r = SERVER.get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    static List<JsonObject> rows(JsonObject table) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : table.getAsJsonArray("rows")) out.add(e.getAsJsonObject());
        return out;
    }

    static List<CSVRecord> csv(String path) {
        HttpResponse<String> r = SERVER.get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), r.headers().map().toString());
        String body = r.body().startsWith("\uFEFF") ? r.body().substring(1) : r.body();
        try (CSVParser p = CSVParser.parse(new StringReader(body), CSVFormat.RFC4180)) {
            return p.getRecords();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return every cell link of a dimension's cell points to a claim or observation page (the evidence) */
    static void citesEvidence(Element cell) {
        List<Element> items = cell.select("ul.commitment-items > li");
        for (Element li : items) {
            List<Element> cites = li.select("a.cite");
            assertFalse(cites.isEmpty(), "an item cites its source: " + li.outerHtml());
            for (Element a : cites) {
                assertTrue(a.attr("href").matches("/(id|page)/(participation|observation|strategy)/.+"), a.outerHtml());
                assertFalse(a.attr("title").isBlank(), "the citation names its source: " + a.outerHtml());
            }
        }
    }

    // --- 1. the comparison ---------------------------------------------------------------------------

    @Test
    void compareSetsTreatiesScoresAndStrategiesSideBySide() {
        Document doc = SERVER.page("/compare?country=MA&country=TN&country=SO&lang=en");
        Element section = doc.selectFirst("#commitments");
        assertNotNull(section, "the comparison has a treaties, GCI and strategy section");
        Element budapest = section.selectFirst("tr[data-dimension=budapest-convention]");
        assertNotNull(budapest, section.text());
        List<Element> cells = budapest.select("td");
        assertEquals(3, cells.size(), "one cell per chosen state, in order: " + budapest.text());
        String ma = cells.get(0).text();
        assertTrue(ma.contains("Accession 2018-06-29") && ma.contains("Entry into force for the state 2018-10-01"), ma);
        String tn = cells.get(1).text();
        assertTrue(tn.contains("Invitation to accede 2018-02-07") && tn.contains("Accession 2024-03-08"), tn);
        assertEquals(UNLISTED_EN, cells.get(2).text(), "Somalia: absence of evidence is not 'not a party'");
        assertFalse(section.select("td").text().toLowerCase().contains("not a party"));
        for (Element td : section.select("td")) citesEvidence(td);
        Element arab = section.selectFirst("tr[data-dimension=arab-convention-combating-it-offences]");
        assertTrue(arab.select("td").get(0).text().startsWith("Signature"), "an undated step keeps no date: " + arab.text());
        Element gci2020 = section.selectFirst("tr[data-dimension=score-2020]");
        assertNotNull(gci2020, section.text());
        assertTrue(gci2020.selectFirst("th").text().contains("2020") && gci2020.selectFirst("th").text().contains("0 to 100"), gci2020.text());
        assertTrue(gci2020.select("td").get(0).text().startsWith("82.41"), gci2020.text());
        Element gci2014 = section.selectFirst("tr[data-dimension=score-2014]");
        assertTrue(gci2014.selectFirst("th").text().contains("0 to 1"), gci2014.text());
        Element strategy = section.selectFirst("tr[data-dimension=first-strategy]");
        assertTrue(strategy.select("td").get(0).text().contains("2012-12-05"), strategy.text());
        assertTrue(strategy.select("td").get(2).text().contains("The source records no national strategy"), strategy.text());
        assertFalse(section.select("ol.commitment-sources li").isEmpty(), "numbered sources");
        for (Element a : section.select("a.cite")) {
            String n = a.selectFirst("sup").text();
            assertNotNull(section.selectFirst("ol.commitment-sources li[value=" + n + "]"), "source " + n + " is in the legend");
        }

        Document ar = SERVER.page("/compare?country=MA&country=SO&lang=ar");
        Element sectionAr = ar.selectFirst("#commitments");
        assertEquals("المعاهدات والمؤشر العالمي للأمن السيبراني والاستراتيجية الوطنية", sectionAr.selectFirst("h2").text());
        Element budapestAr = sectionAr.selectFirst("tr[data-dimension=budapest-convention]");
        assertTrue(budapestAr.select("td").get(0).text().contains("الانضمام"), budapestAr.text());
        assertEquals(UNLISTED_AR, budapestAr.select("td").get(1).text());
    }

    @Test
    void compareDownloadsCarryTheTreatyScoreAndStrategyColumns() {
        List<CSVRecord> en = csv("/compare?country=MA&country=TN&format=csv&lang=en");
        List<String> header = en.get(0).toList();
        for (String h : List.of("Dimension", "Treaty", "Step", "Date of the step", "Edition", "Score", "Scale", "First strategy date",
                "Number of strategies", "Quote", "Notes")) {
            assertTrue(header.contains(h), h + " in " + header);
        }
        int dim = header.indexOf("Dimension"), treaty = header.indexOf("Treaty code"), act = header.indexOf("Step code"),
                date = header.indexOf("Date of the step"), quote = header.indexOf("Quote"), country = header.indexOf("ISO code"),
                edition = header.indexOf("Edition"), score = header.indexOf("Score"), first = header.indexOf("First strategy date");
        assertTrue(en.stream().anyMatch(r -> r.get(dim).equals("legal-status")), "the topic claims are still there");
        assertTrue(en.stream().anyMatch(r -> r.get(dim).equals("treaty") && r.get(country).equals("MA") && r.get(treaty).equals("budapest-convention")
                && r.get(act).equals("accession") && r.get(date).equals("2018-06-29") && r.get(quote).contains(LEGILUX_QUOTE)), "Morocco's accession row");
        assertTrue(en.stream().anyMatch(r -> r.get(dim).equals("index-score") && r.get(country).equals("MA") && r.get(edition).equals("2020")
                && r.get(score).equals("82.41") && r.get(header.indexOf("Scale code")).equals("zero-to-hundred")
                && r.get(header.indexOf("Scale")).equals("0 to 100")), "Morocco's GCI 2020 row, with its scale");
        assertTrue(en.stream().anyMatch(r -> r.get(dim).equals("strategy") && r.get(country).equals("MA") && r.get(first).equals("2012-12-05")),
                "Morocco's first strategy");
        assertTrue(en.stream().skip(1).allMatch(r -> r.size() == header.size()), "every row has every column");
        assertFalse(en.stream().anyMatch(r -> r.get(dim).equals("treaty") && r.get(country).equals("SO")), "only the compared states");

        List<CSVRecord> ar = csv("/compare?country=IQ&country=MA&format=csv&lang=ar");
        List<String> headerAr = ar.get(0).toList();
        int notes = headerAr.indexOf("ملاحظات"), dimAr = headerAr.indexOf("البُعد");
        assertTrue(notes >= 0 && dimAr >= 0, headerAr.toString());
        assertTrue(ar.stream().anyMatch(r -> r.get(dimAr).equals("strategy") && r.get(notes).contains("عدد الاستراتيجيات فيها 0")),
                "Iraq's caveat in Arabic");

        JsonObject json = json("/compare?country=MA&country=TN&format=json");
        List<String> keys = new ArrayList<>();
        json.getAsJsonArray("columns").forEach(c -> keys.add(c.getAsJsonObject().get("key").getAsString()));
        assertTrue(keys.containsAll(List.of("dimension", "treaty", "act", "actDate", "edition", "score", "scale", "scaleLabel", "firstStrategyDate")), keys.toString());
        assertTrue(rows(json).stream().anyMatch(r -> r.get("dimension").getAsString().equals("treaty") && r.get("actDate").getAsString().equals("2024-03-08")));
        JsonObject ld = json("/compare?country=MA&country=TN&format=jsonld");
        List<String> types = new ArrayList<>();
        ld.getAsJsonArray("@graph").forEach(n -> types.add(n.getAsJsonObject().get("@type").toString()));
        assertTrue(types.stream().anyMatch(t -> t.contains("sijill:TreatyParticipation")), "participation nodes");
        assertTrue(types.stream().anyMatch(t -> t.contains("sijill:IndexScore")), "score nodes");
        assertTrue(types.stream().anyMatch(t -> t.contains("sijill:NationalStrategyClaim")), "strategy nodes");
    }

    // --- 2. the matrix --------------------------------------------------------------------------------

    @Test
    void matrixHasAColumnPerTreatyTheLatestScoreAndTheFirstStrategy() {
        Document doc = SERVER.page("/matrix?lang=en");
        List<Element> dims = doc.select("table.obs-matrix thead th.dimension");
        assertEquals(7, dims.size(), "five treaties, the latest GCI score, the first strategy: " + dims.stream().map(Element::text).toList());
        List<Element> rows = doc.select("table.obs-matrix tbody tr");
        assertEquals(22, rows.size());
        for (Element tr : rows) {
            assertEquals(7, tr.select("td.dim").size(), tr.text());
            for (Element td : tr.select("td.dim")) citesEvidence(td);
        }
        Element ma = doc.selectFirst("table.obs-matrix tbody td.dim[data-country=MA][data-dimension=budapest-convention]");
        assertNotNull(ma);
        assertTrue(ma.text().contains("Accession 2018-06-29"), ma.text());
        Element so = doc.selectFirst("table.obs-matrix tbody td.dim[data-country=SO][data-dimension=budapest-convention]");
        assertEquals(UNLISTED_EN, so.text());
        Element score = doc.selectFirst("table.obs-matrix tbody td.dim[data-country=MA][data-dimension=latest-score]");
        assertTrue(score.text().startsWith("97.5 2024 · 0 to 100"), "the latest edition's score with its edition and scale: " + score.text());
        Element strategy = doc.selectFirst("table.obs-matrix tbody td.dim[data-country=MA][data-dimension=first-strategy]");
        assertTrue(strategy.text().contains("2012-12-05"), strategy.text());
        Element ps = doc.selectFirst("table.obs-matrix tbody td.dim[data-country=PS][data-dimension=first-strategy]");
        assertEquals(UNLISTED_EN, ps.text(), "the dataset has no row for Palestine");

        Document ar = SERVER.page("/matrix?lang=ar");
        assertEquals(UNLISTED_AR, ar.selectFirst("td.dim[data-country=SO][data-dimension=budapest-convention]").text());

        List<CSVRecord> table = csv("/matrix?format=csv&lang=en");
        List<String> header = table.get(0).toList();
        assertEquals(2 + 11 + 7, header.size(), header.toString());
        assertTrue(header.contains("ITU GCI, latest edition") && header.contains("First strategy date"), header.toString());
        int budapest = header.indexOf("Budapest Convention");
        assertTrue(budapest > 0, header.toString());
        CSVRecord morocco = table.stream().filter(r -> r.get(0).equals("MA")).findFirst().orElseThrow();
        assertTrue(morocco.get(budapest).contains("Accession 2018-06-29"), morocco.toString());
    }

    // --- 3. the map -----------------------------------------------------------------------------------

    @Test
    void mapByTreatyColoursTheStepsAndSaysNotListedNeverNotAParty() {
        Document doc = SERVER.page("/map?treaty=budapest-convention&lang=en");
        assertTrue(doc.selectFirst("h1").text().contains("Budapest Convention"), doc.selectFirst("h1").text());
        Element ma = doc.selectFirst("svg.choropleth a.state[data-country=MA]");
        assertTrue(ma.hasClass("act-entry-into-force"), "Morocco's furthest stated step: " + ma.className());
        assertTrue(doc.selectFirst("svg.choropleth a.state[data-country=TN]").hasClass("act-accession"));
        Element so = doc.selectFirst("svg.choropleth a.state[data-country=SO]");
        assertTrue(so.hasClass("act-unlisted"), so.className());
        assertTrue(so.attr("aria-label").endsWith(UNLISTED_EN), so.attr("aria-label"));
        List<String> legend = doc.select("ul.map-legend li").eachText();
        assertTrue(legend.contains(UNLISTED_EN) && legend.contains("Accession") && legend.contains("Entry into force for the state"), legend.toString());
        assertFalse(legend.stream().anyMatch(l -> l.toLowerCase().contains("not a party")), legend.toString());
        Element row = doc.selectFirst("table.obs-map-table tr[data-country=MA]");
        assertTrue(row.text().contains("Accession 2018-06-29"), row.text());
        citesEvidence(row);
        assertEquals(22, doc.select("table.obs-map-table tbody tr").size());

        Document ar = SERVER.page("/map?treaty=arab-convention-combating-it-offences&lang=ar");
        assertTrue(ar.selectFirst("svg.choropleth a.state[data-country=JO]").hasClass("act-ratification"));
        assertTrue(ar.select("ul.map-legend li").eachText().contains(UNLISTED_AR), ar.select("ul.map-legend").text());

        List<CSVRecord> table = csv("/map?treaty=budapest-convention&format=csv");
        assertTrue(table.stream().anyMatch(r -> r.get(0).equals("TN") && r.toList().contains("2024-03-08")), "the map's table as CSV");

        HttpResponse<String> unknown = SERVER.get("/map?treaty=no-such-treaty&lang=en");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown treaty") && unknown.body().contains("budapest-convention"), unknown.body());
        HttpResponse<String> both = SERVER.get("/map?treaty=budapest-convention&topic=cybercrime");
        assertEquals(400, both.statusCode());
    }

    // --- 4. the API -----------------------------------------------------------------------------------

    @Test
    void apiServesTreatiesScoresAndStrategiesFilteredByCountry() {
        JsonObject treaties = json("/api/v1/treaties?country=MA");
        List<JsonObject> rows = rows(treaties);
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(r -> r.get("country").getAsString().equals("MA")), "filtered by country");
        assertTrue(rows.stream().anyMatch(r -> r.get("treaty").getAsString().equals("budapest-convention")
                && r.get("act").getAsString().equals("accession") && r.get("actDate").getAsString().equals("2018-06-29")
                && r.getAsJsonArray("quote").toString().contains("le Maroc a adhéré")));
        assertTrue(rows.stream().anyMatch(r -> r.get("treaty").getAsString().equals("arab-convention-combating-it-offences")
                && r.get("actDate").getAsString().isEmpty()), "an undated step has no date");
        JsonObject one = json("/api/v1/treaties?treaty=un-convention-against-cybercrime");
        assertEquals(8 + 3, rows(one).size(), "eight states' signatures, three of them in both sources");
        JsonObject scores = json("/api/v1/scores?country=MAR");
        List<JsonObject> s = rows(scores);
        assertEquals(5, s.size(), s.toString());
        JsonObject s2020 = s.stream().filter(r -> r.get("edition").getAsString().equals("2020")).findFirst().orElseThrow();
        assertEquals("82.41", s2020.get("score").getAsString());
        assertEquals("zero-to-hundred", s2020.get("scale").getAsString());
        assertEquals("zero-to-one", s.stream().filter(r -> r.get("edition").getAsString().equals("2018")).findFirst().orElseThrow()
                .get("scale").getAsString());
        assertEquals(22 * 5, rows(json("/api/v1/scores")).size(), "22 states, five editions");
        JsonObject iraq = json("/api/v1/strategies?country=IQ&lang=ar");
        JsonArray notes = rows(iraq).get(0).getAsJsonArray("notes");
        assertTrue(notes.toString().contains("عدد الاستراتيجيات فيها 0"), "the caveat in Arabic: " + notes);
        JsonObject iraqEn = json("/api/strategies?country=IQ");
        assertTrue(rows(iraqEn).get(0).getAsJsonArray("notes").toString().contains("count of 0"));
        assertEquals(21, rows(json("/api/v1/strategies")).size(), "21 of 22 states: the dataset has no row for Palestine");

        HttpResponse<String> bad = SERVER.get("/api/v1/treaties?treaty=nope");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("unknown treaty"), bad.body());
        HttpResponse<String> badParam = SERVER.get("/api/v1/scores?topic=cybercrime");
        assertEquals(400, badParam.statusCode());
        assertTrue(badParam.body().contains("unknown parameter"), badParam.body());
        HttpResponse<String> badCountry = SERVER.get("/api/v1/strategies?country=ZZ&lang=ar");
        assertEquals(400, badCountry.statusCode());

        JsonObject spec = json("/api/openapi.json");
        for (String p : List.of("/api/v1/treaties", "/api/v1/scores", "/api/v1/strategies", "/api/treaties", "/api/scores", "/api/strategies")) {
            assertTrue(spec.getAsJsonObject("paths").has(p), p + " is in the OpenAPI document");
        }
    }

    // --- 5. the country page -------------------------------------------------------------------------

    static TransactionCoordinator coordinator() {
        DatasetGraph d = Site.dataset(SERVER.server().fuseki().getDataAccessPointRegistry());
        while (!(d instanceof DatasetGraphSwitchable) && d instanceof DatasetGraphWrapper w) d = w.getWrapped();
        return TDBInternal.getTransactionCoordinator(d);
    }

    static long readsFor(String path) {
        TransactionCoordinator tc = coordinator();
        long before = tc.countBeginRead();
        SERVER.page(path);
        return tc.countBeginRead() - before;
    }

    @Test
    void countryPageQuotesOnceAsANumberedNoteAndAddsNoQuery() {
        Document doc = SERVER.page("/page/country/MA?lang=en");
        List<Element> boxes = doc.select("blockquote").stream().filter(b -> b.text().equals(LEGILUX_QUOTE)).toList();
        assertEquals(1, boxes.size(), "the quote once on the page");
        Element note = boxes.get(0).closest("li[id^=note-]");
        assertNotNull(note, "the quote is one of the page's numbered notes: " + boxes.get(0).parent().outerHtml());
        assertTrue(doc.select("#commitments figure.evidence").isEmpty(), "no quote box in the section");
        Element cited = doc.select("#commitments .treaty-act").stream()
                .filter(li -> li.select("sup.cite a").eachAttr("href").contains("#" + note.id())).findFirst()
                .orElseThrow(() -> new AssertionError("a step cites the note " + note.id() + ": " + doc.select("#commitments").html()));
        assertTrue(cited.selectFirst(".act-date").text().matches("2018-(06-29|10-01)"), cited.text());
        // every treaty step with a quote cites a note that exists
        for (Element a : doc.select("#commitments sup.cite a")) {
            assertNotNull(doc.selectFirst("li" + a.attr("href")), a.attr("href") + " exists");
        }
        // the page's read transactions: the section reads nothing of its own (it comes from the per-release snapshot)
        SERVER.page("/page/country/MA");
        SERVER.page("/page/country/FR");
        long morocco = readsFor("/page/country/MA");
        long france = readsFor("/page/country/FR");
        assertTrue(france > 0, "the counter counts the page's reads");
        assertEquals(france, morocco, "Morocco's page (with treaties, scores, strategy) reads the store as often as France's (none)");
    }

    // --- 6. Arabic notes -----------------------------------------------------------------------------

    @Test
    void treatyAndStrategyNotesAreShownInArabic() {
        Document ar = SERVER.page("/page/country/MA?lang=ar");
        List<String> notes = ar.select("#treaties p.note").eachText();
        assertFalse(notes.isEmpty());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("إشعار جهة الإيداع لدى مجلس أوروبا")), notes.toString());
        assertFalse(ar.select("#commitments p.note.caveat bdi").isEmpty());
        for (Element p : ar.select("#commitments p.note.caveat bdi")) assertEquals("ar", p.attr("lang"), "every caveat of the section in Arabic: " + p.text());
        Document en = SERVER.page("/page/country/MA?lang=en");
        assertTrue(en.select("#treaties p.note").eachText().stream()
                .anyMatch(n -> n.startsWith("Council of Europe depositary notification")), en.select("#treaties").text());
        for (Element p : en.select("#commitments p.note.caveat bdi")) assertEquals("en", p.attr("lang"), "English notes on the English page: " + p.text());
        Document iq = SERVER.page("/page/country/IQ?lang=ar");
        String strategy = iq.select("#national-strategy").text();
        assertTrue(strategy.contains("2016-12-06") && strategy.contains("عدد الاستراتيجيات فيها 0"), strategy);
        Map<String, Long> langs = iq.select("#national-strategy p.note.caveat bdi").stream().collect(Collectors.groupingBy(e -> e.attr("lang"), Collectors.counting()));
        assertEquals(Map.of("ar", 2L), langs, "the raw-value note and the caveat, both in Arabic");
    }
}
