package org.w3id.sijill.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.dump.DumpCatalog;
import org.w3id.sijill.dump.DumpSettings;
import org.w3id.sijill.server.api.NamedQueryModule;
import org.w3id.sijill.server.dumps.DumpModules;
import org.w3id.sijill.server.pages.DownloadsInfo;
import org.w3id.sijill.server.pages.ExampleQueries;
import org.w3id.sijill.server.pages.PagesModule;
import org.w3id.sijill.server.search.SearchModule;

/**
 * The modules of the public Sijill server beyond the core ones {@link SijillServer} always has:
 * the JSON-LD context, the dumps (written when missing or of an older release) and the dataset
 * description, the named-query API, the pages (landing with the downloads, entity pages,
 * ontology documentation, query page) and the search (page, API, autocomplete). {@code serve} and the integration tests assemble the server
 * from this one list.
 *
 * <pre>{@code
 * SijillServer.builder()...addModules(StandardModules.of(paths, Duration.ofSeconds(5), paths.defaultDumps(), null)).build();
 * }</pre>
 */
public final class StandardModules {
    private StandardModules() {}

    /** The query time limit when none is configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * @param paths      the project folders (queries, external-sources register)
     * @param timeout    the time limit of named queries ({@code null}: {@link #DEFAULT_TIMEOUT})
     * @param dumpsDir   where the dumps are written and served from
     * @param publicBase the server's public base URL for the dataset description, or {@code null}
     *                   for the canonical {@code https://w3id.org/sijill/}
     * @return the modules, in the order they run
     */
    public static List<FusekiModule> of(ProjectPaths paths, Duration timeout, Path dumpsDir, String publicBase) {
        Duration limit = timeout != null ? timeout : DEFAULT_TIMEOUT;
        DumpSettings settings = DumpSettings.fromProject(paths);
        if (publicBase != null) settings = settings.withPublicBase(publicBase);
        List<FusekiModule> modules = new ArrayList<>(DumpModules.forServe(dumpsDir, settings));
        modules.add(new NamedQueryModule(paths.queries(), limit));
        modules.add(new PagesModule(new ExampleQueries(paths.queries()), downloads(dumpsDir)));
        modules.add(new org.w3id.sijill.server.observatory.ObservatoryModule());
        modules.add(new SearchModule());
        return modules;
    }

    /** @return the landing page's view of the dumps folder, read when asked */
    static DownloadsInfo downloads(Path dumpsDir) {
        return () -> DumpCatalog.readIfPresent(dumpsDir).map(catalog -> new DownloadsInfo.Release(catalog.release(),
                catalog.files().stream().map(f -> new DownloadsInfo.Download(
                        f.name(), f.mediaType(), f.bytes(), f.sha256(), "/dumps/" + f.name())).toList()));
    }
}
