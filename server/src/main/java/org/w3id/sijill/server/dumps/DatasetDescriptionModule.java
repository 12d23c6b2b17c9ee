package org.w3id.sijill.server.dumps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.sijill.server.ld.HttpCaching;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.dump.DatasetDescription;
import org.w3id.sijill.dump.DumpCatalog;
import org.w3id.sijill.dump.DumpSettings;
import org.w3id.sijill.dump.JsonLdContext;
import org.w3id.sijill.dump.Release;
import org.w3id.sijill.dump.StreamingJsonLdWriter;
import org.w3id.sijill.server.Site;
import org.w3id.sijill.server.http.ErrorPages;
import org.w3id.sijill.server.ld.AcceptHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dataset description ({@link DatasetDescription#full}: DCAT + VoID) at
 * {@code /.well-known/void} and {@code /dataset}, in Turtle, JSON-LD (compacted with the Sijill
 * context; also for {@code application/json}), N-Triples, RDF/XML or HTML by {@code Accept} ({@code /dataset} prefers HTML, {@code /.well-known/void}
 * Turtle); nothing acceptable is 406. Download and endpoint URLs are this server's
 * ({@code --base}, else the request's). Its VoID statistics (a pass over the whole store) are
 * computed once per release on a background thread as soon as the port is open and after each
 * switch of release, never on a request: until they are ready (a request waits for them at most
 * {@value #WAIT_MILLIS} ms) the description answers {@code 503} with {@code Retry-After}.
 *
 * <pre>{@code
 * SijillServer.builder()...addModule(new DatasetDescriptionModule(Path.of("var/dumps"), DumpSettings.fromProject(home)))
 * // curl -H 'Accept: text/turtle' http://localhost:3030/.well-known/void
 * }</pre>
 */
public final class DatasetDescriptionModule implements FusekiModule {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetDescriptionModule.class);

    static final String TURTLE = "text/turtle";
    static final String JSONLD = "application/ld+json";
    static final String HTML = "text/html";
    static final String NTRIPLES = "application/n-triples";
    static final String RDFXML = "application/rdf+xml";

    /** How long a request waits for statistics being computed before it is answered 503. */
    static final long WAIT_MILLIS = 2000;
    /** Seconds a client is asked to wait for statistics being computed. */
    static final int RETRY_AFTER_SECONDS = 10;

    private final Path dumpsDir;
    private final DumpSettings settings;
    private final BackgroundDumps background;
    private Statistics statistics;
    private Runnable pending;

    /**
     * @param dumpsDir the dumps folder (its catalog gives the distributions)
     * @param settings licence and sources; its public base is replaced by this server's
     */
    public DatasetDescriptionModule(Path dumpsDir, DumpSettings settings) {
        this(dumpsDir, settings, null);
    }

    /**
     * @param background the writer of the dumps, when they are written in the background: the
     *                   description (which lists them) answers {@code 503} until they are
     */
    public DatasetDescriptionModule(Path dumpsDir, DumpSettings settings, BackgroundDumps background) {
        this.dumpsDir = dumpsDir;
        this.settings = settings;
        this.background = background;
    }

    @Override
    public String name() { return "Sijill dataset description"; }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        Site site = Site.from(builder);
        DatasetGraph store = Site.dataset(registry);
        statistics = new Statistics(store);
        Statistics stats = statistics;
        // computed once the port is open (serverAfterStarting), and again for each new release
        pending = () -> stats.schedule(site.release().id());
        site.served().onChange(release -> stats.schedule(site.release().id()));
        DescriptionServlet servlet = new DescriptionServlet(site, store, new DumpFilesModule.CatalogCache(dumpsDir), settings, background, stats);
        builder.addServlet("/.well-known/void", servlet);
        builder.addServlet("/dataset", servlet);
    }

    @Override
    public void serverAfterStarting(FusekiServer server) {
        if (pending != null) pending.run();
    }

    @Override
    public void serverStopped(FusekiServer server) {
        if (statistics != null) statistics.close();
    }

    /**
     * Waits until the VoID statistics of the release served now are computed.
     *
     * @param limit how long to wait
     * @return whether they are ready
     */
    public boolean awaitStatistics(java.time.Duration limit) {
        Statistics s = statistics;
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (s == null || s.ready().isEmpty()) {
                if (System.nanoTime() > deadline) return false;
                Thread.sleep(20);
                s = statistics;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The VoID statistics of one release at a time, computed on a background thread. */
    static final class Statistics {
        private record Computed(String release, CompletableFuture<Graph> graph) {}

        private final DatasetGraph store;
        private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sijill-void-statistics");
            t.setDaemon(true);
            return t;
        });
        private final AtomicReference<Computed> current = new AtomicReference<>();

        Statistics(DatasetGraph store) {
            this.store = store;
        }

        /** Computes the statistics of {@code release} (the one served now) unless they are computed or under way. */
        synchronized CompletableFuture<Graph> schedule(String release) {
            Computed c = current.get();
            if (c != null && c.release().equals(release) && !c.graph().isCompletedExceptionally()) return c.graph();
            CompletableFuture<Graph> f = new CompletableFuture<>();
            current.set(new Computed(release, f));
            worker.execute(() -> {
                try {
                    long t0 = System.nanoTime();
                    Graph g = Txn.calculateRead(store, () -> DatasetDescription.statistics(store));
                    LOG.info("VoID statistics of release {} computed in {} ms", release, (System.nanoTime() - t0) / 1_000_000L);
                    f.complete(g);
                } catch (RuntimeException e) {
                    // no caller on this thread: the operator reads it in the log; the next request schedules it again
                    LOG.error("computing the VoID statistics of release {} failed: {}", release, e.getMessage(), e);
                    f.completeExceptionally(e);
                }
            });
            return f;
        }

        /** @return the statistics of the release last scheduled, when they are computed */
        Optional<Graph> ready() {
            Computed c = current.get();
            return c != null && c.graph().isDone() && !c.graph().isCompletedExceptionally() ? Optional.of(c.graph().join()) : Optional.empty();
        }

        /** @return the statistics of {@code release}, waiting for them at most {@code millis} ms; empty when not ready by then */
        Optional<Graph> await(String release, long millis) {
            CompletableFuture<Graph> f = schedule(release);
            try {
                return Optional.of(f.get(millis, TimeUnit.MILLISECONDS));
            } catch (TimeoutException | ExecutionException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        void close() {
            worker.shutdownNow();
        }
    }

    static final class DescriptionServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient Site site;
        private final transient DatasetGraph store;
        private final transient DumpFilesModule.CatalogCache catalog;
        private final transient DumpSettings settings;
        private static final int MAX_CACHED = 16;
        private final transient Map<String, Graph> cache = new ConcurrentHashMap<>();
        private final transient BackgroundDumps background;
        private final transient Statistics statistics;

        DescriptionServlet(Site site, DatasetGraph store, DumpFilesModule.CatalogCache catalog, DumpSettings settings, BackgroundDumps background,
                           Statistics statistics) {
            this.statistics = statistics;
            this.site = site;
            this.store = store;
            this.catalog = catalog;
            this.settings = settings;
            this.background = background;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            boolean page = request.getRequestURI().endsWith("/dataset");
            List<String> offers = page ? List.of(HTML, TURTLE, JSONLD, NTRIPLES, RDFXML) : List.of(TURTLE, JSONLD, NTRIPLES, RDFXML, HTML);
            String format = request.getParameter("format");
            String chosen;
            if (format != null) {
                chosen = switch (format) {
                    case "ttl" -> TURTLE;
                    case "jsonld" -> JSONLD;
                    case "html" -> HTML;
                    case "nt" -> NTRIPLES;
                    case "rdf" -> RDFXML;
                    default -> throw new SijillException(SijillException.Kind.BAD_INPUT, "unknown format '" + format + "': use ttl, jsonld, nt, rdf or html");
                };
            } else {
                AcceptHeader accept = AcceptHeader.parse(request.getHeader("Accept"));
                chosen = accept.choose(offers)
                        .or(() -> accept.quality("application/json") > 0 ? java.util.Optional.of(JSONLD) : java.util.Optional.empty())
                        .orElseThrow(() -> new SijillException(SijillException.Kind.NOT_ACCEPTABLE,
                                "the dataset description is available as " + String.join(", ", offers)));
            }
            response.setHeader("Vary", "Accept");
            if (background != null && background.refuseWhileWriting(request, response, catalog.find())) return;
            DumpCatalog c = catalog.get();
            String base = site.baseFor(request);
            String served = site.release().id();
            Optional<Graph> stats = statistics.await(served, WAIT_MILLIS);
            if (stats.isEmpty()) {
                response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
                response.setHeader("Cache-Control", "no-store");
                ErrorPages.send(request, response, 503, "the statistics of release " + served + " are being computed; try again in "
                        + RETRY_AFTER_SECONDS + " s");
                return;
            }
            String key = base + " " + c.release() + " " + served;
            Graph g = cache.get(key);
            if (g == null) {
                // one release's descriptions at a time, and a bounded number of bases (Host headers)
                if (cache.size() >= MAX_CACHED) cache.clear();
                g = describe(base, c, stats.get());
                cache.put(key, g);
            }
            String etag = "\"" + c.release() + "-" + site.release().id() + "-" + org.w3id.sijill.server.SoftwareBuild.current().stamp() + "-" + chosen.replace('/', '_').replace('+', '_') + "\"";
            if (HttpCaching.notModified(request, response, etag, site.maxAge())) return;
            switch (chosen) {
                case HTML -> DatasetPage.render(request, response, c, g, site);
                case JSONLD -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try (StreamingJsonLdWriter.Session s = new StreamingJsonLdWriter(JsonLdContext.of(
                            site.localUrl(request, JsonLdContext.PUBLISHED_URL), JsonLdContext.published().json())).open(out)) {
                        s.graph(null, g.find());
                    }
                    write(request, response, "application/ld+json", out.toByteArray());
                }
                case NTRIPLES, RDFXML -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    RDFDataMgr.write(out, g, NTRIPLES.equals(chosen) ? RDFFormat.NTRIPLES : RDFFormat.RDFXML_PLAIN);
                    write(request, response, NTRIPLES.equals(chosen) ? "application/n-triples; charset=utf-8" : "application/rdf+xml", out.toByteArray());
                }
                default -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    Graph withPrefixes = g;
                    JsonLdContext.published().prefixes().forEach((p, ns) -> withPrefixes.getPrefixMapping().setNsPrefix(p, ns));
                    RDFDataMgr.write(out, withPrefixes, RDFFormat.TURTLE_PRETTY);
                    write(request, response, "text/turtle; charset=utf-8", out.toByteArray());
                }
            }
        }

        private Graph describe(String base, DumpCatalog c, Graph stats) {
            DumpSettings here = settings.withPublicBase(base);
            return Txn.calculateRead(store, () -> {
                Release release = Release.exists(site.served().folder()) ? Release.read(site.served().folder()) : new Release(c.release(), c.built(), 0, 0);
                return DatasetDescription.full(release, here, store, c, stats);
            });
        }

        private static void write(HttpServletRequest request, HttpServletResponse response, String type, byte[] body) throws IOException {
            response.setContentType(type);
            response.setContentLength(body.length);
            if (!"HEAD".equals(request.getMethod())) response.getOutputStream().write(body);
        }
    }
}
