package org.w3id.sijill.server.ld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/**
 * The incoming-link count a page shows ("Referenced by (more than 10,000)"), read from TDB2's quad
 * index on node ids, is the count the query gives: distinct (subject, property) pairs over the named
 * graphs, the reification properties left out, stopped one past the cap.
 */
class IncomingCountTest {
    private static final String EX = "https://example.org/x/";
    private static final int LINKS = 60;

    private static Node iri(String local) {
        return NodeFactory.createURI(EX + local);
    }

    /** A TDB2 store: {@value #LINKS} subjects link to the target by two properties, some twice over in two graphs. */
    private static DatasetGraph store() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Node target = iri("target");
        Node g1 = iri("g1");
        Node g2 = iri("g2");
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < LINKS; i++) {
                Node s = iri("s" + i);
                dsg.add(g1, s, iri("cites"), target);
                if (i % 3 == 0) dsg.add(g2, s, iri("cites"), target);   // the same pair in another graph: once
                if (i % 4 == 0) dsg.add(g2, s, iri("about"), target);   // another property: another pair
            }
            Node blank = NodeFactory.createBlankNode();
            dsg.add(g1, blank, iri("cites"), target);
            Node statement = iri("statement");
            dsg.add(g1, statement, RDF.Nodes.subject, target);            // reification: not a link
            dsg.add(g1, statement, RDF.Nodes.object, target);
            dsg.add(g1, target, iri("cites"), iri("elsewhere"));          // outgoing: not counted
            dsg.add(g1, iri("s0"), iri("cites"), iri("elsewhere"));
            dsg.getDefaultGraph().add(iri("inDefault"), iri("cites"), target); // the default graph is not a named graph
        });
        return dsg;
    }

    @Test
    void theIndexCountsWhatTheQueryCounts() {
        DatasetGraph dsg = store();
        long expected = LINKS + (LINKS + 3) / 4 + 1;  // every subject once by cites, every fourth by about, the blank node
        int compared = 0;
        for (Node r : List.of(iri("target"), iri("elsewhere"), iri("absent"), iri("s1"))) {
            for (long cap : List.of(0L, 1L, 10L, expected - 1, expected, expected + 1, 10_000L)) {
                long byQuery = Txn.calculateRead(dsg, () -> ResourceDescriber.countByQuery(dsg, r, cap));
                long byIndex = Txn.calculateRead(dsg, () -> ResourceDescriber.countInIndex(ResourceDescriber.quadTable(dsg), r, cap));
                assertEquals(byQuery, byIndex, r + " up to " + cap);
                compared++;
            }
        }
        assertEquals(28, compared);
        long all = Txn.calculateRead(dsg, () -> ResourceDescriber.countInIndex(ResourceDescriber.quadTable(dsg), iri("target"), 10_000));
        assertEquals(expected, all);
        assertEquals(2, Txn.calculateRead(dsg, () -> ResourceDescriber.countInIndex(ResourceDescriber.quadTable(dsg), iri("elsewhere"), 10)));
        assertEquals(11, Txn.calculateRead(dsg, () -> ResourceDescriber.countInIndex(ResourceDescriber.quadTable(dsg), iri("target"), 10)),
                "one past the cap");
    }

    @Test
    void theIndexIsFoundThroughWrappersAndOnlyInTdb2() {
        DatasetGraph dsg = store();
        assertNotNull(ResourceDescriber.quadTable(new DatasetGraphWrapper(dsg)));
        assertNull(ResourceDescriber.quadTable(DatasetGraphFactory.createTxnMem()));
        // the describer over a wrapped store and over the same quads in memory give one count
        DatasetGraph mem = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(dsg, () -> Txn.executeWrite(mem, () -> dsg.find().forEachRemaining(mem::add)));
        long tdb = new ResourceDescriber(new DatasetGraphWrapper(dsg)).describe(EX + "target").incomingCount();
        long inMemory = new ResourceDescriber(mem).describe(EX + "target").incomingCount();
        assertEquals(inMemory, tdb);
        assertEquals(LINKS + (LINKS + 3) / 4 + 1, tdb);
    }
}
