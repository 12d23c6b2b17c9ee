package org.w3id.sijill.server.observatory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The observatory's snapshot read by scanning the store's indexes ({@link SnapshotLoader},
 * {@link UnionScan}) is the snapshot the SELECT queries over the union graph read
 * ({@link SparqlSnapshotLoader}): the same claims, instruments, quotes and sources in the same
 * order, in a TDB2 store on disk and in an in-memory dataset, on the test fixtures and on a store of
 * edge cases (a claim in two graphs, split over two graphs or with two values of a property; a claim
 * without quote, date or topic notation; cited instruments with and without ordinal; instruments of
 * two classes, with several labels, years and topics).
 */
class SnapshotLoaderTest {
    static final String EDGE_CASES = "observatory/snapshot-edge-cases.trig";
    static final String EX = "https://example.org/sijill-test/";

    @TempDir
    Path dir;

    static Stream<String> fixtures() {
        return Stream.of(EDGE_CASES, "fixture.trig", "pages/fixture.trig", "dumps/sample.trig");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void theIndexScansReadWhatTheUnionGraphQueriesRead(String fixture) {
        for (DatasetGraph ds : List.of(tdb2(fixture), memory(fixture))) {
            Snapshot expected = SparqlSnapshotLoader.load(ds);
            Snapshot actual = SnapshotLoader.load(ds);
            assertEquals(expected.claims(), actual.claims(), fixture + " claims");
            assertEquals(expected.instruments(), actual.instruments(), fixture + " instruments");
            assertEquals(expected.sources(), actual.sources(), fixture + " sources");
            assertEquals(expected, actual, fixture);
            assertFalse(actual.sources().isEmpty() && actual.topics().isEmpty(), fixture + " has nothing the snapshot reads");
        }
    }

    @Test
    void theEdgeCasesAreInTheSnapshot() {
        Snapshot s = SnapshotLoader.load(tdb2(EDGE_CASES));
        assertEquals(List.of("XA", "XB"), s.states().stream().map(Snapshot.State::iso2).toList());
        // c2: two statuses × two sources; c8: a date in each of two graphs; c1 once although in two graphs
        assertEquals(List.of("c2", "c2", "c2", "c2", "c1", "c7", "c8", "c8", "c3"),
                s.claims().stream().map(c -> c.iri().substring(EX.length())).toList());
        Snapshot.Claim c1 = s.index().claim(EX + "c1").orElseThrow();
        assertEquals(List.of("Law one", "Law No. 5 of 2019", "Annex", "Decree 7/2018"),
                c1.instruments().stream().map(i -> i.title().en()).toList(), "named, then cited: no ordinal first");
        assertEquals(List.of("2019", "2019", "", "2018"), c1.instruments().stream().map(Snapshot.Instrument::year).toList(), "years");
        assertEquals(2, c1.quotes().size());
        assertTrue(s.index().claim(EX + "c3").orElseThrow().quotes().isEmpty());
        Snapshot.Claim c3 = s.index().claim(EX + "c3").orElseThrow();
        assertEquals(List.of("none", "2021-03-04", EX + "source-b"), List.of(c3.status(), c3.asOf(), c3.source()), "split over two graphs");
        assertEquals(List.of("source-a", "source-b", "source-c", "source-d"), s.sources().stream().map(Snapshot.Source::key).toList(),
                "the sources of every claim, in or out of the snapshot");
        assertEquals(List.of("law2", "law1", "law4"), s.instruments().stream().map(i -> i.iri().substring(EX.length())).toList());
        assertEquals(List.of("t-one", "t-two"), s.instruments().get(1).topics());
    }

    @Test
    void nodesAcrossTheBlocksOfTheNodeFileAreReadWhole() {
        // the edge cases, and a League state with enough claims and labelled instruments that the
        // store's node file spans many of the blocks the scan reads it by
        DatasetGraph ds = tdb2(EDGE_CASES);
        org.apache.jena.graph.Node g = org.apache.jena.graph.NodeFactory.createURI(EX + "graph-many");
        String sijill = "https://w3id.org/sijill/ontology#";
        java.util.function.Function<String, org.apache.jena.graph.Node> uri = org.apache.jena.graph.NodeFactory::createURI;
        Txn.executeWrite(ds, () -> {
            for (int i = 0; i < 3000; i++) {
                org.apache.jena.graph.Node claim = uri.apply(EX + "many/claim/" + i);
                org.apache.jena.graph.Node law = uri.apply(EX + "many/law/" + i);
                ds.add(g, claim, org.apache.jena.vocabulary.RDF.type.asNode(), uri.apply(sijill + "LegalStatus"));
                ds.add(g, claim, uri.apply(sijill + "jurisdiction"), uri.apply(EX + "XB"));
                ds.add(g, claim, uri.apply(sijill + "topic"), uri.apply(EX + (i % 2 == 0 ? "t1" : "t2")));
                ds.add(g, claim, uri.apply(sijill + "status"), uri.apply("https://w3id.org/sijill/id/concept/legal-status/draft"));
                ds.add(g, claim, uri.apply(sijill + "asOf"), org.apache.jena.graph.NodeFactory.createLiteralDT(
                        String.format("20%02d-01-%02d", i % 30, 1 + i % 28), org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate));
                ds.add(g, claim, uri.apply("http://www.w3.org/ns/prov#wasDerivedFrom"), uri.apply(EX + "source-b"));
                ds.add(g, claim, uri.apply(sijill + "instrument"), law);
                ds.add(g, law, org.apache.jena.vocabulary.RDF.type.asNode(), uri.apply(sijill + "Law"));
                ds.add(g, law, uri.apply(sijill + "jurisdiction"), uri.apply(EX + "XB"));
                ds.add(g, law, org.apache.jena.vocabulary.RDFS.label.asNode(), org.apache.jena.graph.NodeFactory.createLiteralLang(
                        "Instrument " + i + " " + "ء".repeat(i % 200), "ar"));
            }
        });
        Snapshot actual = SnapshotLoader.load(ds);
        assertEquals(3009, actual.claims().size());
        assertEquals(SparqlSnapshotLoader.load(ds), actual);
    }

    private DatasetGraph tdb2(String fixture) {
        DatasetGraph ds = TDB2Factory.connectDataset(dir.resolve(fixture.replace('/', '-')).toString()).asDatasetGraph();
        Txn.executeWrite(ds, () -> {
            if (ds.isEmpty()) parse(fixture, ds);
        });
        return ds;
    }

    private static DatasetGraph memory(String fixture) {
        DatasetGraph ds = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(ds, () -> parse(fixture, ds));
        return ds;
    }

    /** Reads a TriG test resource into {@code ds} (the caller holds a write transaction). */
    static void parse(String fixture, DatasetGraph ds) {
        try (InputStream in = SnapshotLoaderTest.class.getClassLoader().getResourceAsStream(fixture)) {
            if (in == null) throw new IllegalStateException("no test resource " + fixture);
            RDFParser.source(in).lang(Lang.TRIG).parse(ds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
