package org.w3id.sijill.dump;

import java.nio.file.Path;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.sijill.release.ReleaseLayout;

/**
 * The dumps that travel inside a release folder ({@code {release}/dumps/}), written from the
 * release's own store before the release is published, so a release folder is complete and
 * immutable: store, index and downloads together.
 *
 * <pre>{@code
 * ReleaseDumps.write(releaseFolder, DumpSettings.fromProject(paths)); // a build writes them itself: StoreBuilder.withDumps
 * }</pre>
 */
public final class ReleaseDumps {
    private ReleaseDumps() {}

    /** @return the dumps folder of {@code release} */
    public static Path dir(Path release) {
        return release.resolve(ReleaseLayout.DUMPS);
    }

    /** Writes the dumps of the store in {@code release} into {@code release/dumps}. @return their catalog */
    public static DumpCatalog write(Path release, DumpSettings settings) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(release.toString());
        try {
            return new DumpWriter(settings).write(dsg, Release.read(release), dir(release));
        } finally {
            TDBInternal.expel(dsg);
        }
    }
}
