package org.w3id.sijill.dump;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Keeps a dumps folder in step with a store: the call the server makes at start-up. When the
 * folder has no complete dumps, or dumps of another release than the store's
 * ({@code release.properties}), they are written anew; otherwise the folder is left alone.
 *
 * <pre>{@code
 * DumpCatalog c = Dumps.ensureCurrent(store, storeDir, home.home().resolve("var/dumps"), DumpSettings.fromProject(home));
 * }</pre>
 */
public final class Dumps {
    private Dumps() {}

    /** @return the catalog of up-to-date dumps in {@code dumpsDir}, written first if needed */
    public static DumpCatalog ensureCurrent(DatasetGraph store, Path storeDir, Path dumpsDir, DumpSettings settings) {
        Release release = Release.read(storeDir);
        Optional<DumpCatalog> existing = DumpCatalog.readIfPresent(dumpsDir);
        if (existing.isPresent() && existing.get().release().equals(release.id())) return existing.get();
        return new DumpWriter(settings).write(store, release, dumpsDir);
    }
}
