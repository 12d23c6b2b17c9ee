package org.w3id.sijill.dump;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.w3id.sijill.core.ProjectPaths;

/** An on-disk TDB2 store with the hard cases and the sample, its release file, and dump settings from the project's register. */
final class DumpFixture {
    private DumpFixture() {}

    static final Release RELEASE = new Release("2026-04-27-0123456789ab", "2026-04-27T12:00:00Z", 0, 0);

    static DatasetGraph store(Path dir, String... resources) throws Exception {
        DatasetGraph store = DatabaseMgr.connectDatasetGraph(dir.toString());
        for (String r : resources) {
            try (InputStream in = DumpFixture.class.getResourceAsStream(r)) {
                assertTrue(in != null, "test resource " + r + " is missing");
                Txn.executeWrite(store, () -> RDFParser.source(in).lang(Lang.TRIG).parse(store));
            }
        }
        long quads = Txn.calculateRead(store, () -> store.stream().count());
        assertTrue(quads > 0, "no quads loaded from " + List.of(resources));
        new Release(RELEASE.id(), RELEASE.built(), quads, quads).write(dir);
        return store;
    }

    /** The project's own register of external sources (sources/external-sources.csv). */
    static DumpSettings settings() {
        DumpSettings s = new DumpSettings(DumpSettings.DEFAULT_LICENCE,
                ExternalSource.read(new ProjectPaths(JsonLdReaders.projectHome()).sources().resolve("external-sources.csv")),
                "http://localhost:3030/", "http://localhost:3030/sparql");
        assertTrue(!s.sources().isEmpty(), "sources/external-sources.csv has no rows");
        return s;
    }
}
