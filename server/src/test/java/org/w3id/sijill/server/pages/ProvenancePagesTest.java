package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.server.it.RealDataServers;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Pages of the store built from the project's own sources, parsed with jsoup: each fact cites
 * numbered notes, a quote appears once per page (on every page of the store), editorial facts are
 * marked, and a passage page marks its quoted spans and lists the facts they support.
 */
class ProvenancePagesTest {
    static DatasetGraph store;
    static SijillPages pages;

    @BeforeAll
    static void open() {
        store = DatabaseMgr.connectDatasetGraph(RealDataServers.folder().resolve("store").toString());
        pages = new SijillPages(store, null, new ExampleQueries(ProjectPaths.locate().queries()), DownloadsInfo.NONE);
    }

    @AfterAll
    static void close() {
        if (store != null) TDBInternal.expel(store);
    }

    static Document page(String path, PageLanguage lang) {
        RenderedPage p = pages.entity(path, 1, Fixture.request(lang, "/page/" + path));
        assertEquals(200, p.status(), path);
        return Fixture.parse(p);
    }

    /** Every citation links to a note of the page, and every note is cited. */
    static void assertCitationsResolve(Document doc, String path) {
        Set<String> cited = new TreeSet<>();
        for (Element a : doc.select("sup.cite a")) {
            String target = a.attr("href").substring(1);
            assertNotNull(doc.getElementById(target), path + ": citation " + a.outerHtml() + " has no note");
            cited.add(target);
        }
        for (Element li : doc.select("ol.notes > li")) assertTrue(cited.contains(li.id()), path + ": note " + li.id() + " is not cited");
    }

    @Test
    void lebanonShowsEachQuoteOnceAndCitesIt() {
        Document doc = page("country/LB", PageLanguage.EN);
        List<String> quotes = doc.select("figure.evidence blockquote").eachText();
        assertTrue(quotes.contains("In 2018, Lebanon has adopted the law no. 81 for electronic transactions and personal data"), quotes.toString());
        assertEquals(new HashSet<>(quotes).size(), quotes.size(), "a quote box repeats: " + quotes);
        assertCitationsResolve(doc, "country/LB");
        // the law is listed with the citation of the fact that puts it on the page (its jurisdiction)
        Element law = doc.selectFirst(".country-laws a[href=/id/law/lb/2018/law-81]").closest("li.item");
        Element cite = law.selectFirst(".item-head sup.cite a");
        assertNotNull(cite, law.outerHtml());
        Element note = doc.getElementById(cite.attr("href").substring(1));
        assertTrue(note.text().contains("Lebanon has adopted the law no. 81"), note.outerHtml());
        // each claim of the matrix cites its source: the report's quote, the tracker as an external source
        assertFalse(doc.select(".status-matrix td sup.cite").isEmpty());
        assertTrue(doc.select("ol.notes li").eachText().stream().anyMatch(t -> t.contains("UNCTAD Global Cyberlaw Tracker")));
    }

    @Test
    void aLawPageMarksItsEditorialTitleAndCitesItsYear() {
        for (PageLanguage lang : PageLanguage.values()) {
            Document doc = page("law/lb/2018/law-81", lang);
            assertCitationsResolve(doc, "law/lb/2018/law-81");
            Element year = doc.select(".key-facts tr").stream().filter(tr -> tr.selectFirst("a[href$=yearAdopted]") != null)
                    .findFirst().orElseThrow(() -> new AssertionError(doc.select(".key-facts").outerHtml()));
            Element note = doc.getElementById(year.selectFirst("sup.cite a").attr("href").substring(1));
            assertTrue(note.selectFirst("blockquote").text().contains("law no. 81"), note.outerHtml());
            assertNotNull(note.selectFirst("a[href=/id/document/escwa-beirut-2018-report/p/21]"), note.outerHtml());
            String editorial = lang == PageLanguage.EN ? "editorial (Sijill editors)" : "تحريري (محررو سجل)";
            assertTrue(doc.select("small.editorial").eachText().contains(editorial), doc.select("main").text());
            assertTrue(doc.select("ol.notes span.editorial").eachText().contains(editorial));
            List<String> quotes = doc.select("figure.evidence blockquote").eachText();
            assertEquals(new HashSet<>(quotes).size(), quotes.size(), "a quote box repeats: " + quotes);
        }
    }

