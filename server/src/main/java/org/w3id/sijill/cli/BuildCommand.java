package org.w3id.sijill.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.dump.DumpSettings;
import org.w3id.sijill.loader.BuildReport;
import org.w3id.sijill.loader.ConsoleProgress;
import org.w3id.sijill.loader.StoreBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sijill build [--sources DIR] [--store DIR] [--keep N]}: builds the TDB2 store from the
 * sources (validated), writes its dumps into the new release folder, publishes the release with an
 * atomic link flip only when everything passed, and prints a summary. Errors are
 * {@link org.w3id.sijill.core.SijillException}s, translated by {@link SijillCli}.
 *
 * <pre>{@code
 * ./sijill build --sources sources --store var/store
 * }</pre>
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the TDB2 store from sources/ (validated; swapped in only when everything passed).")
public final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sources", paramLabel = "DIR", description = "the sources folder (default: sources/ of the project)")
    Path sources;

    @Option(names = "--store", paramLabel = "DIR", description = "the TDB2 store folder (default: var/store of the project)")
    Path store;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "3",
            description = "release folders to keep (default: ${DEFAULT-VALUE}); older ones are deleted unless a server uses them")
    int keep;

    @Override
    public Integer call() {
        ProjectPaths paths = ProjectPaths.locate();
        DumpSettings settings = DumpSettings.fromProject(paths);
        BuildReport report = new StoreBuilder(paths).keepReleases(keep)
                .withDumps(settings)
                .build(
                sources != null ? sources : paths.sources(),
                store != null ? store : paths.defaultStore(),
                new ConsoleProgress(System.err));
        spec.commandLine().getOut().print(report.summary());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
