package org.w3id.sijill.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The build's shortcuts give what the slower way gave: the subclass closure computed from the
 * streamed quads equals the closure computed on the loaded store, and SHACL's in-memory copy of
 * the union graph holds the same triples as the store's union graph (none beyond its limit), and its size is
 * the count of distinct triples the report gives. (What SHACL validation reads beyond the limit is
 * tested by {@link SubjectCachingGraphTest}.)
 */
class BuildSpeedupsTest {
    private static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    private static final Node LAW = NodeFactory.createURI(SIJILL.NS + "Law");
    private static final Node LEGAL_INSTRUMENT = NodeFactory.createURI(SIJILL.NS + "LegalInstrument");

    private static List<Quad> sample(Node ontologyGraph) {
        Node g1 = NodeFactory.createURI(SIJILL.GRAPH + "one"), g2 = NodeFactory.createURI(SIJILL.GRAPH + "two");
        Node a = NodeFactory.createURI(SIJILL.ID + "law/lb/2018/a"), b = NodeFactory.createURI(SIJILL.ID + "law/lb/2018/b");
        List<Quad> quads = new ArrayList<>();
        quads.add(Quad.create(g1, a, TYPE, LAW));                 // closed in g1
        quads.add(Quad.create(g2, a, TYPE, LAW));                 // and again in g2
        quads.add(Quad.create(g1, b, TYPE, LAW));
        quads.add(Quad.create(g1, b, TYPE, LEGAL_INSTRUMENT));    // a superclass already stated: not added again
        quads.add(Quad.create(g1, a, TYPE, LAW));                 // a duplicate in the stream
        quads.add(Quad.create(ontologyGraph, b, TYPE, LAW));      // the ontology graph is not closed
        quads.add(Quad.create(Quad.defaultGraphIRI, b, TYPE, LAW)); // nor the default graph
        return quads;
    }

    @Test
    void closureFromTheStreamEqualsClosureOfTheStore() {
        Graph onto = new OntologyFiles(TestPaths.projectHome().resolve("ontology")).ontologyAndSchemes();
        SubclassClosure closure = SubclassClosure.of(onto);
        assertTrue(closure.superclassesOf(LAW).contains(LEGAL_INSTRUMENT), "the ontology makes a law a legal instrument");
        Node ontologyGraph = NodeFactory.createURI(StoreBuilder.ONTOLOGY_GRAPH);
        List<Quad> quads = sample(ontologyGraph);

        DatasetGraph store = DatasetGraphFactory.createTxnMem();
        quads.forEach(store::add);
        Set<Quad> fromStore = new HashSet<>();
        long storeAdded = closure.apply(store, ontologyGraph, fromStore::add);

        SubclassClosure.Collector c = closure.collector(ontologyGraph);
        quads.forEach(c::accept);
        Set<Quad> fromStream = new HashSet<>();
        long streamAdded = c.apply(q -> assertTrue(fromStream.add(q), "each inferred quad once: " + q));

        assertTrue(storeAdded > 0, "the sample has types to close");
        assertEquals(storeAdded, streamAdded);
        assertEquals(fromStore, fromStream);
        assertFalse(fromStream.stream().anyMatch(q -> q.getGraph().equals(ontologyGraph) || q.isDefaultGraph()));
    }

    @Test
    void validationCopyHoldsTheUnionOfTheNamedGraphs() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Node ontologyGraph = NodeFactory.createURI(StoreBuilder.ONTOLOGY_GRAPH);
        Txn.executeWrite(dsg, () -> sample(ontologyGraph).forEach(dsg::add));
        Txn.executeRead(dsg, () -> {
            Graph union = dsg.getUnionGraph();
            Graph copy = StoreBuilder.unionForValidation(dsg, 1000);
            assertNotSame(union, copy);
            Set<Object> expected = new HashSet<>(union.find().toList());
            assertEquals(3, expected.size(), "named graphs' distinct triples, default graph left out");
            assertEquals(expected, new HashSet<>(copy.find().toList()));
            try (QueryExec qe = QueryExec.dataset(dsg).query("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }").build()) {
                assertEquals(((Number) qe.select().next().get("n").getLiteralValue()).longValue(), copy.size(), "the report's triple count");
            }
            assertNull(StoreBuilder.unionForValidation(dsg, 2), "beyond the limit: no copy (the store is validated through SubjectCachingGraph)");
        });
    }
}