    @Test
    void thePassagePageMarksTheQuotedSpanAndListsTheFactsItSupports() {
        Document doc = page("document/escwa-beirut-2018-report/p/21", PageLanguage.EN);
        List<String> marks = doc.select(".passage-body mark").eachText();
        assertTrue(marks.stream().anyMatch(m -> m.contains("Lebanon has adopted the law no. 81 for electronic transactions and personal data")), marks.toString());
        String body = doc.selectFirst(".passage-body").text();
        assertTrue(body.length() > String.join("", marks).length(), "only the quoted spans are marked");
        Element facts = doc.selectFirst("table.supported-facts");
        assertNotNull(facts);
        assertTrue(facts.select("tr").stream().anyMatch(tr -> tr.selectFirst("a[href=/id/law/lb/2018/law-81]") != null
                && tr.text().contains("2018")), facts.outerHtml());
        assertNotNull(doc.selectFirst(".passage-document a[href=/id/document/escwa-beirut-2018-report]"));
        assertNull(doc.selectFirst(".passage-document a.external"), "the register gives the report no address, so none is linked");
    }

    @Test
    void thePassageViewLinksTheDocumentsAddressWhenTheRegisterHasOne() {
        Model m = ModelFactory.createDefaultModel();
        Resource doc = m.createResource(SIJILL.ID + "document/d");
        Resource p = m.createResource(SIJILL.ID + "document/d/p/1");
        p.addProperty(RDF.type, SIJILL.Passage).addProperty(DCTerms.isPartOf, doc)
                .addProperty(RDF.value, m.createLiteral("The ministry adopted the strategy in 2020.", "en"));
        doc.addProperty(m.createProperty("http://schema.org/url"), m.createResource("https://example.org/d.pdf"));
        Resource e = m.createResource().addProperty(m.createProperty("http://www.w3.org/ns/prov#wasQuotedFrom"), p)
                .addProperty(m.createProperty("http://www.w3.org/ns/prov#value"), "adopted  the strategy");
        PassageView v = PassageView.build(new ValueRenderer(m, TermLabels.of(ModelFactory.createDefaultModel()), PageLanguage.EN), p.getURI());
        assertEquals("https://example.org/d.pdf", v.address().iri());
        assertTrue(v.address().external());
        assertEquals(List.of(new QuoteHighlighter.Segment("The ministry ", false), new QuoteHighlighter.Segment("adopted the strategy", true),
                new QuoteHighlighter.Segment(" in 2020.", false)), v.text());
        assertNotNull(e);
    }

    @Test
    void noQuoteBoxRepeatsOnAnyPageOfTheStore() {
        List<String> paths = new ArrayList<>();
        Txn.executeRead(store, () -> {
            Set<String> seen = new TreeSet<>();
            store.stream(Node.ANY, Node.ANY, org.apache.jena.graph.NodeFactory.createURI(RDF.type.getURI()), Node.ANY)
                    .filter(q -> !q.getGraph().getURI().endsWith("/ontology") && q.getSubject().isURI()
                            && q.getSubject().getURI().startsWith(SIJILL.ID))
                    .forEach(q -> seen.add(q.getSubject().getURI().substring(SIJILL.ID.length())));
            paths.addAll(seen);
        });
        assertTrue(paths.size() > 300, "pages found: " + paths.size());
        // two workers: the machine is shared
        long withNotes = paths.parallelStream().filter(path -> {
            Document doc = page(path, PageLanguage.EN);
            List<String> quotes = doc.select("figure.evidence blockquote").eachText();
            assertEquals(new HashSet<>(quotes).size(), quotes.size(), path + ": a quote box repeats: " + quotes);
            return !doc.select("ol.notes").isEmpty();
        }).count();
        assertTrue(withNotes > 300, "pages with notes: " + withNotes);
    }
}
