package org.w3id.sijill.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDBException;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.sijill.dump.ReleaseDumps;
import org.w3id.sijill.release.ReleaseLayout;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.dump.DumpCatalog;
import org.w3id.sijill.dump.DumpSettings;
import org.w3id.sijill.dump.DumpWriter;
import org.w3id.sijill.dump.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sijill dump --out DIR [--store DIR]}: write the downloadable dumps (JSON-LD, N-Quads, TriG, Turtle) with checksums. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Write the downloadable dumps (JSON-LD, N-Quads, TriG, Turtle) with checksums and the release id.")
public final class DumpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write the dumps into (created if missing)")
    Path out;

    @Option(names = "--store", paramLabel = "DIR", description = "the TDB2 store (default: var/store in the project)")
    Path store;

    @Override
    public Integer call() {
        ProjectPaths home = ProjectPaths.locate();
        Path storeDir = store != null ? store : home.defaultStore();
        if (!Files.isDirectory(storeDir)) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "no store at " + storeDir + " (build it with: ./sijill build)");
        }
        ReleaseLayout.of(storeDir).recover().forEach(line -> spec.commandLine().getErr().println("sijill: " + line));
        Path folder = real(storeDir);
        Release release = Release.read(folder);
        DatasetGraph dsg;
        try {
            dsg = DatabaseMgr.connectDatasetGraph(folder.toString());
        } catch (DBOpEnvException | TDBException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "the store " + storeDir + " is in use by another process (a running"
                    + " 'sijill serve'?); " + (Files.isDirectory(ReleaseDumps.dir(folder)) ? "its dumps are ready in " + ReleaseDumps.dir(folder)
                    : "stop that process or dump another store") + " (" + e.getMessage() + ")", e);
        }
        DumpCatalog c;
        try {
            c = new DumpWriter(DumpSettings.fromProject(home)).write(dsg, release, out);
        } finally {
            TDBInternal.expel(dsg);
        }
        spec.commandLine().getOut().printf("release %s written to %s%n", c.release(), out);
        for (DumpCatalog.DumpFile f : c.files()) {
            spec.commandLine().getOut().printf("  %-18s %,14d bytes  %s%n", f.name(), f.bytes(), f.sha256());
        }
        return 0;
    }

    private static Path real(Path store) {
        try {
            return store.toRealPath();
        } catch (java.io.IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot resolve the store " + store + ": " + e.getMessage(), e);
        }
    }
}
