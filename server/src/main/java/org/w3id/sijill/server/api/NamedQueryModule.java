package org.w3id.sijill.server.api;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.w3id.sijill.query.NamedQueryCatalog;
import org.w3id.sijill.server.Site;

/**
 * Serves the project's named queries ({@code queries/*.rq}) at {@code /api/queries}: see
 * {@link NamedQueryServlet}.
 *
 * <pre>{@code
 * SijillServer.builder()...addModule(new NamedQueryModule(paths.queries(), Duration.ofSeconds(5)));
 * }</pre>
 */
public final class NamedQueryModule implements FusekiModule {
    private final Path queriesDir;
    private final Duration timeout;

    public NamedQueryModule(Path queriesDir, Duration timeout) {
        this.queriesDir = queriesDir;
        this.timeout = timeout;
    }

    @Override
    public String name() { return "Sijill named queries"; }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        NamedQueryCatalog catalog = NamedQueryCatalog.load(queriesDir);
        builder.addServlet("/api/queries/*", new NamedQueryServlet(catalog, Site.dataset(registry), timeout, Site.from(builder)));
    }
}
