package org.w3id.sijill.server.search;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.w3id.sijill.server.Site;

/**
 * Full-text search of the register as a Fuseki module: {@code /search} (page),
 * {@code /api/search} (JSON, JSON-LD) and {@code /api/search/suggest} (autocomplete of the header
 * box). It reads the Lucene index of the release served ({@code {release}/text-index}, written by
 * {@code sijill build}), the same index {@code text:query} uses at {@code /sparql}, through
 * {@link TextIndexReloadModule} (a core module): each request holds the index of one release from
 * start to end, and after a live reload the next request reads the new release's index, country
 * names and class labels.
 *
 * <pre>{@code
 * SijillServer.builder()...addModule(new SearchModule()).build().start();
 * // GET /api/search?q=NTRA
 * }</pre>
 */
public final class SearchModule implements FusekiModule {

    @Override
    public String name() {
        return "Sijill search";
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        Site site = Site.from(builder);
        ServedTextIndex index = TextIndexReloadModule.servedIndex(registry);
        builder.addServlet("/search", new SearchPageServlet(index, new SearchPage()));
        builder.addServlet("/api/search", new SearchApiServlet(index, site));
        builder.addServlet("/api/search/suggest", new SuggestServlet(index));
    }
}
