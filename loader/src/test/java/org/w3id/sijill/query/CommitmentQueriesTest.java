package org.w3id.sijill.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.loader.RealStore;

/**
 * The named queries of the treaty, GCI and national-strategy dimensions (CQ12–CQ14) on the store
 * built from the project's own {@code sources/}: answers checked against the restated material.
 */
class CommitmentQueriesTest {
    private static final String ID = "https://w3id.org/sijill/id/";
    private static final String ARAB_CONVENTION = ID + "treaty/arab-convention-combating-it-offences";

    private static DatasetGraph store;
    private static NamedQueryCatalog catalog;

    @BeforeAll
    static void open() {
        store = DatabaseMgr.connectDatasetGraph(RealStore.get().store().toString());
        catalog = NamedQueryCatalog.load(ProjectPaths.locate().queries());
    }

    @AfterAll
    static void close() {
        if (store != null) TDBInternal.expel(store);
    }

    private static List<Map<String, String>> run(String name, Map<String, List<String>> params) {
        Query q = catalog.get(name).bind(params);
        List<Map<String, String>> rows = new ArrayList<>();
        Txn.executeRead(store, () -> {
            try (QueryExec exec = QueryExec.dataset(store).query(q).set(TDB2.symUnionDefaultGraph, true).build()) {
                RowSet rs = exec.select();
                while (rs.hasNext()) {
                    Binding b = rs.next();
                    Map<String, String> row = new HashMap<>();
                    b.vars().forEachRemaining(v -> {
                        var n = b.get(v);
                        row.put(v.getVarName(), n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
                        if (n.isLiteral()) row.put(v.getVarName() + "@type", n.getLiteralDatatypeURI());
                    });
                    rows.add(row);
                }
            }
        });
        return rows;
    }

    private static Set<String> column(List<Map<String, String>> rows, String var) {
        return rows.stream().map(r -> r.get(var)).filter(v -> v != null).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> countries(String... iso2) {
        return java.util.Arrays.stream(iso2).map(c -> ID + "country/" + c).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void cq12ArabConventionRatificationsPerSourceWithQuotes() {
        List<Map<String, String>> rows = run("cq12-treaty-participation", Map.of("treaty", List.of(ARAB_CONVENTION),
                "act", List.of(ID + "concept/treaty-act/ratification")));
        assertFalse(rows.isEmpty(), "the example question has answers");
        Map<String, List<Map<String, String>>> bySource = rows.stream().collect(Collectors.groupingBy(r -> r.get("source")));
        assertEquals(countries("AE", "JO", "DZ", "SD", "IQ", "OM", "PS", "QA", "KW", "EG"),
                column(bySource.get(ID + "document/treaty-arab-convention-alwatan-bh-588024"), "country"),
                "the ten ratifying states of Bahrain's Foreign Ministry statement (House committee)");
        assertEquals(countries("AE", "JO", "DZ", "SD", "IQ", "OM", "PS", "QA", "KW"),
                column(bySource.get(ID + "document/treaty-arab-convention-alwatan-bh-590504"), "country"),
                "the Shura report is cut before Egypt: Egypt is not recorded from it");
        assertEquals(countries("JO", "AE", "SD", "IQ", "PS", "QA", "KW", "OM"),
                column(bySource.get(ID + "document/treaty-arab-convention-riyadh-om-2015"), "country"));
        assertFalse(column(rows, "country").contains(ID + "country/BH"),
                "no source states Bahrain's ratification (it was before parliament), so there is no claim");
        for (Map<String, String> r : rows) {
            assertTrue(r.get("quote") != null && !r.get("quote").isBlank() && r.get("passage") != null, "each claim has its quote: " + r);
            assertEquals(null, r.get("date"), "no excerpt on the Arab Convention dates a ratification: " + r);
        }
    }

    @Test
    void cq12MoroccoBudapestAccessionAndEntryIntoForceWithDates() {
        List<Map<String, String>> rows = run("cq12-treaty-participation", Map.of("treaty", List.of(ID + "treaty/budapest-convention"),
                "country", List.of(ID + "country/MA")));
        Map<String, String> accession = rows.stream().filter(r -> "accession".equals(r.get("actNotation"))
                && (ID + "document/treaty-budapest-morocco-legilux-2018").equals(r.get("source"))).findFirst()
                .orElseThrow(() -> new AssertionError("no accession from the Official Journal in " + rows));
        assertEquals("2018-06-29", accession.get("date"));
        assertEquals("http://www.w3.org/2001/XMLSchema#date", accession.get("date@type"));
        assertTrue(accession.get("quote").contains("le Maroc a adhéré"), accession.toString());
        assertTrue(rows.stream().anyMatch(r -> "entry-into-force".equals(r.get("actNotation")) && "2018-10-01".equals(r.get("date"))), rows.toString());
        List<Map<String, String>> tunisia = run("cq12-treaty-participation", Map.of("treaty", List.of(ID + "treaty/budapest-convention"),
                "country", List.of(ID + "country/TN")));
        assertEquals(Set.of("2018-02-07"), column(tunisia.stream().filter(r -> "invitation".equals(r.get("actNotation"))).toList(), "date"));
        assertFalse(column(tunisia, "actNotation").contains("entry-into-force"), "no source gives Tunisia's entry into force");
    }

    @Test
    void cq12UnConventionSignaturesAndMalaboRatification() {
        List<Map<String, String>> un = run("cq12-treaty-participation", Map.of("treaty", List.of(ID + "treaty/un-convention-against-cybercrime")));
        assertEquals(countries("DZ", "DJ", "EG", "LY", "MA", "PS", "QA", "SA"), column(un, "country"));
        assertEquals(Set.of("signature"), column(un, "actNotation"));
        assertTrue(un.stream().anyMatch(r -> (ID + "country/SA").equals(r.get("country")) && "2025-10-26".equals(r.get("date"))), un.toString());
        List<Map<String, String>> malabo = run("cq12-treaty-participation", Map.of("treaty", List.of(ID + "treaty/malabo-convention")));
        assertEquals(countries("MR"), column(malabo, "country"), "only Mauritania's ratification is stated; Egypt, Algeria, Morocco are not recorded as non-parties");
        assertEquals(Set.of("2023-05-09"), column(malabo, "date"));
    }

    @Test
    void cq13MoroccoAcrossFiveEditionsWithScaleAndPublisher() {
        List<Map<String, String>> rows = run("cq13-index-scores", Map.of("country", List.of(ID + "country/MA")));
        assertEquals(Set.of("2014", "2017", "2018", "2020", "2024"), column(rows, "edition"));
        Map<String, String> e2020 = rows.stream().filter(r -> "2020".equals(r.get("edition"))).findFirst().orElseThrow();
        assertEquals(0, new java.math.BigDecimal("82.41").compareTo(new java.math.BigDecimal(e2020.get("score"))), e2020.toString());
        assertEquals("zero-to-hundred", e2020.get("scale"));
        Map<String, String> e2014 = rows.stream().filter(r -> "2014".equals(r.get("edition"))).findFirst().orElseThrow();
        assertEquals(0, new java.math.BigDecimal("0.559").compareTo(new java.math.BigDecimal(e2014.get("score"))), e2014.toString());
        assertEquals("zero-to-one", e2014.get("scale"));
        assertEquals(Set.of(ID + "org/itu"), column(rows, "publisher"));
        assertEquals(Set.of(ID + "source/sspi-gci-transcription"), column(rows, "source"));
        List<Map<String, String>> all = run("cq13-index-scores", Map.of());
        assertEquals(22, column(all, "country").size(), "every Arab League state has scores");
        assertEquals(110, all.size(), "22 states x 5 editions");
    }

    @Test
    void cq14FirstStrategiesWithTheDatasetsCaveats() {
        List<Map<String, String>> rows = run("cq14-first-strategy", Map.of());
        assertEquals(21, column(rows, "country").size(), "21 of the 22 states have a row in the dataset");
        assertFalse(column(rows, "country").contains(ID + "country/PS"), "no row for Palestine: no claim, not 'no strategy'");
        Map<String, String> iraq = rows.stream().filter(r -> (ID + "country/IQ").equals(r.get("country"))).findFirst().orElseThrow();
        assertEquals("2016-12-06", iraq.get("firstDate"));
        assertEquals("0", iraq.get("strategyCount"));
        assertTrue(iraq.get("notes").contains("count of 0"), "the count-0 caveat is kept: " + iraq);
        assertFalse(iraq.get("notes").matches("(?s).*\\p{IsArabic}.*"), "the English notes, not both languages run together: " + iraq);
        Map<String, String> uae = rows.stream().filter(r -> (ID + "country/AE").equals(r.get("country"))).findFirst().orElseThrow();
        assertEquals("2019-06", uae.get("firstDate"));
        assertEquals("http://www.w3.org/2001/XMLSchema#gYearMonth", uae.get("firstDate@type"));
        Map<String, String> oman = rows.stream().filter(r -> (ID + "country/OM").equals(r.get("country"))).findFirst().orElseThrow();
        assertEquals("false", oman.get("hasStrategy"));
        assertEquals(null, oman.get("firstDate"));
        List<Map<String, String>> morocco = run("cq14-first-strategy", Map.of("country", List.of(ID + "country/MA")));
        assertEquals(1, morocco.size(), morocco.toString());
        assertEquals("2012-12-05", morocco.get(0).get("firstDate"));
        assertEquals(ID + "source/kostyuk-ncs-data-v1", morocco.get(0).get("source"));
    }

    /**
     * The transcribed GCI 2020 scores agree with the figures a press summary of the ITU release
     * states (the Credit Libanais excerpt, registered as a document): each figure is in the stored
     * passage and equals the stored score.
     */
    @Test
    void gci2020ScoresAgreeWithThePressSummaryOfTheItuRelease() {
        String passage = Txn.calculateRead(store, () -> {
            try (QueryExec qe = QueryExec.dataset(store).query(org.apache.jena.query.QueryFactory.create(
                    "PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>"
                            + " SELECT ?t { ?p dcterms:isPartOf <" + ID + "document/gci-press-creditlibanais-210532> ; rdf:value ?t"
                            + " FILTER(CONTAINS(STR(?t), \"Saudi Arabia (score: 99.54)\")) }"))
                    .set(TDB2.symUnionDefaultGraph, true).build()) {
                RowSet rs = qe.select();
                return rs.hasNext() ? rs.next().get("t").getLiteralLexicalForm() : "";
            }
        });
        assertFalse(passage.isEmpty(), "the press summary's passage with the Arab 2020 figures is in the store");
        Map<String, String> stated = Map.of("SA", "Saudi Arabia (score: 99.54)", "AE", "UAE (score: 98.06", "OM", "Oman (score: 96.04",
                "EG", "Egypt (score: 95.48", "QA", "Qatar (score: 94.50", "LB", "with a score of 30.44");
        List<Map<String, String>> rows = run("cq13-index-scores", Map.of());
        stated.forEach((iso2, phrase) -> {
            assertTrue(passage.contains(phrase), "the press summary says '" + phrase + "'");
            String figure = phrase.replaceAll(".*?([0-9]+\\.[0-9]+)\\)?$", "$1");
            Map<String, String> row = rows.stream().filter(r -> (ID + "country/" + iso2).equals(r.get("country")) && "2020".equals(r.get("edition")))
                    .findFirst().orElseThrow(() -> new AssertionError("no 2020 score for " + iso2));
            assertEquals(0, new java.math.BigDecimal(figure).compareTo(new java.math.BigDecimal(row.get("score"))), iso2 + ": " + row);
        });
    }
}
