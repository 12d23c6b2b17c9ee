package org.w3id.sijill.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.SijillException;

/**
 * Runs every loader case folder of {@code src/test/resources/cases/}: {@code input/} is a small
 * sources tree, built with the test ontology of {@code cases/_ontology/} (or the case's own
 * {@code ontology/}). A positive case's {@code expected.trig} names graphs that must be
 * isomorphic to the built ones; a negative case's {@code expected-error.txt} holds a substring of
 * the error, and the build must leave no store and no temporary folder behind. An expected graph
 * that holds no {@code rdf:Statement} is compared with the built graph's data view (the graph
 * without its reified statements: {@link #withoutStatements}); one that holds statements (e.g.
 * {@code statement-provenance}, {@code provenance-evidence}) is compared with the whole graph.
 */
class LoaderCasesTest {

    static final Path CASES = Path.of("src/test/resources/cases");

    static final List<String> REQUIRED_NEGATIVE = List.of("unknown-column", "missing-required-field", "unknown-country-code",
            "unknown-topic", "unknown-status", "malformed-year", "malformed-date", "evidence-not-found", "passage-not-found",
            "undeclared-slug", "duplicate-slug", "non-utf8", "unbalanced-quotes", "empty-table",
            "document-symlink-outside", "mapping-service", "mapping-load", "nul-in-cell", "metadata-without-csv", "literal-as-type",
            "literal-as-subject", "metadata-json-syntax", "csv-text-after-quote", "label-not-in-document",
            "display-name-without-editors");
    static final List<String> REQUIRED_POSITIVE = List.of("list-columns", "value-url", "scheme-values", "date-precision",
            "provenance-evidence", "gazetteer-mentions", "subclass-closure", "statement-provenance");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(CASES)) {
            dirs = s.filter(p -> Files.isDirectory(p.resolve("input"))).sorted().toList();
        }
        List<String> positive = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        for (Path d : dirs) {
            if (Files.exists(d.resolve("expected-error.txt"))) negative.add(d.getFileName().toString());
            else if (Files.exists(d.resolve("expected.trig")) || Files.exists(d.resolve("expected.ttl"))) positive.add(d.getFileName().toString());
            else fail("case " + d + " has neither expected.trig/expected.ttl nor expected-error.txt");
        }
        assertFalse(positive.isEmpty(), "no positive case found");
        assertFalse(negative.isEmpty(), "no negative case found");
        assertTrue(negative.containsAll(REQUIRED_NEGATIVE), "missing negative cases: " + REQUIRED_NEGATIVE.stream().filter(c -> !negative.contains(c)).toList());
        assertTrue(positive.containsAll(REQUIRED_POSITIVE), "missing positive cases: " + REQUIRED_POSITIVE.stream().filter(c -> !positive.contains(c)).toList());
        return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> run(d)));
    }

    static OntologyFiles ontologyFor(Path caseDir) {
        Path own = caseDir.resolve("ontology");
        return new OntologyFiles(Files.isDirectory(own) ? own : CASES.resolve("_ontology"));
    }

    private void run(Path caseDir) throws IOException {
        Path store = tmp.resolve(caseDir.getFileName().toString()).resolve("store");
        StoreBuilder builder = new StoreBuilder(ontologyFor(caseDir));
        Path errorFile = caseDir.resolve("expected-error.txt");
        if (Files.exists(errorFile)) {
            String expected = Files.readString(errorFile, StandardCharsets.UTF_8).strip();
            assertFalse(expected.isEmpty(), "empty " + errorFile);
            SijillException e = assertThrows(SijillException.class,
                    () -> builder.build(caseDir.resolve("input"), store, ProgressListener.NONE));
            assertTrue(e.getMessage().contains(expected), "error message\n  " + e.getMessage() + "\ndoes not contain\n  " + expected);
            // plain words for the maintainer: no library class names in the message
            assertFalse(e.getMessage().matches("(?s).*\\b\\w*(Exception|Error)\\b.*"), "a class name in: " + e.getMessage());
            assertFalse(Files.exists(store), "a failed build left a store at " + store);
            if (Files.exists(store.getParent())) {
                try (Stream<Path> s = Files.list(store.getParent())) {
                    assertEquals(List.of(), s.toList(), "a failed build left files next to the store");
                }
            }
            return;
        }
        BuildReport report = builder.build(caseDir.resolve("input"), store, new ConsoleProgress(System.out, false));
        assertTrue(report.quads() > 0);
        assertTrue(Files.isRegularFile(store.resolve(StoreBuilder.RELEASE_FILE)));
        Path expectedFile = Files.exists(caseDir.resolve("expected.trig")) ? caseDir.resolve("expected.trig") : caseDir.resolve("expected.ttl");
        Dataset expected = DatasetFactory.create();
        RDFParser.source(expectedFile).lang(Lang.TRIG).parse(expected);
        List<Node> graphs = new ArrayList<>();
        expected.asDatasetGraph().listGraphNodes().forEachRemaining(graphs::add);
        DatasetGraph actual = DatabaseMgr.connectDatasetGraph(store.toString());
        try {
            if (graphs.isEmpty()) {
                StringBuilder all = new StringBuilder();
                Txn.executeRead(actual, () -> actual.listGraphNodes().forEachRemaining(g -> {
                    if (!g.getURI().equals(StoreBuilder.ONTOLOGY_GRAPH)) all.append(trig(g, actual.getGraph(g)));
                }));
                fail(expectedFile + " names no graph; the build gave:\n" + all);
            }
            Txn.executeRead(actual, () -> {
                for (Node g : graphs) {
                    Graph e = expected.asDatasetGraph().getGraph(g);
                    Graph a = hasStatements(e) ? actual.getGraph(g) : withoutStatements(actual.getGraph(g));
                    if (!a.isIsomorphicWith(e)) {
                        fail("graph <" + g.getURI() + "> of case " + caseDir.getFileName() + " differs from " + expectedFile
                                + "\n--- actual:\n" + trig(g, a));
                    }
                }
            });
        } finally {
            TDBInternal.expel(actual);
        }
        assertNotNull(report.release());
    }

    private static final Node RDF_TYPE = org.apache.jena.graph.NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    private static final Node RDF_STATEMENT = org.apache.jena.graph.NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement");

    static boolean hasStatements(Graph g) {
        return g.contains(Node.ANY, RDF_TYPE, RDF_STATEMENT);
    }

    /** @return a copy of {@code g} without the triples of its reified statements */
    static Graph withoutStatements(Graph g) {
        Graph out = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
        java.util.Set<Node> statements = new java.util.HashSet<>();
        g.find(Node.ANY, RDF_TYPE, RDF_STATEMENT).forEach(t -> statements.add(t.getSubject()));
        g.find().forEach(t -> { if (!statements.contains(t.getSubject())) out.add(t); });
        return out;
    }

    static String trig(Node g, Graph graph) {
        DatasetGraph d = DatasetFactory.createTxnMem().asDatasetGraph();
        graph.find().forEach(t -> d.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        d.prefixes().add("sijill", "https://w3id.org/sijill/ontology#");
        d.prefixes().add("id", "https://w3id.org/sijill/id/");
        d.prefixes().add("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        d.prefixes().add("prov", "http://www.w3.org/ns/prov#");
        d.prefixes().add("dcterms", "http://purl.org/dc/terms/");
        d.prefixes().add("skos", "http://www.w3.org/2004/02/skos/core#");
        d.prefixes().add("xsd", "http://www.w3.org/2001/XMLSchema#");
        d.prefixes().add("owl", "http://www.w3.org/2002/07/owl#");
        d.prefixes().add("org", "http://www.w3.org/ns/org#");
        d.prefixes().add("foaf", "http://xmlns.com/foaf/0.1/");
        d.prefixes().add("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, d, RDFFormat.TRIG_PRETTY);
        return out.toString(StandardCharsets.UTF_8);
    }
}
