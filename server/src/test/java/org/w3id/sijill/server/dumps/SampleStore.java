package org.w3id.sijill.server.dumps;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.dump.DumpSettings;
import org.w3id.sijill.dump.ExternalSource;
import org.w3id.sijill.dump.Release;

/**
 * The dump tests' store: a TDB2 store on disk holding the test resource {@code dumps/sample.trig},
 * marked as one release, and the dump settings of the project's {@code sources/}.
 *
 * <pre>{@code
 * DatasetGraph dsg = SampleStore.create(tmp.resolve("store"), "2026-04-27-abcdefabcdef");
 * }</pre>
 */
final class SampleStore {
    private SampleStore() {}

    /** @return the store at {@code store}, loaded with the sample and written as release {@code release} */
    static DatasetGraph create(Path store, String release) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        try (InputStream in = SampleStore.class.getResourceAsStream("/dumps/sample.trig")) {
            assertTrue(in != null, "test resource dumps/sample.trig missing");
            Txn.executeWrite(dsg, () -> RDFParser.source(in).lang(Lang.TRIG).parse(dsg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long quads = Txn.calculateRead(dsg, () -> dsg.stream().count());
        assertTrue(quads > 0);
        // ServiceAllowListModule (server core) copies the registry from the dataset's context and
        // fails when that context has none; give this store the global one.
        if (ServiceExecutorRegistry.get(dsg.getContext()) == null) {
            ServiceExecutorRegistry.set(dsg.getContext(), ServiceExecutorRegistry.get());
        }
        new Release(release, "2026-04-27T12:00:00Z", quads, quads).write(store);
        return dsg;
    }

    /** @return the dump settings: default licence and base, the external sources of {@code paths} */
    static DumpSettings settings(ProjectPaths paths) {
        return new DumpSettings(DumpSettings.DEFAULT_LICENCE, ExternalSource.read(paths.sources().resolve("external-sources.csv")),
                DumpSettings.DEFAULT_BASE, DumpSettings.DEFAULT_BASE + "sparql");
    }
}
