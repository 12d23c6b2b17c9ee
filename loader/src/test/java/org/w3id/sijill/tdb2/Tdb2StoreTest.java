package org.w3id.sijill.tdb2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The block reader of a TDB2 node file decodes every node as the store's node table does: in the
 * file's order and out of it, terms across the 64 kB blocks and a term larger than a block, inline
 * ids; and the subjects per object counted on ids are those of the quads.
 */
class Tdb2StoreTest {

    @Test
    void everyNodeIsDecodedAsTheNodeTableDecodesIt(@TempDir Path dir) throws Exception {
        DatasetGraph store = DatabaseMgr.connectDatasetGraph(dir.toString());
        Node g1 = NodeFactory.createURI("urn:x-test:g1");
        Node g2 = NodeFactory.createURI("urn:x-test:g2");
        Node label = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
        Node number = NodeFactory.createURI("urn:x-test:number");
        Txn.executeWrite(store, () -> {
            for (int i = 0; i < 3000; i++) {
                Node s = i % 10 == 0 ? NodeFactory.createBlankNode("b" + i) : NodeFactory.createURI("https://w3id.org/sijill/id/law/" + i);
                store.add(i % 3 == 0 ? g2 : g1, s, RDF.Nodes.type, NodeFactory.createURI("urn:x-test:C" + (i % 7)));
                store.add(g1, s, label, NodeFactory.createLiteralLang("Instrument " + i + " " + "ء".repeat(i % 300), i % 2 == 0 ? "ar" : "en"));
                store.add(g2, s, number, NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDinteger));
                store.add(g2, s, number, NodeFactory.createLiteralDT(i + ".5", XSDDatatype.XSDdecimal));
            }
            // one term larger than a block
            store.add(g1, NodeFactory.createURI("urn:x-test:long"), label, NodeFactory.createLiteralString("x".repeat(200_000)));
        });
        long nodeFile = Files.size(dir.resolve("Data-0001").resolve("nodes-data.obj"));
        assertTrue(nodeFile > 10 * 65536, "the node file spans many blocks: " + nodeFile + " bytes");
        try {
            Txn.executeRead(store, () -> {
                Tdb2Store tdb = Tdb2Store.within(new DatasetGraphWrapper(store));
                assertNotNull(tdb, "a TDB2 store under a wrapper");
                Set<NodeId> ids = new LinkedHashSet<>();
                Iterator<Tuple<NodeId>> it = tdb.index("SPOG");
                it.forEachRemaining(t -> t.forEach(ids::add));
                assertTrue(ids.size() > 9000, "nodes: " + ids.size());
                Map<NodeId, Node> expected = new HashMap<>();
                for (NodeId id : ids) expected.put(id, tdb.node(id));
                // one reader, in the order of the index (subjects ascending), then shuffled
                Tdb2Store.Reader reader = tdb.reader();
                List<NodeId> order = new ArrayList<>(ids);
                for (NodeId id : order) assertEquals(expected.get(id), reader.node(id), id::toString);
                Collections.shuffle(order, new Random(13));
                Tdb2Store.Reader again = tdb.reader();
                for (NodeId id : order) assertEquals(expected.get(id), again.node(id), id::toString);
                Map<NodeId, Node> decoded = new HashMap<>();
                tdb.decode(order, decoded::put);
                assertEquals(expected, decoded);

                Map<Node, Long> perClass = tdb.subjectsPerObject(RDF.Nodes.type);
                assertEquals(7, perClass.size());
                for (int c = 0; c < 7; c++) {
                    Node cls = NodeFactory.createURI("urn:x-test:C" + c);
                    long n = store.getUnionGraph().find(Node.ANY, RDF.Nodes.type, cls).toList().size();
                    assertEquals(n, perClass.get(cls), cls::toString);
                }
            });
        } finally {
            TDBInternal.expel(store);
        }
    }

    @Test
    void theUnionsTriplesAreCountedAsTheDistinctQueryCountsThem(@TempDir Path dir) {
        DatasetGraph store = DatabaseMgr.connectDatasetGraph(dir.toString());
        Node p = NodeFactory.createURI("urn:x-test:p");
        Random random = new Random(7);
        Txn.executeWrite(store, () -> {
            for (int i = 0; i < 4000; i++) {
                Node g = NodeFactory.createURI("urn:x-test:g" + random.nextInt(3));
                Node s = random.nextInt(5) == 0 ? NodeFactory.createBlankNode("b" + random.nextInt(50)) : NodeFactory.createURI("urn:x-test:s" + random.nextInt(300));
                Node o = switch (random.nextInt(3)) {
                    case 0 -> NodeFactory.createLiteralDT(Integer.toString(random.nextInt(40)), XSDDatatype.XSDinteger);
                    case 1 -> NodeFactory.createLiteralString("v" + random.nextInt(40));
                    default -> NodeFactory.createURI("urn:x-test:o" + random.nextInt(40));
                };
                store.add(g, s, random.nextBoolean() ? p : RDF.Nodes.type, o);
            }
            // the same triple in three graphs; a default-graph triple, which is not in the union of the named graphs
            for (int g = 0; g < 3; g++) store.add(NodeFactory.createURI("urn:x-test:g" + g), p, p, p);
            store.getDefaultGraph().add(p, p, NodeFactory.createURI("urn:x-test:default-only"));
        });
        try {
            Txn.executeRead(store, () -> {
                long query = ((Number) org.apache.jena.sparql.exec.QueryExec.dataset(store)
                        .query("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }")
                        .select().next().get("n").getLiteralValue()).longValue();
                long quads = Iter.count(store.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY)) - 1;
                assertTrue(query > 1000 && query < quads, "copies in several graphs among " + quads + " quads: " + query + " triples");
                assertEquals(query, Tdb2Store.within(new DatasetGraphWrapper(store)).unionTriples());
            });
        } finally {
            TDBInternal.expel(store);
        }
    }

    @Test
    void aDatasetInMemoryHasNoTdb2Store() {
        assertNull(Tdb2Store.within(DatasetGraphFactory.createTxnMem()));
    }
}
