package org.w3id.sijill.server.dumps;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.w3id.sijill.dump.DumpSettings;

/**
 * The dump-related modules in the order the server adds them ({@link ContextModule}, which the
 * dumps reference, is one of the core modules of every server): {@link DumpFilesModule} ({@code /dumps/}, regenerating the folder
 * when the store's release changed), {@link DatasetDescriptionModule} ({@code /.well-known/void},
 * {@code /dataset}).
 *
 * <pre>{@code
 * ProjectPaths home = ProjectPaths.locate();
 * SijillServer.builder()...addModules(DumpModules.forServe(home.home().resolve("var/dumps"), DumpSettings.fromProject(home)));
 * }</pre>
 */
public final class DumpModules {
    private DumpModules() {}

    /** @return the modules serving (and, when stale, regenerating in the background) {@code dumpsDir} */
    public static List<FusekiModule> forServe(Path dumpsDir, DumpSettings settings) {
        BackgroundDumps background = new BackgroundDumps(dumpsDir, settings);
        return List.of(DumpFilesModule.regenerating(dumpsDir, background), new DatasetDescriptionModule(dumpsDir, settings, background));
    }
}
