package org.w3id.sijill.server;

import java.time.Duration;
import java.util.List;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.server.api.NamedQueryModule;
import org.w3id.sijill.server.pages.DownloadsInfo;
import org.w3id.sijill.server.pages.ExampleQueries;
import org.w3id.sijill.server.pages.PagesModule;

/**
 * The modules of the public Sijill server beyond the core ones {@link SijillServer} always has:
 * the named-query API, the pages (landing, entity pages, ontology documentation, query page).
 * {@code serve} and the integration tests assemble the server from this one list.
 *
 * <pre>{@code
 * SijillServer.builder()...addModules(StandardModules.of(paths, Duration.ofSeconds(5), downloads)).build();
 * }</pre>
 */
public final class StandardModules {
    private StandardModules() {}

    /** The query time limit when none is configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * @param paths     the project folders (queries)
     * @param timeout   the time limit of named queries ({@code null}: {@link #DEFAULT_TIMEOUT})
     * @param downloads what the landing page lists as downloads
     * @return the modules, in the order they run
     */
    public static List<FusekiModule> of(ProjectPaths paths, Duration timeout, DownloadsInfo downloads) {
        Duration limit = timeout != null ? timeout : DEFAULT_TIMEOUT;
        return List.of(
                new NamedQueryModule(paths.queries(), limit),
                new PagesModule(new ExampleQueries(paths.queries()), downloads));
    }
}
