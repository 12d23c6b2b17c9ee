package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The landing page's class counts, read from a TDB2 store by one scan of its {@code rdf:type}
 * triples on node ids, are those of the query over the union graph they replace (kept as the
 * fallback for other datasets, and the reference here): on the page fixture and on edge cases (a
 * typing in two graphs, a resource of two classes, blank nodes, SKOS classes, a class outside
 * Sijill, a blank, literal, numeric and date "class", typings in the default graph).
 */
class ClassCountsOnNodeIdsTest {

    @Test
    void theScanCountsWhatTheQueryCounted(@TempDir Path dir) throws Exception {
        DatasetGraph store = DatabaseMgr.connectDatasetGraph(dir.toString());
        Txn.executeWrite(store, () -> {
            RDFParser.source(Fixture.resource("fixture.trig")).parse(store);
            RDFParser.source(Fixture.resource("class-counts-edge-cases.trig")).parse(store);
        });
        try {
            PageQueries q = new PageQueries(store);
            Map<String, Long> query = q.classCountsByQuery();
            Map<String, Long> scan = q.classCounts();
            assertFalse(query.isEmpty(), "the fixture has typed resources");
            assertEquals(query, scan);
            // the edge cases are counted: law/x-one (in two graphs), _:b1, ex:outside, x-three (in two graphs) and the fixture's laws
            long fixtureLaws = countsOf(Fixture.dataset()).getOrDefault("https://w3id.org/sijill/ontology#Law", 0L);
            assertEquals(fixtureLaws + 4, scan.get("https://w3id.org/sijill/ontology#Law"));
            assertNull(scan.get("http://example.org/Thing"), "not a Sijill class");
            assertEquals(query, new PageQueries(new DatasetGraphWrapper(store)).classCounts(), "through a wrapper, as the server serves it");
            DatasetGraph copy = DatasetGraphFactory.createTxnMem();
            Txn.executeRead(store, () -> store.find().forEachRemaining(copy::add));
            assertEquals(query, countsOf(copy), "in memory, by the query");
        } finally {
            TDBInternal.expel(store);
        }
    }

    private static Map<String, Long> countsOf(DatasetGraph dsg) {
        return new PageQueries(dsg).classCounts();
    }
}
