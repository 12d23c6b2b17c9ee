package org.w3id.sijill.server.pages;

import java.util.Objects;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.server.Site;
import org.w3id.sijill.server.http.ErrorPages;
import org.w3id.sijill.server.ld.HttpCaching;

/**
 * The HTML side of the Sijill server as a Fuseki module: the landing page {@code /}, entity pages
 * {@code /page/{path}}, the ontology documentation {@code /page/ontology}, the query page
 * {@code /query}, the country comparison {@code /compare}, the static files {@code /static/*}, and
 * the site-styled error pages for every path ({@link ErrorPageFilter}). It renders the store behind
 * {@code /sparql} with the ontology and cache settings of the {@link Site}, so it runs inside a
 * server assembled by {@link org.w3id.sijill.server.SijillServer}.
 *
 * <pre>{@code
 * SijillServer server = SijillServer.builder()
 *         .config(home.fusekiConfig().resolve("sijill.ttl")).store(store).ontology(ontologyFile)
 *         .addModule(new PagesModule(new ExampleQueries(home.queries()), downloadsInfo))
 *         .build().start();
 * }</pre>
 */
public final class PagesModule implements FusekiModule {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PagesModule.class);
    private final ExampleQueries examples;
    private final DownloadsInfo downloads;
    private volatile SijillPages pages;

    /**
     * @param examples the example queries shown on the landing and query pages
     * @param downloads the published dumps ({@link DownloadsInfo#NONE} when there are none)
     */
    public PagesModule(ExampleQueries examples, DownloadsInfo downloads) {
        this.examples = Objects.requireNonNull(examples, "examples");
        this.downloads = Objects.requireNonNull(downloads, "downloads");
    }

    @Override
    public String name() {
        return "Sijill pages";
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        Site site = Site.from(builder);
        SijillPages p = new SijillPages(Site.dataset(registry), site.ontology(), examples, downloads)
                .cachePerRelease(() -> site.release().id())
                .observing(org.w3id.sijill.server.observatory.Observatory.shared(builder, registry));
        HttpCaching caching = new HttpCaching(site::release, site.maxAge());
        this.pages = p;
        builder.addServlet("", new LandingServlet(p, caching));
        builder.addServlet("/page/*", new EntityPageServlet(p, caching));
        builder.addServlet("/query", new QueryPageServlet(p));
        builder.addServlet("/compare", new CompareServlet(p, caching));
        builder.addServlet("/static/*", new StaticServlet());
        ErrorPages.Renderer errors = (req, resp, status, message) -> {
            resp.setHeader("Cache-Control", "no-store");
            PageResponses.write(req, resp, p.error(PageResponses.pageRequest(req), status, message, "en"));
        };
        builder.addServletAttribute(ErrorPages.ATTRIBUTE, errors);
        builder.addFilter("/*", new ErrorPageFilter(errors));
        site.served().onChange(release -> warmUp(p));
    }

    @Override
    public void serverAfterStarting(FusekiServer server) {
        if (pages != null) warmUp(pages);
    }

    /** Reads the pages' once-per-release figures on a background thread (the port is open meanwhile). */
    private static void warmUp(SijillPages p) {
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                p.warmUp();
                LOG.info("pages warmed up in {} ms", (System.nanoTime() - t0) / 1_000_000L);
            } catch (RuntimeException e) {
                // no caller on this thread: the first request reads them again and answers with the error
                LOG.warn("warming up the pages failed: {}", e.getMessage(), e);
            }
        }, "sijill-pages-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** @return the page renderer, once the server is configured */
    public SijillPages pages() {
        if (pages == null) throw new SijillException(SijillException.Kind.ENVIRONMENT, "the pages module is not configured yet");
        return pages;
    }
}
