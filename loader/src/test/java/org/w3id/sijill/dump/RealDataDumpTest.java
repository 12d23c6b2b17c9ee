package org.w3id.sijill.dump;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.loader.RealStore;

/**
 * The real thing: the store built by the loader from the project's {@code sources/}, dumped, and
 * the JSON-LD read back by the three processors — isomorphic to the N-Quads dump.
 */
class RealDataDumpTest {

    @TempDir
    Path tmp;

    @Test
    void realStoreDumpsAreConsistentThreeWays() throws Exception {
        ProjectPaths home = new ProjectPaths(JsonLdReaders.projectHome());
        Path storeDir = RealStore.get().store();
        DatasetGraph store = DatabaseMgr.connectDatasetGraph(storeDir.toString());
        long quads = Txn.calculateRead(store, () -> store.stream().count());
        assertTrue(quads > 1000, "the real store is suspiciously small: " + quads + " quads");

        Path out = tmp.resolve("dumps");
        new DumpWriter(DumpSettings.fromProject(home)).write(store, Release.read(storeDir), out);
        DatasetGraph nquads = DatasetGraphFactory.createTxnMem();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out.resolve("sijill.nq.gz")))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(nquads);
        }
        assertTrue(nquads.stream().count() > quads, "the N-Quads dump holds the store plus its description graph");
        JsonLdReaders.assertIsomorphic(nquads, JsonLdReaders.jena(out.resolve("sijill.jsonld")), "real data, Jena");
        JsonLdReaders.assertIsomorphic(nquads, JsonLdReaders.jsonldJava(out.resolve("sijill.jsonld")), "real data, jsonld-java");
        JsonLdReaders.assertIsomorphic(JsonLdReaders.canonicalDoubles(nquads),
                JsonLdReaders.canonicalDoubles(JsonLdReaders.jsonldJs(out.resolve("sijill.jsonld.gz"))), "real data, jsonld.js");
    }
}
