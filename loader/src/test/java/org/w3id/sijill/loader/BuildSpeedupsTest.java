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
 * streamed quads equals the closure computed on the loaded store. (What SHACL validation reads
 * the store through is tested by {@link SubjectCachingGraphTest}.)
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
}
