package org.w3id.sijill.server.search;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.server.Site;

/**
 * Keeps the full-text index in step with the release served: the server reads the index of the
 * release folder it serves ({@code {release}/text-index}, built by {@code sijill build} with the
 * data), and when it switches to a new release (live reload) it opens that release's index before
 * the switch and puts it in place in the same held moment as the data; the old index is closed
 * when the last request using it has finished ({@link ReleaseBound}). The names the search pages
 * show are read once the port is open, on a background thread (or by the first search), not while
 * the server starts; a new release's are read before it is switched in. Both readers follow: the
 * search pages and API ({@link SearchModule}, through {@link #servedIndex}) and {@code text:query}
 * at {@code /sparql} (the {@link ServedTextIndex} is set as jena-text's index in the dataset's
 * context, which jena-text consults before the index the configuration assembled).
 *
 * <p>A configuration without a text dataset has nothing to follow: the module then does nothing.
 *
 * <pre>{@code
 * // a core module of SijillServer; other modules reach the index with
 * ServedTextIndex index = TextIndexReloadModule.servedIndex(registry);
 * }</pre>
 */
public final class TextIndexReloadModule implements FusekiModule {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TextIndexReloadModule.class);
    private volatile ServedTextIndex index;

    @Override
    public String name() {
        return "Sijill text index reload";
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        DatasetGraph dsg = Site.dataset(registry);
        if (!(dsg instanceof DatasetGraphText)) return;
        Site site = Site.from(builder);
        ServedTextIndex served = new ServedTextIndex(ReleaseTextIndex.open(site.release(), site.served().folder(), dsg, site.ontology()));
        dsg.getContext().set(TextQuery.textIndex, served);
        site.served().follow((release, folder, data) -> {
            ReleaseTextIndex next = ReleaseTextIndex.open(release, folder, data, site.ontology());
            try {
                next.labels();  // a new release's names are read before it is switched in, as its index is opened
            } catch (RuntimeException e) {
                next.close();
                throw e;
            }
            return served.switchTo(next);
        });
        this.index = served;
    }

    /** Reads the names the search pages show (the store's ontology graph, the index's countries) once the port is open. */
    @Override
    public void serverAfterStarting(FusekiServer server) {
        ServedTextIndex served = index;
        if (served == null) return;
        Thread t = new Thread(() -> {
            try (ReleaseBound.Lease<ReleaseTextIndex> lease = served.lease()) {
                lease.get().labels();
            } catch (RuntimeException e) {
                // no caller on this thread: the first search reads them again and answers with the error
                LOG.warn("reading the search labels failed: {}", e.getMessage(), e);
            }
        }, "sijill-search-warm-up");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void serverStopped(FusekiServer server) {
        ServedTextIndex i = index;
        if (i != null) i.close();
    }

    /**
     * @param registry the server's data access points
     * @return the text index the server answers from
     * @throws SijillException {@code ENVIRONMENT} when the dataset has no text index this module follows
     */
    public static ServedTextIndex servedIndex(DataAccessPointRegistry registry) {
        Object o = Site.dataset(registry).getContext().get(TextQuery.textIndex);
        if (o instanceof ServedTextIndex s) return s;
        throw new SijillException(SijillException.Kind.ENVIRONMENT,
                "search needs the full-text index: the Fuseki configuration must serve a text:TextDataset with a text:TextIndexLucene");
    }
}
