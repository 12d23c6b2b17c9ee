package org.w3id.sijill.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VoID statistics counted on TDB2 node ids, with only the nodes the description names decoded,
 * are the statistics computed before by decoding every node ({@link FormerStatistics}), on TDB2
 * stores on disk: edge cases (a triple in two graphs, a subject in two graphs, blank nodes,
 * literals with language tags and datatypes, inline numbers and dates, links to targets and not,
 * a default graph), the dump fixtures, and a store of random quads over such nodes.
 */
class StatisticsOnNodeIdsTest {

    @Test
    void theEdgeCasesGiveTheFormerStatistics(@TempDir Path dir) throws Exception {
        DatasetGraph store = DumpFixture.store(dir, "/dump/statistics-edge-cases.trig");
        try {
            Graph now = sameAsBefore(store);
            // the edge cases are there: the figures the file was written for
            assertEquals("41", figure(now, "triples"), () -> "38 distinct in the named graphs and 3 only in the default graph:\n" + turtle(now));
            assertEquals("4", figure(now, "entities"), "law/one, org/two, three, four");
            assertEquals("6", figure(now, "classes"), "Law, Regulator, Concept, ConceptScheme, Country, ex:Thing; not a blank node, a literal or a number");
        } finally {
            TDBInternal.expel(store);
        }
    }

    @Test
    void theDumpFixturesGiveTheFormerStatistics(@TempDir Path dir) throws Exception {
        DatasetGraph store = DumpFixture.store(dir, "/dump/hard-cases.trig", "/dump/sample.trig");
        try {
            sameAsBefore(store);
        } finally {
            TDBInternal.expel(store);
        }
    }

    @Test
    void randomQuadsGiveTheFormerStatistics(@TempDir Path dir) {
        DatasetGraph store = DatabaseMgr.connectDatasetGraph(dir.toString());
        Random random = new Random(13);
        List<Node> subjects = new ArrayList<>();
        for (int i = 0; i < 40; i++) subjects.add(NodeFactory.createURI(DatasetDescription.URI_SPACE + "law/" + i));
        for (int i = 0; i < 10; i++) subjects.add(NodeFactory.createURI("http://example.org/s" + i));
        for (int i = 0; i < 10; i++) subjects.add(NodeFactory.createBlankNode("b" + i));
        List<Node> predicates = List.of(RDF.Nodes.type, OWL.sameAs.asNode(), SKOS.closeMatch.asNode(), RDFS.label.asNode(),
                NodeFactory.createURI("https://w3id.org/sijill/ontology#ordinal"), NodeFactory.createURI("http://example.org/p"));
        List<Node> objects = new ArrayList<>(subjects);
        for (int i = 0; i < 60; i++) objects.add(NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDinteger));
        for (int i = 0; i < 10; i++) objects.add(NodeFactory.createLiteralDT("2020-01-" + (10 + i), XSDDatatype.XSDdate));
        for (int i = 0; i < 10; i++) objects.add(NodeFactory.createLiteralLang("label " + i, i % 2 == 0 ? "en" : "ar"));
        for (int i = 0; i < 10; i++) objects.add(NodeFactory.createURI("http://www.wikidata.org/entity/Q" + i));
        for (int i = 0; i < 10; i++) objects.add(NodeFactory.createURI("http://sws.geonames.org/" + i + "/"));
        for (int i = 0; i < 10; i++) objects.add(NodeFactory.createURI("https://w3id.org/sijill/ontology#C" + i));
        List<Node> graphs = List.of(Quad.defaultGraphIRI, NodeFactory.createURI("urn:x-test:g1"), NodeFactory.createURI("urn:x-test:g2"),
                NodeFactory.createURI("urn:x-test:g3"));
        Txn.executeWrite(store, () -> {
            for (int i = 0; i < 4000; i++) {
                Node g = graphs.get(random.nextInt(graphs.size()));
                // fewer in the default graph
                if (g.equals(Quad.defaultGraphIRI) && random.nextInt(10) > 0) g = graphs.get(1);
                store.add(g, subjects.get(random.nextInt(subjects.size())), predicates.get(random.nextInt(predicates.size())),
                        objects.get(random.nextInt(objects.size())));
            }
        });
        try {
            Graph now = sameAsBefore(store);
            assertTrue(Long.parseLong(figure(now, "triples")) > 1000, () -> turtle(now));
        } finally {
            TDBInternal.expel(store);
        }
    }

    /** @return the statistics now, after asserting they are those before, also through a wrapper and in memory */
    private static Graph sameAsBefore(DatasetGraph store) {
        return Txn.calculateRead(store, () -> {
            assertTrue(store.find().hasNext(), "an empty store");
            Graph before = FormerStatistics.statistics(store);
            Graph now = DatasetDescription.statistics(store);
            assertTrue(now.isIsomorphicWith(before), () -> "now:\n" + turtle(now) + "\nbefore:\n" + turtle(before));
            Graph wrapped = DatasetDescription.statistics(new DatasetGraphWrapper(store));
            assertTrue(wrapped.isIsomorphicWith(before), () -> "through a wrapper:\n" + turtle(wrapped));
            DatasetGraph copy = DatasetGraphFactory.createTxnMem();
            store.find().forEachRemaining(copy::add);
            Graph inMemory = Txn.calculateRead(copy, () -> DatasetDescription.statistics(copy));
            assertTrue(inMemory.isIsomorphicWith(before), () -> "in memory:\n" + turtle(inMemory) + "\nbefore:\n" + turtle(before));
            return now;
        });
    }

    private static String figure(Graph g, String property) {
        List<String> values = g.find(NodeFactory.createURI(DatasetDescription.DATASET), NodeFactory.createURI(DatasetDescription.VOID + property), Node.ANY)
                .toList().stream().map(t -> t.getObject().getLiteralLexicalForm()).toList();
        assertEquals(1, values.size(), property);
        return values.get(0);
    }

    private static String turtle(Graph g) {
        StringWriter w = new StringWriter();
        RDFDataMgr.write(w, g, RDFFormat.TURTLE_PRETTY);
        return w.toString();
    }
}
